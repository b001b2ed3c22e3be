"""Re-record every cassette of test_recorded.py from a real Saleor 3.23 on a fresh database.

    SALEOR_PYTHON=/path/to/python DATABASE_URL=postgres://... .venv/bin/python -m tests.saleor_client.record

Uses the tier-2 harness: a copy of the migrated template database, Saleor's API on a free loopback
port, an app with exactly the permissions the commands need (``APP_PERMISSIONS``). The cassettes are
recorded in file order, each from the state the previous one left (a cassette two tests use is
recorded by the first and replayed by the second); then the API stops and the database is dropped.
Replay afterwards with ``./scripts/test tests/saleor_client``.
"""

from __future__ import annotations

import os
import subprocess
import sys

from catalog_sync.saleor.client import APP_PERMISSIONS
from testkit import saleor_harness as harness
from testkit.saleor_api import SaleorApi


def main() -> int:
    python = harness.saleor_python()
    if not python:
        print("set SALEOR_PYTHON to an interpreter in whose environment `saleor` imports", file=sys.stderr)
        return 2
    keys = harness.Secrets.generate()
    template = harness.ensure_template(python, keys)
    name = harness.copy_database(template, "record")
    url = harness.database_url(name)
    api = SaleorApi(harness.SaleorEnv(python, url, harness.saleor_environment(python, url, keys), name))
    try:
        api.start()
        token = api.create_app_token("ocop-record", APP_PERMISSIONS)
        # each cassette test_recorded.py uses is written afresh (the app's, 11-13, are tests/tier2/test_app.py's)
        env = {**os.environ, "OCOP_SALEOR_RECORD_URL": api.url, "OCOP_SALEOR_RECORD_TOKEN": token}
        return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               "tests/saleor_client/test_recorded.py"], env=env, check=False).returncode
    finally:
        api.stop()
        harness.drop_database(name)


if __name__ == "__main__":
    sys.exit(main())
