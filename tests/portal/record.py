"""Re-record the portal's cassettes (tests/fixtures/saleor/portal/) from a real Saleor 3.23 on a fresh database.

    SALEOR_PYTHON=/path/to/python DATABASE_URL=postgres://... .venv/bin/python -m tests.portal.record

The tier-2 harness as in ``tests.saleor_client.record``: a copy of the migrated template database,
Saleor's API on a free loopback port, an app with ``APP_PERMISSIONS``; the tests of
``test_recorded_edits.py`` then run in file order against it, each from the state the previous left.
"""

from __future__ import annotations

import os
import subprocess
import sys

from catalog_sync.saleor.client import APP_PERMISSIONS
from tests.saleor_client.conftest import CASSETTES
from tests.tier2 import saleor_harness as harness


def main() -> int:
    python = harness.saleor_python()
    if not python:
        print("set SALEOR_PYTHON to an interpreter in whose environment `saleor` imports", file=sys.stderr)
        return 2
    keys = harness.Secrets.generate()
    template = harness.ensure_template(python, keys)
    name = harness.copy_database(template, "record_portal")
    url = harness.database_url(name)
    api = harness.SaleorApi(harness.SaleorEnv(python, url, harness.saleor_environment(python, url, keys), name))
    try:
        api.start()
        token = api.create_app_token("ocop-record-portal", APP_PERMISSIONS)
        for cassette in (CASSETTES / "portal").glob("*.json"):
            cassette.unlink()
        env = {**os.environ, "OCOP_SALEOR_RECORD_URL": api.url, "OCOP_SALEOR_RECORD_TOKEN": token}
        return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               "tests/portal/test_recorded_edits.py"], env=env, check=False).returncode
    finally:
        api.stop()
        harness.drop_database(name)


if __name__ == "__main__":
    sys.exit(main())
