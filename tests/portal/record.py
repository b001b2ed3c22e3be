"""Re-record the portal's cassettes (tests/fixtures/saleor/portal/) from a real Saleor 3.23 on a fresh database.

    SALEOR_PYTHON=/path/to/python DATABASE_URL=postgres://... .venv/bin/python -m tests.portal.record [AREA ...]

AREA names a file ``tests/portal/test_recorded_AREA.py`` (default: every such file). Each file is one
recording: a copy of the migrated template database, Saleor's API on a free loopback port, an app with
``APP_PERMISSIONS``; the file's tests then run in file order against it, each from the state the previous
left. ``edits`` keeps its cassettes directly in ``portal/``; every other area in ``portal/AREA/``, so
re-recording one area leaves the others' cassettes alone.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from catalog_sync.saleor.client import APP_PERMISSIONS
from testkit import saleor_harness as harness
from testkit.saleor_api import SaleorApi
from tests.saleor_client.conftest import CASSETTES

HERE = Path(__file__).resolve().parent
# What an area needs beyond APP_PERMISSIONS (the installed app asks for it in its manifest).
EXTRA_PERMISSIONS = {"orders": ("MANAGE_ORDERS",)}


def areas() -> list[str]:
    return sorted(path.stem.removeprefix("test_recorded_") for path in HERE.glob("test_recorded_*.py"))


def cassettes_of(area: str) -> list[Path]:
    folder = CASSETTES / "portal" if area == "edits" else CASSETTES / "portal" / area
    return sorted(folder.glob("*.json"))


def record(python: str, keys: harness.Secrets, template: str, area: str) -> int:
    name = harness.copy_database(template, f"record_portal_{area}")
    url = harness.database_url(name)
    api = SaleorApi(harness.SaleorEnv(python, url, harness.saleor_environment(python, url, keys), name))
    try:
        api.start()
        token = api.create_app_token(f"ocop-record-portal-{area}",
                                     (*APP_PERMISSIONS, *EXTRA_PERMISSIONS.get(area, ())))
        for cassette in cassettes_of(area):
            cassette.unlink()
        env = {**os.environ, "OCOP_SALEOR_RECORD_URL": api.url, "OCOP_SALEOR_RECORD_TOKEN": token}
        return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               str(HERE / f"test_recorded_{area}.py")], env=env, check=False).returncode
    finally:
        api.stop()
        harness.drop_database(name)


def main(argv: list[str]) -> int:
    python = harness.saleor_python()
    if not python:
        print("set SALEOR_PYTHON to an interpreter in whose environment `saleor` imports", file=sys.stderr)
        return 2
    known = areas()
    chosen = argv or known
    unknown = [area for area in chosen if area not in known]
    if unknown:
        print(f"no tests/portal/test_recorded_<area>.py for: {', '.join(unknown)} (known: {', '.join(known)})",
              file=sys.stderr)
        return 2
    keys = harness.Secrets.generate()
    template = harness.ensure_template(python, keys)
    status = 0
    for area in chosen:
        print(f"==> recording {area}", flush=True)
        status = record(python, keys, template, area) or status
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
