"""scripts/ocop: the web service's own ``ocop`` in the environment of the last scripts/run-local — its
keys, web database, Redis, Saleor address and public address on its port — with variables set now
winning. The state directory is written here as a run leaves it (secrets.json, store.json)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.run_local_runner import ROOT

# What a shell may carry from elsewhere; a newcomer's has none of them.
STORE_VARIABLES = {"PORT", "SALEOR_PORT", "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "APP_TOKEN_KEY",
                   "SALEOR_API_URL", "PUBLIC_URL", "SITE_PUBLIC_URL", "APP_PUBLIC_URL", "STRIPE_API_BASE",
                   "OCOP_FEED_TOKEN", "DEBUG", "DJANGO_SETTINGS_MODULE", "CELERY_BROKER_URL", "LOCAL_STATE_DIR"}
# Prints what the settings hold, the secret key only as a digest.
SHOW = ("import hashlib, json; from django.conf import settings as s; "
        "print(json.dumps({'debug': s.DEBUG, 'database': s.DATABASES['default']['NAME'], "
        "'redis': s.REDIS_URL, 'saleor': s.SALEOR_API_URL, 'public': s.PUBLIC_URL, 'site': s.SITE_PUBLIC_URL, "
        "'app': s.APP_PUBLIC_URL, 'stripe': s.STRIPE_API_BASE, 'feed_token': s.OCOP_FEED_TOKEN, "
        "'key': hashlib.sha256(s.SECRET_KEY.encode()).hexdigest()}))")


@pytest.fixture
def last_run(tmp_path):
    """Factory: a state directory as scripts/run-local leaves it after a run with these addresses."""

    def make(store: dict[str, object]) -> tuple[Path, dict[str, str]]:
        state = tmp_path / "state"
        state.mkdir(exist_ok=True)
        keys = {"web_secret_key": "web-key-of-the-last-run-" + "x" * 30, "feed_token": "feed-token-of-the-last-run",
                "saleor_secret_key": "s", "saleor_rsa_private_key": "-", "staff_email": "staff@example.com",
                "staff_password": "p"}
        (state / "secrets.json").write_text(json.dumps(keys))
        (state / "store.json").write_text(json.dumps(store))
        return state, keys

    return make


def run_ocop(state: Path | None, *args: str, **variables: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in STORE_VARIABLES}
    env.update(variables)
    if state is not None:
        env["LOCAL_STATE_DIR"] = str(state)
    return subprocess.run([str(ROOT / "scripts" / "ocop"), *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def settings_seen(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_ocop_runs_with_the_last_runs_keys_database_and_addresses(last_run):
    # given a store that last ran on ports 9431 and 9432 with its own database, Redis and localstripe
    state, keys = last_run({"PORT": "9431", "SALEOR_PORT": "9432",
                            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/ocop_web_last_run",
                            "REDIS_URL": "redis://127.0.0.1:6379/9", "STRIPE_API_BASE": "http://127.0.0.1:9433"})
    # when a command runs through scripts/ocop with none of the store's variables set
    seen = settings_seen(run_ocop(state, "shell", "-c", SHOW))
    # then it sees that store: its key (which seals the app token), database, Redis, Saleor and port
    assert seen == {"debug": True, "database": "ocop_web_last_run", "redis": "redis://127.0.0.1:6379/9",
                    "saleor": "http://127.0.0.1:9432/graphql/", "public": "http://127.0.0.1:9431/",
                    "site": "http://127.0.0.1:9431/", "app": "http://127.0.0.1:9431/",
                    "stripe": "http://127.0.0.1:9433", "feed_token": "feed-token-of-the-last-run",
                    "key": hashlib.sha256(keys["web_secret_key"].encode()).hexdigest()}


def test_variables_set_now_win_over_the_last_run(last_run):
    # given a store that last ran on port 9431
    state, _keys = last_run({"PORT": "9431", "SALEOR_PORT": "9432",
                             "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/ocop_web_last_run"})
    # when the shell sets the port, the database and the public address now
    seen = settings_seen(run_ocop(state, "shell", "-c", SHOW, PORT="9500",
                                  DATABASE_URL="postgres://postgres@127.0.0.1:5432/ocop_web_now",
                                  PUBLIC_URL="https://ocop.example/", SECRET_KEY="a-key-set-now-" + "y" * 30))
    # then those win, and what follows from the port follows the new one
    assert seen["database"] == "ocop_web_now"
    assert seen["public"] == "https://ocop.example/"
    assert seen["site"] == seen["app"] == "http://127.0.0.1:9500/"
    assert seen["saleor"] == "http://127.0.0.1:9432/graphql/"
    assert seen["stripe"] is None
    assert seen["key"] == hashlib.sha256(("a-key-set-now-" + "y" * 30).encode()).hexdigest()


def test_before_any_run_it_says_to_start_the_store_first(tmp_path):
    # given no store has run with this state directory
    state = tmp_path / "never-ran"
    # when a command runs through scripts/ocop
    result = run_ocop(state, "registry", "report")
    # then nothing runs, and it says what to do
    assert result.returncode == 1
    assert result.stderr == (f"error: no local store has run here yet ({state / 'secrets.json'} is missing): "
                             "start scripts/run-local first\n")


def test_without_arguments_it_explains_itself():
    result = run_ocop(None)
    assert result.returncode == 1
    assert "Runs the web service's own `ocop ARGS...`" in result.stdout
