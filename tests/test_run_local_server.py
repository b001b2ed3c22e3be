"""scripts/run-local's choice of web server: Django's runserver by default, or gunicorn exactly as
docker-compose.yml's ``web`` service runs it, bound to loopback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import local_store  # noqa: E402


def test_gunicorn_runs_the_compose_command_bound_to_loopback(monkeypatch):
    # given WEB_SERVER=gunicorn
    monkeypatch.setenv("WEB_SERVER", "gunicorn")
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))["services"]["web"]["command"]
    # when run-local builds the web command for port 8181
    command = local_store.web_command("8181")
    # then it is compose's command from this checkout's environment, listening on 127.0.0.1:8181 only
    assert command[0] == str(ROOT / ".venv" / "bin" / "gunicorn")
    assert command[1:] == [("127.0.0.1:8181" if arg == "0.0.0.0:8080" else arg) for arg in compose[1:]]
    assert "--workers" in command


def test_runserver_is_the_default_and_an_unknown_server_is_named(monkeypatch):
    # given no WEB_SERVER, then a misspelt one
    monkeypatch.delenv("WEB_SERVER", raising=False)
    assert local_store.web_command("8080")[1:] == ["runserver", "127.0.0.1:8080"]
    monkeypatch.setenv("WEB_SERVER", "gunicron")
    # then the misspelt one is refused, naming the variable and the choices
    with pytest.raises(local_store.StoreError, match=r"WEB_SERVER=gunicron: use runserver .* or gunicorn"):
        local_store.web_command("8080")


def test_saleor_api_workers_are_bounded(monkeypatch):
    # given SALEOR_API_WORKERS unset, 2, then 0
    monkeypatch.delenv("SALEOR_API_WORKERS", raising=False)
    assert local_store.api_workers() == 1
    monkeypatch.setenv("SALEOR_API_WORKERS", "2")
    assert local_store.api_workers() == 2
    monkeypatch.setenv("SALEOR_API_WORKERS", "0")
    # then 0 is refused, naming the variable
    with pytest.raises(local_store.StoreError, match="SALEOR_API_WORKERS=0: a whole number from 1 to 8"):
        local_store.api_workers()
