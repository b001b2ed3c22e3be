"""Tier-2 fixtures: a real Saleor 3.23 with our plugin (see testkit/saleor_harness.py).

Every test under tests/tier2 is marked ``tier2`` and skipped unless SALEOR_PYTHON names an
interpreter in whose environment ``saleor`` imports.

Reusable fixtures (module-scoped, one database and one API per test module):
- ``saleor_env``: ``.python``, ``.database_url``, ``.env`` (dict), ``.manage(*args)`` runs
  ``python -m django ARGS`` in Saleor's environment, ``.shell_json(code)``, ``.sql(query)``.
- ``saleor_api``: ``.url``, ``.app_token``, ``.graphql(query, variables=None, token=...)``
  (token=None: anonymous) and ``.data(...)`` (raises on errors).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from testkit import saleor_harness as harness
from testkit.saleor_api import SaleorApi

HERE = Path(__file__).resolve().parent

# The web service's tasks in a tier-2 run all go to one broker, the one a test's web worker consumes
# (test_app.web_worker_running). Celery prefers this variable to its settings and keeps the broker of its
# first task for the life of the process, so a webhook handled before any worker starts must go there too.
if harness.saleor_python():
    os.environ["CELERY_BROKER_URL"] = os.environ.get("SALEOR_TEST_APP_BROKER", "redis://127.0.0.1:6379/12")


def pytest_collection_modifyitems(config, items):
    python = harness.saleor_python()
    skip = pytest.mark.skip(reason="tier 2: set SALEOR_PYTHON to an interpreter where `saleor` imports")
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.tier2)
            if not python:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def saleor_python() -> str:
    python = harness.saleor_python()
    if not python:
        pytest.skip("SALEOR_PYTHON is not set")
    return python


@pytest.fixture(scope="session")
def saleor_keys() -> harness.Secrets:
    return harness.Secrets.generate()


@pytest.fixture(scope="session")
def saleor_template_db(saleor_python, saleor_keys) -> str:
    harness.ensure_plugin_installed(saleor_python)
    return harness.ensure_template(saleor_python, saleor_keys)


@pytest.fixture(scope="module")
def saleor_env(request, saleor_python, saleor_keys, saleor_template_db):
    label = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")[:20]
    name = harness.copy_database(saleor_template_db, label)
    url = harness.database_url(name)
    env = harness.SaleorEnv(saleor_python, url, harness.saleor_environment(saleor_python, url, saleor_keys), name)
    try:
        yield env
    finally:
        harness.drop_database(name)


@pytest.fixture(scope="module")
def saleor_api(saleor_env):
    api = SaleorApi(saleor_env)
    api.start()
    try:
        api.create_app_token()
        yield api
    finally:
        api.stop()


