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


def printed_password(output: str) -> str | None:
    found = re.search(r"^Dashboard staff account: staff@example\.com  password: (\S+)  \(shown once", output,
                      re.MULTILINE)
    return found.group(1) if found else None


def test_first_run_writes_every_secret_compose_requires_and_prints_the_staff_password_once(stack):
    # when the stack starts on a fresh checkout
    first = stack()
    # then .env holds a value for every variable compose refuses to start without, readable by the owner only
    env_file = stack.checkout / ".env"
    values = dotenv(env_file)
    assert first.returncode == 0, first.stderr
    assert required_by_compose() <= set(values)
    assert all(len(values[name]) >= 32 for name in required_by_compose() - {"DASHBOARD_STAFF_EMAIL"})
    # every secret is its own (the web's sealing key is never its signing key), and safe inside a URL
    secrets = [values[name] for name in required_by_compose() - {"DASHBOARD_STAFF_EMAIL"}]
    assert len(set(secrets)) == len(secrets)
    assert {"REDIS_PASSWORD", "SALEOR_DB_PASSWORD", "WEB_DB_PASSWORD", "WEB_APP_TOKEN_KEY"} <= set(values)
    assert all(re.fullmatch(r"[A-Za-z0-9]+", values[name]) for name in required_by_compose()
               if name.endswith("PASSWORD"))
    # and the public name is left empty: the shop answers at http://localhost
    assert re.search(r"^SITE_DOMAIN=$", env_file.read_text(), re.MULTILINE)
    assert values["SALEOR_RSA_PRIVATE_KEY"].startswith("-----BEGIN PRIVATE KEY-----")
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    # and the staff password is printed with the account
    password = values["DASHBOARD_STAFF_PASSWORD"]
    assert printed_password(first.stdout) == password
    assert "ready: web http://localhost/  dashboard http://localhost/dashboard/  graphql http://localhost/graphql/" \
        in first.stdout
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


def test_staff_password_is_shown_on_the_first_run_that_succeeds_when_the_first_fails(stack):
    # given a first run that fails before the end (the app installation failed)
    failed = stack(APP_INSTALL_EXIT="1")
    assert failed.returncode == 1 and printed_password(failed.stdout) is None
    password = dotenv(stack.checkout / ".env")["DASHBOARD_STAFF_PASSWORD"]
    # when the next run succeeds, then the password created by the first is shown there
    second = stack()
    assert second.returncode == 0, second.stderr
    assert printed_password(second.stdout) == password
    # and once only
    third = stack()
    assert password not in third.stdout and "(password in .env, DASHBOARD_STAFF_PASSWORD)" in third.stdout


def test_an_env_from_before_gets_the_new_secrets_and_keeps_its_own(stack):
    # given an .env written before Redis had a password and the web service a sealing key of its own
    # (and no database volume yet)
    env_file = stack.checkout / ".env"
    old = "\n".join(f"{name}=old-{name.lower()}-0123456789abcdef0123456789" for name in (
        "POSTGRES_PASSWORD", "SALEOR_DB_PASSWORD", "WEB_DB_PASSWORD", "SALEOR_SECRET_KEY", "WEB_SECRET_KEY",
        "OCOP_FEED_TOKEN", "ELASTIC_PASSWORD")) + "\nDASHBOARD_STAFF_EMAIL=staff@example.com\n" \
        "DASHBOARD_STAFF_PASSWORD=old-password\nSALEOR_RSA_PRIVATE_KEY=\"key\"\n"
    env_file.write_text(old)
    # when the stack starts, then the missing secrets are added and the existing ones stay
    result = stack()
    assert result.returncode == 0, result.stderr
    values = dotenv(env_file)
    assert required_by_compose() <= set(values)
    assert env_file.read_text().startswith(old)
    assert values["WEB_APP_TOKEN_KEY"] != values["WEB_SECRET_KEY"] and len(values["REDIS_PASSWORD"]) >= 32


def test_an_env_from_before_the_database_roles_with_its_volume_is_refused(stack):
    # given an .env from when one superuser owned both databases, and that database volume
    (stack.checkout / ".env").write_text("POSTGRES_PASSWORD=old\nDASHBOARD_STAFF_PASSWORD=pw\n")
    result = stack(VOLUME_EXISTS="1")
    # then nothing starts that could not connect, and what to do is named
    assert result.returncode == 1
    assert "docker compose down -v" in result.stderr and "its own database role" in result.stderr
    assert not [call for call in stack.calls() if call.startswith("compose up")]


def test_site_domain_serves_the_store_at_its_https_address(stack):
    first = stack()
    assert first.returncode == 0, first.stderr
    env_file = stack.checkout / ".env"
    env_file.write_text(env_file.read_text().replace("SITE_DOMAIN=\n", "SITE_DOMAIN=ocop.example\n"))
    result = stack()
    assert "ready: web https://ocop.example/  dashboard https://ocop.example/dashboard/  " \
           "graphql https://ocop.example/graphql/" in result.stdout


def test_site_domain_that_is_not_a_host_name_is_named(stack):
    stack()
    env_file = stack.checkout / ".env"
    env_file.write_text(env_file.read_text().replace("SITE_DOMAIN=\n", "SITE_DOMAIN=https://ocop.example/\n"))
    result = stack()
    assert result.returncode == 2
    assert "SITE_DOMAIN in .env must be a host name such as ocop.example" in result.stderr
