"""scripts/run-stack with a stand-in `docker` that records what it is asked (no Docker here)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

FAKE_DOCKER = """#!/bin/sh
echo "$*" >> "$DOCKER_LOG"
case "$*" in
  "volume inspect"*) [ -n "$VOLUME_EXISTS" ] ;;
  "compose ps"*) echo "${APP_INSTALL_EXIT:-0}" ;;
  *) exit 0 ;;
esac
"""


@pytest.fixture
def stack(tmp_path):
    """A checkout holding scripts/run-stack and docker-compose.yml; returns a runner."""
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "run-stack", checkout / "scripts" / "run-stack")
    shutil.copy(ROOT / "docker-compose.yml", checkout / "docker-compose.yml")
    demo_data = tmp_path / "shared" / "data"
    demo_data.mkdir(parents=True)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "docker").write_text(FAKE_DOCKER)
    (bin_dir / "docker").chmod(0o755)
    log = tmp_path / "docker.log"

    def run(*args: str, **env: str) -> subprocess.CompletedProcess:
        log.write_text("")
        return subprocess.run(
            [str(checkout / "scripts" / "run-stack"), *args],
            env={"PATH": f"{bin_dir}:/usr/bin:/bin", "DOCKER_LOG": str(log), **env},
            capture_output=True, text=True, check=False,
        )

    run.checkout = checkout  # type: ignore[attr-defined]
    run.calls = lambda: log.read_text().splitlines()  # type: ignore[attr-defined]
    run.demo_data = demo_data  # type: ignore[attr-defined]
    return run


def dotenv(path: Path) -> dict[str, str]:
    text = path.read_text()
    values = dict(re.findall(r"^([A-Z_]+)=([^\n\"]+)$", text, re.MULTILINE))
    values.update(re.findall(r'^([A-Z_]+)="(.*?)"$', text, re.MULTILINE | re.DOTALL))
    return values


def required_by_compose() -> set[str]:
    return set(re.findall(r"\$\{([A-Z_]+):\?", (ROOT / "docker-compose.yml").read_text()))


def test_first_run_writes_every_secret_compose_requires_and_prints_the_staff_password_once(stack):
    # when the stack starts on a fresh checkout
    first = stack()
    # then .env holds a value for every variable compose refuses to start without, readable by the owner only
    env_file = stack.checkout / ".env"
    values = dotenv(env_file)
    assert first.returncode == 0, first.stderr
    assert required_by_compose() <= set(values)
    assert all(len(values[name]) >= 32 for name in required_by_compose() - {"DASHBOARD_STAFF_EMAIL"})
    assert values["SALEOR_RSA_PRIVATE_KEY"].startswith("-----BEGIN PRIVATE KEY-----")
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    # and the staff password is printed with the account
    password = values["DASHBOARD_STAFF_PASSWORD"]
    assert f"Dashboard staff account: staff@example.com  password: {password}" in first.stdout
    compose_calls = [call for call in stack.calls() if call.startswith("compose")]
    assert compose_calls[:2] == ["compose up --build --detach", "compose wait app-install"]
    # when it starts again, then the secrets stay and the password is not printed again
    second = stack()
    assert dotenv(env_file) == values
    assert password not in second.stdout and "DASHBOARD_STAFF_PASSWORD" in second.stdout


def test_demo_loads_into_the_stack_databases_from_the_shared_data(stack):
    result = stack("--demo")
    assert result.returncode == 0, result.stderr
    demo = [call for call in stack.calls() if call.startswith("compose run")]
    mount = f"{stack.demo_data}:/demo-data:ro"
    assert demo == [f"compose run --rm --no-deps --volume {mount} web ocop demo --data /demo-data"]
    # the demo runs in the web service's image with the web service's settings
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    assert services["web"]["environment"]["DATABASE_URL"].endswith("@db:5432/ocop_web")


def test_a_failed_app_installation_stops_with_its_logs_named(stack):
    result = stack(APP_INSTALL_EXIT="1")
    assert result.returncode == 1
    assert "docker compose logs app-install" in result.stderr
    assert "ready:" not in result.stdout


def test_lost_env_with_a_kept_database_volume_is_refused_with_what_to_do(stack):
    # given the database volume exists but .env was deleted
    result = stack(VOLUME_EXISTS="1")
    # then no new password is written that the database would not know
    assert result.returncode == 1
    assert not (stack.checkout / ".env").exists()
    assert "Restore that .env, or delete the data with 'docker compose down -v'" in result.stderr


def test_elasticsearch_option_turns_on_its_profile_and_backend(stack, tmp_path):
    (tmp_path / "bin" / "docker").write_text(FAKE_DOCKER.replace(
        'echo "$*" >> "$DOCKER_LOG"', 'echo "$COMPOSE_PROFILES $SEARCH_BACKEND $*" >> "$DOCKER_LOG"'))
    result = stack("--elasticsearch")
    assert result.returncode == 0, result.stderr
    assert "elasticsearch elasticsearch compose up --build --detach" in stack.calls()


def test_unknown_option_is_named(stack):
    result = stack("--dmeo")
    assert result.returncode == 2 and "unknown option --dmeo" in result.stderr
    assert not os.path.exists(stack.checkout / ".env")
