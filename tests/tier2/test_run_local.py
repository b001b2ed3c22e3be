"""scripts/run-local with SALEOR_PYTHON: the whole store on this machine, on free ports, with a
Saleor database copied from the migrated template (used as it is) and a fresh web database."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import urllib.request
from pathlib import Path

import pytest
import redis

from testkit import saleor_harness as harness
from tests.run_local_runner import ROOT, RunLocal, alive

# Redis databases of this test alone: the web's, Saleor's broker, Saleor's cache.
REDIS = harness.local_store_redis(slot=1, default_first=5)
STAFF_APPS = """
mutation($email: String!, $password: String!) { tokenCreate(email: $email, password: $password) { token } }
"""


def graphql(url: str, query: str, variables: dict | None = None, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 - the local store
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        return json.loads(response.read())


def flush_redis() -> None:
    for url in REDIS.values():
        redis.Redis.from_url(url).flushdb()


@pytest.fixture
def store_env(tmp_path, saleor_python, saleor_template_db):
    saleor_db = harness.copy_database(saleor_template_db, "runlocal")
    web_db = f"ocop_web_runlocal_t2_{os.getpid()}"
    flush_redis()
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE"}}
    env.update({"SALEOR_PYTHON": saleor_python, "PORT": str(harness.free_port()),
                "SALEOR_PORT": str(harness.free_port()), "DATABASE_URL": harness.database_url(web_db),
                "SALEOR_DATABASE_URL": harness.database_url(saleor_db), "LOCAL_STATE_DIR": str(tmp_path / "state"),
                **REDIS})
    try:
        yield env
    finally:
        harness.drop_database(saleor_db)
        harness.drop_database(web_db)
        flush_redis()


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_the_whole_store_runs_locally_answers_syncs_from_the_local_feed_and_stops_whole(store_env, simple_annex):
    web = f"http://127.0.0.1:{store_env['PORT']}/"
    saleor = f"http://127.0.0.1:{store_env['SALEOR_PORT']}/graphql/"
    runner = RunLocal(store_env)
    try:
        # when the store starts on an already-migrated Saleor database, then it is used as it is
        assert runner.wait_for("ready:", timeout=420) == f"ready: web {web} saleor {saleor}"
        assert not any("migrating Saleor's database" in line for line in runner.lines)
        # and the shop and Saleor's API answer
        with urllib.request.urlopen(web, timeout=30) as response:  # noqa: S310 - the local store
            assert response.status == 200 and '<html lang="vi">' in response.read().decode()
        assert graphql(saleor, "{ shop { defaultCountry { code } } }")["data"]["shop"]["defaultCountry"]["code"] == "VN"
        # and the staff account signs in and sees the web service installed as the app ocop.market
        keys = json.loads((Path(store_env["LOCAL_STATE_DIR"]) / "secrets.json").read_text())
        token = graphql(saleor, STAFF_APPS, {"email": keys["staff_email"], "password": keys["staff_password"]})
        token = token["data"]["tokenCreate"]["token"]
        apps = graphql(saleor, "{ apps(first: 10) { edges { node { identifier isActive } } } }", token=token)
        assert [edge["node"] for edge in apps["data"]["apps"]["edges"]] == [{"identifier": "ocop.market",
                                                                             "isActive": True}]
        assert keys["saleor_rsa_private_key"] not in "\n".join(runner.lines)
        # and every Saleor process and the web's worker and beat run
        started = runner.started()
        commands = " | ".join(command_line(pid) for pid in started)
        for part in ("uvicorn saleor.asgi:application", "saleor.celeryconf:app worker",
                     "saleor.celeryconf:app beat", "runserver", "ocop_web.celery:app worker",
                     "ocop_web.celery:app beat"):
            assert part in commands
        # given the registry holds a certificate
        annex = simple_annex([("Mật ong bạc hà", "HTX Ong mật Mèo Vạc", "Hà Giang", "4")])
        imported = subprocess.run([str(ROOT / ".venv" / "bin" / "ocop"), "registry", "import", str(annex), "--json"],
                                  env={**store_env, "DEBUG": "1"}, capture_output=True, text=True, timeout=120)
        assert len(json.loads(imported.stdout)["accepted"]) == 1, imported.stderr[-3000:]
        # when Saleor's sync runs by hand in the same store, then it reads the local feed with its token
        sync = subprocess.run([str(ROOT / "scripts" / "saleor-manage"), "ocop_sync", "--json"], env=store_env,
                              capture_output=True, text=True, timeout=300)
        assert sync.returncode == 0, sync.stderr[-3000:]
        report = harness.last_json_line(sync.stdout)
        assert report["fetched"] is True and report["errors"] == []
        # when it gets SIGTERM, then it exits 0 and nothing it started is left
        assert runner.stop(signal.SIGTERM, timeout=90) == 0
        assert [command_line(pid) for pid in started if alive(pid)] == []
    finally:
        runner.kill_leftovers()
