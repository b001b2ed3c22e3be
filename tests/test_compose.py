"""docker-compose.yml cannot be started here: check it against the compose schema, our settings,
Saleor 3.23.28's settings and what the images are built from."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import time
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
import pytest
import yaml
from django.urls import resolve

ROOT = Path(__file__).resolve().parents[1]
SALEOR_PIN = "3.23.28"
REQUIRED_IN_PRODUCTION = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "OCOP_FEED_TOKEN"}
SALEOR_SERVICES = ("saleor-migrate", "saleor-setup", "api", "worker", "beat")
WEB_SERVICES = ("web-migrate", "web", "web-worker", "web-beat", "app-install")
ONE_SHOTS = {"saleor-migrate", "saleor-setup", "web-migrate", "app-install"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def interpolated(value: str) -> str:
    """The value with every ${VAR...} replaced by a placeholder, as compose would fill it."""
    return re.sub(r"\$\{[^}]*\}", "secret", value)


def saleor_bool(value: str) -> bool:
    """How Saleor's settings read a boolean (get_bool_from_env): "true" or "1", anything else is off."""
    return value.lower() in ("true", "1")


def settings_env_names() -> set[str]:
    """Every environment variable ocop_web/settings.py reads through the typed helpers."""
    tree = ast.parse((ROOT / "ocop_web" / "settings.py").read_text())
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id.startswith("env_")
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


def depends(service: dict) -> dict[str, dict]:
    return service.get("depends_on", {})


def feed_url(services: dict) -> str:
    return next(a for a in services["saleor-setup"]["command"] if a.startswith("--feed-url=")).split("=", 1)[1]


# ---- the file and its parts ----


def test_compose_file_is_valid_against_the_compose_specification(compose):
    schema = json.loads(
        resources.files("check_jsonschema.builtin_schemas.vendor").joinpath("compose-spec.json").read_text()
    )
    jsonschema.validate(compose, schema)


def test_stack_has_every_part_of_the_design(services):
    assert set(services) == {
        "db", "redis", "elasticsearch", "media", "dashboard",
        *SALEOR_SERVICES, *WEB_SERVICES,
    }
    assert services["elasticsearch"]["environment"]["discovery.type"] == "single-node"
    assert "celery -A saleor.celeryconf:app worker" in " ".join(services["worker"]["command"])
    assert "celery -A saleor.celeryconf:app beat" in " ".join(services["beat"]["command"])
    assert " ".join(services["web-worker"]["command"]).startswith("celery -A ocop_web.celery:app worker")
    assert " ".join(services["web-beat"]["command"]).startswith("celery -A ocop_web.celery:app beat")
    assert services["app-install"]["command"] == ["ocop", "saleor", "install-app"]


def test_every_image_is_pinned_saleor_to_the_tested_patch(services):
    # given every image the stack pulls or builds
    dockerfile = (ROOT / "saleor_plugins" / "Dockerfile").read_text()
    base = re.findall(r"^FROM (\S+)", dockerfile, re.MULTILINE)
    # then Saleor is the exact patch the plugin is tested against, in the Dockerfile and the tag
    assert base == [f"ghcr.io/saleor/saleor:{SALEOR_PIN}"]
    assert services["saleor-migrate"]["build"] == {"context": ".", "dockerfile": "saleor_plugins/Dockerfile"}
    for name in SALEOR_SERVICES:
        assert services[name]["image"] == f"ocop-market/saleor:{SALEOR_PIN}", name
    # the Dashboard is a 3.23 patch release, never a floating tag
    assert re.fullmatch(r"ghcr\.io/saleor/saleor-dashboard:3\.23\.\d+", services["dashboard"]["image"])
    elasticsearch = services["elasticsearch"]["image"]
    assert re.fullmatch(r"docker\.elastic\.co/elasticsearch/elasticsearch:8\.\d+\.\d+", elasticsearch)
    # the databases follow their major version (their data format); nothing floats on "latest"
    assert services["db"]["image"] == "postgres:15-alpine"
    assert services["redis"]["image"] == "redis:7-alpine"
    for name, service in services.items():
        image = service["image"]
        assert ":" in image.rsplit("/", 1)[-1] and not image.endswith(":latest"), f"{name}: {image} floats"
        if "build" not in service and not image.startswith("ocop-market/"):
            continue
        if "build" not in service:
            assert service.get("pull_policy") == "never", f"{name} would try to pull our own image {image}"


# ---- start-up order, restarts, health ----


def test_migrations_run_once_before_anything_uses_the_database(services):
    assert services["saleor-migrate"]["command"] == ["python3", "manage.py", "migrate", "--no-input"]
    assert services["web-migrate"]["command"] == ["ocop", "migrate", "--no-input"]
    for name in ("saleor-setup", "api", "worker", "beat"):
        assert depends(services[name])["saleor-migrate"] == {"condition": "service_completed_successfully"}, name
    for name in ("web", "web-worker", "web-beat"):
        assert depends(services[name])["web-migrate"] == {"condition": "service_completed_successfully"}, name
    for name, service in services.items():
        if name not in ("saleor-migrate", "web-migrate"):
            assert "migrate" not in json.dumps(service.get("command", "")), f"{name} migrates on its own"


def test_long_running_services_restart_and_one_shots_run_once(services):
    for name, service in services.items():
        expected = "no" if name in ONE_SHOTS else "unless-stopped"
        assert service.get("restart") == expected, name


def test_postgres_health_check_goes_over_tcp(services):
    # pg_isready without -h passes during first-run init, when PostgreSQL listens on its socket only
    test = services["db"]["healthcheck"]["test"]
    assert test[:2] == ["CMD", "pg_isready"]
    assert test[test.index("-h") + 1] == "127.0.0.1"
    assert depends(services["saleor-migrate"])["db"] == {"condition": "service_healthy"}
    assert depends(services["web-migrate"])["db"] == {"condition": "service_healthy"}


def test_every_dependency_names_a_service_and_health_conditions_have_a_check(services):
    for name, service in services.items():
        for dependency, rule in depends(service).items():
            assert dependency in services, f"{name} depends on unknown {dependency}"
            if rule["condition"] == "service_healthy":
                assert "healthcheck" in services[dependency], f"{name} waits for {dependency}'s missing health check"
            if rule["condition"] == "service_completed_successfully":
                assert dependency in ONE_SHOTS, f"{name} waits for long-running {dependency} to exit"


def test_only_services_that_search_with_elasticsearch_wait_for_it(services):
    # Elasticsearch runs only with its profile, and only the web side (which queries and indexes it) waits
    assert services["elasticsearch"]["profiles"] == ["elasticsearch"]
    waiting = {name for name, service in services.items() if "elasticsearch" in depends(service)}
    assert waiting == {"web", "web-worker"}
    for name in waiting:
        assert depends(services[name])["elasticsearch"] == {"condition": "service_healthy", "required": False}
        assert services[name]["environment"]["SEARCH_BACKEND"] == "${SEARCH_BACKEND:-embedded}"


@pytest.fixture
def es_health_check(services, tmp_path):
    """Runs the Elasticsearch health check with a stand-in curl answering with the given body."""
    test = services["elasticsearch"]["healthcheck"]["test"]
    assert test[0] == "CMD-SHELL"
    script = test[1].replace("$$", "$")
    fake = tmp_path / "curl"

    def run(body: str, curl_status: int = 0) -> int:
        fake.write_text(f"#!/bin/sh\ncat <<'EOF'\n{body}\nEOF\nexit {curl_status}\n")
        fake.chmod(0o755)
        env = {"PATH": f"{tmp_path}:/usr/bin:/bin", "ELASTIC_PASSWORD": "pw"}
        return subprocess.run(["sh", "-c", script], env=env, check=False).returncode

    return run


def test_elasticsearch_is_healthy_only_when_green_or_yellow(es_health_check):
    # given cluster health bodies as Elasticsearch 8 writes them
    def health(status: str) -> str:
        return json.dumps({"cluster_name": "docker-cluster", "status": status, "timed_out": False},
                          separators=(",", ":"))

    # then green and yellow pass
    assert es_health_check(health("green")) == 0
    assert es_health_check(health("yellow")) == 0
    # and red, an error body that also holds "status", or a failed request do not
    assert es_health_check(health("red")) != 0
    assert es_health_check('{"error":{"type":"security_exception"},"status":401}') != 0
    assert es_health_check(health("green"), curl_status=22) != 0


def test_web_health_check_fetches_a_static_file_the_image_collected(services):
    test = " ".join(services["web"]["healthcheck"]["test"])
    path = re.search(r"http://127\.0\.0\.1:8080(/static/\S+?)'", test).group(1)
    assert path == "/static/storefront/site.css"
    assert (ROOT / "storefront" / path.removeprefix("/")).is_file()


# ---- Saleor's settings, set deliberately ----


def test_saleor_runs_with_debug_off_and_answers_its_health_check(services):
    for name in SALEOR_SERVICES:
        env = services[name]["environment"]
        assert env["DEBUG"] == "False" and not saleor_bool(env["DEBUG"]), name
        # with DEBUG off Saleor refuses to start without ALLOWED_CLIENT_HOSTS
        assert env["ALLOWED_CLIENT_HOSTS"]
        assert env["RSA_PRIVATE_KEY"] == services["api"]["environment"]["RSA_PRIVATE_KEY"]
    env = services["api"]["environment"]
    hosts = env["ALLOWED_HOSTS"].split(",")
    health = re.search(r"http://([^:/]+):8000/health/", " ".join(services["api"]["healthcheck"]["test"]))
    assert health.group(1) == "127.0.0.1" and "127.0.0.1" in hosts
    assert urlparse(services["web"]["environment"]["SALEOR_API_URL"]).hostname in hosts
    assert "localhost" in hosts
    # Saleor names itself PUBLIC_URL + graphql/ in webhooks and the app registration: the web
    # service accepts them only from the Saleor API URL it is configured with
    assert env["PUBLIC_URL"] + "graphql/" == services["web"]["environment"]["SALEOR_API_URL"]


def test_saleor_media_is_one_volume_for_api_and_worker_served_read_only(compose, services):
    # Saleor's MEDIA_ROOT is /app/media in its image (PROJECT_ROOT/media, WORKDIR /app)
    for name in ("api", "worker"):
        assert "saleor-media:/app/media" in services[name]["volumes"], name
    assert "saleor-media:/usr/share/nginx/html/media:ro" in services["media"]["volumes"]
    assert "saleor-media" in compose["volumes"]
    media_url = urlparse(services["api"]["environment"]["MEDIA_URL"])
    assert (media_url.hostname, media_url.path) == ("localhost", "/media/")
    assert f"{media_url.port}:80" in services["media"]["ports"]


def run_entrypoint(service: dict, tmp_path: Path) -> tuple[list[str], list[str]]:
    """Runs the service's entrypoint and command with stand-in programs; what the relay and Saleor got."""
    for program in ("socat", service["command"][0]):
        fake = tmp_path / program
        # written aside and renamed, so a reader never sees a half-written list
        args = tmp_path / f"{program}.args"
        fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{args}.part" && mv "{args}.part" "{args}"\n')
        fake.chmod(0o755)
    entrypoint = [part.replace("$$", "$") for part in service["entrypoint"]]
    subprocess.run([*entrypoint, *service["command"]], env={"PATH": f"{tmp_path}:/usr/bin:/bin"}, check=True)
    for _ in range(50):  # the relay runs in the background
        if (tmp_path / "socat.args").exists():
            break
        time.sleep(0.1)
    read = lambda name: (tmp_path / f"{name}.args").read_text().splitlines()  # noqa: E731
    return read("socat"), read(service["command"][0])


@pytest.mark.parametrize("sender", ["api", "worker"])
def test_saleor_reaches_the_web_service_through_loopback_only(services, sender, tmp_path):
    # given Saleor's outbound filter on, loopback allowed (Saleor 3.23.28 has no allow-list)
    for name in SALEOR_SERVICES:
        env = services[name]["environment"]
        assert saleor_bool(env["HTTP_IP_FILTER_ENABLED"]) and saleor_bool(env["HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS"])
    web_port = int(re.search(r"--bind 0\.0\.0\.0:(\d+)", " ".join(services["web"]["command"])).group(1))
    aliases = services["web"]["networks"]["default"]["aliases"]
    # then in the containers that send webhooks and install apps, `web` is loopback...
    assert services[sender]["extra_hosts"] == ["web:127.0.0.1"]
    # ...where a relay started beside Saleor forwards that port, on loopback only, to the web service
    relay, saleor = run_entrypoint(services[sender], tmp_path)
    assert relay[0].startswith(f"TCP-LISTEN:{web_port},bind=127.0.0.1,") and "fork" in relay[0]
    host, port = relay[1].removeprefix("TCP:").split(":")
    assert host in aliases and host != "web" and int(port) == web_port
    assert saleor == services[sender]["command"][1:]
    assert "socat" in (ROOT / "saleor_plugins" / "Dockerfile").read_text()
    # and the URLs Saleor is given for the web service use that name and port
    feed = urlparse(feed_url(services))
    assert (feed.hostname, feed.port) == ("web", web_port)
    assert "web" in services["web"]["environment"]["ALLOWED_HOSTS"].split(",")


def test_plugin_is_configured_with_the_web_feed_and_its_token(services):
    setup = services["saleor-setup"]
    assert setup["command"][:3] == ["python3", "manage.py", "ocop_configure"]
    assert (ROOT / "saleor_plugins/ocop_certification/management/commands/ocop_configure.py").is_file()
    assert resolve(urlparse(feed_url(services)).path).url_name == "feed"
    assert setup["environment"]["OCOP_FEED_TOKEN"] == services["web"]["environment"]["OCOP_FEED_TOKEN"]


def test_app_is_installed_once_saleor_web_and_the_staff_account_are_up(services):
    rules = depends(services["app-install"])
    assert rules["saleor-setup"] == {"condition": "service_completed_successfully"}
    assert rules["api"] == {"condition": "service_healthy"} and rules["web"] == {"condition": "service_healthy"}
    assert "worker" in rules
    staff = services["app-install"]["environment"]
    setup = services["saleor-setup"]
    assert staff["SALEOR_STAFF_PASSWORD"] == setup["environment"]["DJANGO_SUPERUSER_PASSWORD"]
    assert f"--staff-email={staff['SALEOR_STAFF_EMAIL']}" in setup["command"]


@pytest.mark.skipif(not os.environ.get("SALEOR_PYTHON"), reason="needs SALEOR_PYTHON (a real Saleor environment)")
def test_saleor_reads_every_variable_we_set_and_is_the_pinned_release(services):
    python = os.environ["SALEOR_PYTHON"]
    found = subprocess.run(
        [python, "-c", "import importlib.util as u, saleor; print(saleor.__version__); "
                       "print(u.find_spec('saleor.settings').origin)"],
        check=True, capture_output=True, text=True, cwd="/",
    ).stdout.split()
    assert found[0] == SALEOR_PIN
    source = Path(found[1]).read_text()
    # DATABASE_URL is read by dj_database_url.config(), which Saleor's settings call
    assert "dj_database_url.config(" in source
    for name in set(services["api"]["environment"]) - {"DATABASE_URL"}:
        assert f'"{name}"' in source, f"Saleor {SALEOR_PIN} never reads {name}"


# ---- the web service ----


def test_web_environment_matches_what_settings_read(services):
    env = services["web"]["environment"]
    read = settings_env_names()
    assert set(env) <= read, f"set in compose but never read: {set(env) - read}"
    assert REQUIRED_IN_PRODUCTION <= set(env)
    assert env["DEBUG"] == "0"
    for name in ("SECRET_KEY", "OCOP_FEED_TOKEN"):
        assert env[name].startswith("${") and ":?" in env[name], f"{name} must come from .env, not a literal"
    for name in ("web-migrate", "web-worker", "web-beat"):
        assert services[name]["environment"] == env, f"{name} runs with other settings than web"


def test_web_urls_point_at_services_and_ports_that_exist(services):
    env = services["web"]["environment"]
    database = urlparse(interpolated(env["DATABASE_URL"]))
    assert (database.hostname, database.port, database.path) == ("db", 5432, "/ocop_web")
    assert "CREATE DATABASE ocop_web" in (ROOT / "scripts" / "compose-initdb.sql").read_text()
    assert urlparse(env["REDIS_URL"]).hostname == "redis"
    saleor = urlparse(env["SALEOR_API_URL"])
    assert saleor.hostname == "api"
    assert f"--port={saleor.port}" in services["api"]["command"]
    assert "8000:8000" in services["api"]["ports"]
    assert "8080:8080" in services["web"]["ports"]
    assert urlparse(interpolated(env["ELASTICSEARCH_URL"])).hostname == "elasticsearch"
