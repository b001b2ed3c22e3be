"""scripts/run-local without SALEOR_PYTHON: the web service with its worker and beat, on free ports,
a fresh database and its own Redis database; it says when it is ready and leaves nothing behind."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from tests.run_local_runner import ROOT, RunLocal, alive

SERVER = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ocop_web")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def on_server(name: str) -> str:
    parts = urlsplit(SERVER)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, "", ""))


@pytest.fixture
def web_database():
    name = f"ocop_web_runlocal_t1_{os.getpid()}"
    yield on_server(name)
    with psycopg.connect(on_server("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_web_alone_says_ready_serves_the_shop_and_stops_whole_on_a_signal(tmp_path, web_database, signum):
    # given no SALEOR_PYTHON, a free port and a database that does not exist yet
    port = free_port()
    state = tmp_path / "state"
    env = {key: value for key, value in os.environ.items() if key not in {"SALEOR_PYTHON", "DJANGO_SETTINGS_MODULE"}}
    env.update({"PORT": str(port), "DATABASE_URL": web_database, "REDIS_URL": "redis://127.0.0.1:6379/4",
                "LOCAL_STATE_DIR": str(state)})
    runner = RunLocal(env)
    try:
        # when it starts, then it prints its ready line once everything answers
        assert runner.wait_for("ready:", timeout=240) == f"ready: web http://127.0.0.1:{port}/"
        # and the shop's home page answers in Vietnamese
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
            assert response.status == 200
            assert '<html lang="vi">' in response.read().decode()
        # and the web server, its Celery worker and beat run, each logging to the state directory
        started = runner.started()
        commands = [command_line(pid) for pid in started]
        assert any(f"runserver 127.0.0.1:{port}" in command for command in commands)
        assert any("ocop_web.celery:app worker" in command for command in commands)
        assert any("ocop_web.celery:app beat" in command for command in commands)
        assert f"==> logs: {state}/logs/<process>.log" in runner.lines
        assert {"web.log", "web-worker.log", "web-beat.log"} <= {path.name for path in (state / "logs").iterdir()}
        # when it gets the signal, then it exits 0 and no process it started is left, nor its port held
        assert runner.stop(signum) == 0
        assert [command_line(pid) for pid in started if alive(pid)] == []
        assert port_free(port)
        assert sum(line.startswith("ready:") for line in runner.lines) == 1
        # and the generated secrets are the owner's alone
        assert oct((state / "secrets.json").stat().st_mode & 0o777) == "0o600"
    finally:
        runner.kill_leftovers()


def test_a_busy_port_is_named_before_anything_starts(tmp_path):
    # given something already listens on the web port
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {key: value for key, value in os.environ.items() if key != "SALEOR_PYTHON"}
        env.update({"PORT": str(port), "LOCAL_STATE_DIR": str(tmp_path / "state")})
        # when run-local starts, then it stops at once, naming the variable and the port
        result = subprocess.run([str(ROOT / "scripts" / "run-local")], env=env, capture_output=True, text=True,
                                timeout=120)
    assert result.returncode == 1
    assert f"error: PORT={port}: that port is not a free port on 127.0.0.1" in result.stderr
    assert "ready:" not in result.stdout


def test_saleor_manage_without_saleor_python_says_what_to_set(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "SALEOR_PYTHON"}
    result = subprocess.run([str(ROOT / "scripts" / "saleor-manage"), "ocop_sync", "--json"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == ("error: SALEOR_PYTHON: set it to a Python interpreter in whose environment "
                             "`saleor` imports\n")


def test_localstripe_run_local_starts_localstripe_and_gives_ocop_vn_test_keys(tmp_path, web_database):
    # given LOCALSTRIPE=1 and a free port for it
    port, stripe_port = free_port(), free_port()
    env = {key: value for key, value in os.environ.items() if key not in {"SALEOR_PYTHON", "DJANGO_SETTINGS_MODULE"}}
    env.update({"PORT": str(port), "DATABASE_URL": web_database, "REDIS_URL": "redis://127.0.0.1:6379/6",
                "LOCAL_STATE_DIR": str(tmp_path / "state"), "LOCALSTRIPE": "1", "LOCALSTRIPE_PORT": str(stripe_port)})
    runner = RunLocal(env)
    try:
        # when it starts
        assert runner.wait_for("ready:", timeout=240) == f"ready: web http://127.0.0.1:{port}/"
        # then localstripe answers on its port with the test secret key
        request = urllib.request.Request(f"http://127.0.0.1:{stripe_port}/v1/balance",
                                         headers={"Authorization": "Bearer sk_test_ocop_local"})
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            assert response.status == 200
        # and ocop-vn has the test keys, the secret one sealed
        with psycopg.connect(web_database) as conn:
            rows = conn.execute("SELECT channel_slug, publishable_key, sealed_secret_key "
                                "FROM payments_stripeaccount").fetchall()
        assert [(slug, key) for slug, key, _ in rows] == [("ocop-vn", "pk_test_ocop_local")]
        assert "sk_test_ocop_local" not in rows[0][2]
        assert ("==> card payments for ocop-vn through localstripe (pk_test_ocop_local; "
                "test card 4242 4242 4242 4242)") in runner.lines
        # and it stops with the rest
        started = runner.started()
        assert runner.stop(signal.SIGTERM) == 0
        assert [command_line(pid) for pid in started if alive(pid)] == []
        assert port_free(stripe_port)
    finally:
        runner.kill_leftovers()


def test_payos_run_local_starts_the_payos_stand_in_with_ocop_vn_test_merchant(tmp_path, web_database, settings):
    # given PAYOS=1 and a free port for the stand-in
    from catalog_sync.payments.payos import vietqr
    from catalog_sync.payments.payos.client import PayosKeys, open_payment_request

    keys = PayosKeys("ocop-local-client", "ocop-local-api-key", "ocop-local-checksum-key")
    configure = ROOT / "catalog_sync" / "payments" / "management" / "commands" / "payments_configure_payos.py"
    port, payos_port = free_port(), free_port()
    env = {key: value for key, value in os.environ.items() if key not in {"SALEOR_PYTHON", "DJANGO_SETTINGS_MODULE"}}
    env.update({"PORT": str(port), "DATABASE_URL": web_database,
                "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/6"),
                "LOCAL_STATE_DIR": str(tmp_path / "state"), "PAYOS": "1", "PAYOS_PORT": str(payos_port)})
    runner = RunLocal(env)
    try:
        # when it starts
        assert runner.wait_for("ready:", timeout=240) == f"ready: web http://127.0.0.1:{port}/"
        # then the stand-in takes a payment request signed with the test keys and answers a VietQR payload
        settings.PAYOS_BASE_URL = f"http://127.0.0.1:{payos_port}"
        request = open_payment_request(keys, amount=99_000, return_url="http://127.0.0.1/",
                                       cancel_url="http://127.0.0.1/")
        assert vietqr.parse(request.qr_code).amount == 99_000
        said = ("==> VietQR transfers for ocop-vn through the payOS stand-in (ocop-local-client; account 970422 "
                if configure.exists() else "==> payOS stand-in has the test merchant ocop-local-client ")
        assert [line for line in runner.lines if line.startswith(said)] != []
        # and it stops with the rest
        started = runner.started()
        assert runner.stop(signal.SIGTERM) == 0
        assert [command_line(pid) for pid in started if alive(pid)] == []
        assert port_free(payos_port)
    finally:
        runner.kill_leftovers()
