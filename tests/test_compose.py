"""docker-compose.yml cannot be started here: check it against the compose schema, our settings,
Saleor 3.23.28's settings and what the images are built from."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
import pytest
import yaml
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.urls import resolve

ROOT = Path(__file__).resolve().parents[1]
SALEOR_PIN = "3.23.28"
REQUIRED_IN_PRODUCTION = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "OCOP_FEED_TOKEN", "PUBLIC_URL",
                          "SITE_PUBLIC_URL", "APP_TOKEN_KEY"}
SALEOR_SERVICES = ("saleor-migrate", "saleor-setup", "api", "worker", "beat")
WEB_SERVICES = ("web-migrate", "web", "web-worker", "web-beat", "app-install")
ONE_SHOTS = {"saleor-migrate", "saleor-setup", "web-migrate", "app-install"}
# The public address compose derives from SITE_DOMAIN: https://SITE_DOMAIN, or http://localhost without one.
SITE_URL = "${SITE_DOMAIN:+https://}${SITE_DOMAIN:-http://localhost}"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def interpolated(value: str, **env: str) -> str:
    """The value as compose fills it from ``env`` (``${VAR}``, ``${VAR:-default}``, ``${VAR:+alternative}``,
    ``${VAR:?error}``); a variable ``env`` lacks reads as "secret" where it is required, else as unset."""
    def fill(match: re.Match[str]) -> str:
        name, operator, word = match.group(1), match.group(2) or "", match.group(3) or ""
        value = env.get(name, "secret" if operator in ("", ":?") else "")
        if operator == ":-":
            return value or word
        if operator == ":+":
            return word if value else ""
        return value

    return re.sub(r"\$\{([A-Z_]+)(:[-+?])?([^}]*)\}", fill, value)


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


def test_the_web_server_keeps_threads_free_for_saleors_webhooks_while_pages_wait_on_saleor(services):
    # given the production server of the web service
    command = services["web"]["command"]
    # then each worker has threads: a page waiting on Saleor's answer (transactionProcess) never takes the last
    # handler Saleor's synchronous payment webhook needs to reach this same service
    assert command[:2] == ["gunicorn", "ocop_web.wsgi:application"]
    assert command[command.index("--worker-class") + 1] == "gthread"
    assert int(command[command.index("--threads") + 1]) >= 2


def test_stack_has_every_part_of_the_design(services):
    assert set(services) == {
        "proxy", "db", "redis", "elasticsearch", "media", "dashboard",
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
    # the proxy is Caddy's official image at an exact release
    assert re.fullmatch(r"caddy:2\.\d+\.\d+-alpine", services["proxy"]["image"])
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
    hosts = interpolated(env["ALLOWED_HOSTS"]).split(",")
    health = re.search(r"http://([^:/]+):8000/health/", " ".join(services["api"]["healthcheck"]["test"]))
    assert health.group(1) == "127.0.0.1" and "127.0.0.1" in hosts
    assert urlparse(services["web"]["environment"]["SALEOR_API_URL"]).hostname in hosts
    # browsers come through the proxy, which passes their Host on
    assert "localhost" in hosts
    assert "ocop.example" in interpolated(env["ALLOWED_HOSTS"], SITE_DOMAIN="ocop.example").split(",")
    # Saleor names itself PUBLIC_URL + graphql/ in webhooks and the app registration: the web
    # service accepts them only from the Saleor API URL it is configured with
    assert env["PUBLIC_URL"] + "graphql/" == services["web"]["environment"]["SALEOR_API_URL"]


def test_saleor_media_is_one_volume_for_api_and_worker_served_read_only(compose, services):
    # Saleor's MEDIA_ROOT is /app/media in its image (PROJECT_ROOT/media, WORKDIR /app)
    for name in ("api", "worker"):
        assert "saleor-media:/app/media" in services[name]["volumes"], name
    assert "saleor-media:/usr/share/nginx/html/media:ro" in services["media"]["volumes"]
    assert "saleor-media" in compose["volumes"]
    # uploads are linked at the public address, where the proxy hands /media/ to the media service
    assert services["api"]["environment"]["MEDIA_URL"] == SITE_URL + "/media/"
    assert "ports" not in services["media"]
    assert caddy_routes()["/media/*"] == "media:80"


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
    assert services[sender]["extra_hosts"] == ["web.ocop.internal:127.0.0.1"]
    # ...where a relay started beside Saleor forwards that port, on loopback only, to the web service
    relay, saleor = run_entrypoint(services[sender], tmp_path)
    assert relay[0].startswith(f"TCP-LISTEN:{web_port},bind=127.0.0.1,") and "fork" in relay[0]
    host, port = relay[1].removeprefix("TCP:").split(":")
    assert host in aliases and host != "web.ocop.internal" and int(port) == web_port
    assert saleor == services[sender]["command"][1:]
    assert "socat" in (ROOT / "saleor_plugins" / "Dockerfile").read_text()
    # and the URLs Saleor is given for the web service use that name and port
    feed = urlparse(feed_url(services))
    assert (feed.hostname, feed.port) == ("web.ocop.internal", web_port)
    assert "web.ocop.internal" in interpolated(services["web"]["environment"]["ALLOWED_HOSTS"]).split(",")


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
    for name in ("SECRET_KEY", "OCOP_FEED_TOKEN", "APP_TOKEN_KEY"):
        assert env[name].startswith("${") and ":?" in env[name], f"{name} must come from .env, not a literal"
    # the key that seals secrets at rest is a variable of its own, never the signing key's
    assert env["APP_TOKEN_KEY"].split(":?")[0] != env["SECRET_KEY"].split(":?")[0]
    for name in ("web-migrate", "web-worker", "web-beat"):
        assert services[name]["environment"] == env, f"{name} runs with other settings than web"


def test_web_urls_point_at_services_and_ports_that_exist(services):
    env = services["web"]["environment"]
    database = urlparse(interpolated(env["DATABASE_URL"]))
    assert (database.hostname, database.port, database.path) == ("db", 5432, "/ocop_web")
    assert "CREATE DATABASE ocop_web OWNER ocop_web" in (ROOT / "scripts" / "compose-initdb.sh").read_text()
    assert urlparse(interpolated(env["REDIS_URL"])).hostname == "redis"
    saleor = urlparse(env["SALEOR_API_URL"])
    assert saleor.hostname == "api.ocop.internal"
    assert saleor.hostname in services["api"]["networks"]["default"]["aliases"]
    assert f"--port={saleor.port}" in services["api"]["command"]
    assert urlparse(interpolated(env["ELASTICSEARCH_URL"])).hostname == "elasticsearch"


# ---- names Saleor accepts ----


@pytest.mark.parametrize("where", ["saleor PUBLIC_URL", "web SALEOR_API_URL", "app manifest URL", "plugin feed URL"])
def test_addresses_saleor_validates_are_dotted_names_its_url_validator_accepts(services, where):
    # given the addresses Saleor checks with Django's URLValidator: its own PUBLIC_URL at start, the
    # manifest URL in appInstall (the web's SALEOR_API_URL names Saleor's PUBLIC_URL)
    web = services["web"]["environment"]
    url = {
        "saleor PUBLIC_URL": services["api"]["environment"]["PUBLIC_URL"],
        "web SALEOR_API_URL": web["SALEOR_API_URL"],
        "app manifest URL": f"{web['APP_PUBLIC_URL']}/saleor/manifest/",
        "plugin feed URL": feed_url(services),
    }[where]
    # then each passes that validator (a host name without a dot, such as http://api:8000/, does not)...
    URLValidator()(url)
    with pytest.raises(ValidationError):
        URLValidator()(url.replace(".ocop.internal", ""))
    # ...and names a service on the compose network
    host = urlparse(url).hostname
    service = {"api.ocop.internal": "api", "web.ocop.internal": "web"}[host]
    assert host in services[service]["networks"]["default"]["aliases"]
    assert resolve("/saleor/manifest/").url_name


def test_public_addresses_follow_site_domain_https_for_a_name_and_plain_http_on_localhost(services):
    web, saleor = services["web"]["environment"], services["api"]["environment"]
    for domain, site in (("", "http://localhost"), ("ocop.example", "https://ocop.example")):
        env = {"SITE_DOMAIN": domain}
        assert interpolated(web["PUBLIC_URL"], **env) == f"{site}/"
        assert interpolated(web["SITE_PUBLIC_URL"], **env) == site
        assert interpolated(web["MEDIA_ORIGINS"], **env) == site
        assert interpolated(web["CSRF_TRUSTED_ORIGINS"], **env) == site
        assert interpolated(saleor["MEDIA_URL"], **env) == f"{site}/media/"
        assert interpolated(services["dashboard"]["environment"]["API_URL"], **env) == f"{site}/graphql/"
        # the shop's host is where Saleor may send customers back to, and a host both services answer to
        host = urlparse(site).hostname
        assert interpolated(saleor["ALLOWED_CLIENT_HOSTS"], **env).split(",") == [host]
        assert host in interpolated(web["ALLOWED_HOSTS"], **env).split(",")
        assert host in interpolated(saleor["ALLOWED_HOSTS"], **env).split(",")


def compose_env_values(env: dict[str, str], **values: str) -> dict[str, str]:
    return {name: interpolated(str(value), **values) for name, value in env.items()}


def test_web_settings_start_in_production_with_the_compose_environment(services):
    # given the web service's environment as compose fills it from a fresh .env (distinct secrets)
    secrets = {name: f"{name.lower()}-value" for name in ("WEB_SECRET_KEY", "WEB_APP_TOKEN_KEY", "WEB_DB_PASSWORD",
                                                          "REDIS_PASSWORD", "OCOP_FEED_TOKEN", "ELASTIC_PASSWORD")}
    env = compose_env_values(services["web"]["environment"], **secrets)
    # when Django loads the settings with DEBUG off, then it starts and reads them as given
    code = ("import django, json; django.setup(); from django.conf import settings as s; "
            "print(json.dumps([s.DEBUG, s.PUBLIC_URL, s.SITE_PUBLIC_URL, s.APP_TOKEN_KEY != s.SECRET_KEY, "
            "s.MEDIA_ORIGINS]))")
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c", code], cwd=ROOT, capture_output=True, text=True,
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "ocop_web.settings", **env}, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.splitlines()[-1]) == [
        False, "http://localhost/", "http://localhost", True, ["http://localhost"]]


# ---- restarts: the one-shots run again while the API starts ----


WAIT_SERVER = """
import http.server, sys, time
time.sleep(float(sys.argv[2]))
class Answer(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b"ok")
    def log_message(self, *args): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Answer).serve_forever()
"""


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_app_install_entrypoint(services: dict, urls: list[str], seconds: float, tmp_path: Path):
    """app-install's entrypoint and command, the command replaced by one that records it ran."""
    entrypoint = services["app-install"]["entrypoint"]
    assert entrypoint[:2] == ["python", "-c"]
    marker = tmp_path / "ran"
    fake = tmp_path / "ocop"
    fake.write_text(f'#!/bin/sh\necho "$@" > "{marker}"\n')
    fake.chmod(0o755)
    env = {"PATH": f"{tmp_path}:/usr/bin:/bin", "WAIT_FOR_URLS": " ".join(urls), "WAIT_FOR_SECONDS": str(seconds)}
    result = subprocess.run([os.environ.get("PYTHON", "python3"), "-c", entrypoint[2],
                             *services["app-install"]["command"]], env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    return result, (marker.read_text().strip() if marker.exists() else None)


def test_app_install_waits_until_the_api_and_the_web_service_answer_then_installs(services, tmp_path):
    # given app-install waits for the API's health and the web service's static file
    waited = services["app-install"]["environment"]["WAIT_FOR_URLS"].split()
    assert waited == ["http://api.ocop.internal:8000/health/",
                      "http://web.ocop.internal:8080/static/storefront/site.css"]
    # when the API answers only a few seconds after app-install starts (as after `docker compose restart`)
    port = free_port()
    server = subprocess.Popen([os.environ.get("PYTHON", "python3"), "-c", WAIT_SERVER, str(port), "3"])
    try:
        result, ran = run_app_install_entrypoint(services, [f"http://127.0.0.1:{port}/health/"], 60, tmp_path)
    finally:
        server.kill()
        server.wait()
    # then it waited and then installed, exiting with the installation's status
    assert result.returncode == 0, result.stderr
    assert "waiting for http://127.0.0.1:" in result.stderr
    assert ran == "saleor install-app"


def test_app_install_gives_up_naming_what_did_not_answer(services, tmp_path):
    url = f"http://127.0.0.1:{free_port()}/health/"
    result, ran = run_app_install_entrypoint(services, [url], 3, tmp_path)
    assert result.returncode == 1 and ran is None
    assert f"{url} did not answer" in result.stderr


# ---- PostgreSQL: one role per service, no superuser at run time ----


def test_each_service_connects_to_postgres_with_its_own_role_owning_only_its_own_database(services):
    # given the database URL of every service
    roles = {}
    for name, service in services.items():
        url = service.get("environment", {}).get("DATABASE_URL")
        if url:
            parsed = urlparse(interpolated(url))
            roles.setdefault((parsed.username, parsed.path.lstrip("/")), set()).add(name)
    # then Saleor's services use the role saleor on database saleor, the web's ocop_web on ocop_web
    assert roles == {("saleor", "saleor"): set(SALEOR_SERVICES), ("ocop_web", "ocop_web"): set(WEB_SERVICES)}
    # each with a password of its own, and the superuser's password reaches the database container only
    assert "${SALEOR_DB_PASSWORD:?" in services["api"]["environment"]["DATABASE_URL"]
    assert "${WEB_DB_PASSWORD:?" in services["web"]["environment"]["DATABASE_URL"]
    for name, service in services.items():
        if name != "db":
            assert "POSTGRES_PASSWORD" not in json.dumps(service), name
    # and the first start creates those roles without superuser rights, each owning its own database
    init = (ROOT / "scripts" / "compose-initdb.sh").read_text()
    assert "./scripts/compose-initdb.sh:/docker-entrypoint-initdb.d/ocop-roles.sh:ro" in services["db"]["volumes"]
    for role in ("saleor", "ocop_web"):
        assert re.search(rf"^CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'\w+';$",
                         init, re.MULTILINE)
        assert f"CREATE DATABASE {role} OWNER {role};" in init
        assert f"REVOKE ALL ON DATABASE {role} FROM PUBLIC;" in init
    assert {"SALEOR_DB_PASSWORD", "WEB_DB_PASSWORD"} <= set(services["db"]["environment"])


def test_init_script_creates_the_roles_and_databases_on_a_real_server(tmp_path):
    # given the script run as the image runs it (psql on the socket, as the superuser), against a
    # throwaway PostgreSQL cluster of this machine's own server binaries
    initdb = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))), None)
    if initdb is None:
        pytest.skip("no PostgreSQL server binaries here")
    bindir = initdb.parent
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    home = Path(tempfile.mkdtemp(prefix="ocop-initdb-", dir="/var/tmp"))
    home.chmod(0o755)
    if as_postgres:
        shutil.chown(home, "postgres")
    data, sock = home / "data", home / "sock"
    run = lambda *args, **kw: subprocess.run([*as_postgres, *args], check=True, capture_output=True,  # noqa: E731
                                             text=True, **kw)
    run("mkdir", str(sock))
    run(str(initdb), "-D", str(data), "-U", "postgres", "--auth=trust")
    # the server inherits pg_ctl's output: a log file, not a pipe this test would wait on
    subprocess.run([*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(home / "log"), "-o",
                    f"-c listen_addresses='' -c unix_socket_directories='{sock}'", "start"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    try:
        script = (ROOT / "scripts" / "compose-initdb.sh").read_text().replace("/var/run/postgresql", str(sock))
        env = {"PATH": f"{bindir}:/usr/bin:/bin", "POSTGRES_USER": "postgres",
               "SALEOR_DB_PASSWORD": "s'quote", "WEB_DB_PASSWORD": "w-pass"}
        run("env", *(f"{k}={v}" for k, v in env.items()), "sh", "-c", script)

        def sql(query: str) -> str:
            return run(str(bindir / "psql"), "-h", str(sock), "-U", "postgres", "-d", "postgres", "-Atc",
                       query).stdout.strip()

        # then each service's role owns its database, and neither is a superuser nor may create roles or databases
        assert sql("SELECT datname || ':' || pg_get_userbyid(datdba) FROM pg_database "
                   "WHERE datname IN ('saleor', 'ocop_web') ORDER BY 1") == "ocop_web:ocop_web\nsaleor:saleor"
        assert sql("SELECT rolname || ':' || rolsuper || rolcreatedb || rolcreaterole FROM pg_roles "
                   "WHERE rolname IN ('saleor', 'ocop_web') ORDER BY 1") == "ocop_web:falsefalsefalse\n" \
                                                                            "saleor:falsefalsefalse"
        # and neither may connect to the other's database; both got a password (one with a quote in it)
        assert sql("SELECT has_database_privilege('saleor', 'ocop_web', 'CONNECT'), "
                   "has_database_privilege('ocop_web', 'saleor', 'CONNECT')") == "f|f"
        assert sql("SELECT count(*) FROM pg_authid WHERE rolname IN ('saleor', 'ocop_web') "
                   "AND rolpassword IS NOT NULL") == "2"
    finally:
        subprocess.run([*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, check=False)
        shutil.rmtree(home, ignore_errors=True)


# ---- Redis: a password for every client ----


def test_redis_requires_a_password_that_every_client_sends(services):
    redis = services["redis"]
    assert redis["command"][:3] == ["redis-server", "--requirepass", "${REDIS_PASSWORD:?run scripts/run-stack to "
                                                                     "create .env}"]
    # the health check authenticates (redis-cli reads REDISCLI_AUTH) and passes on PONG only
    assert redis["environment"]["REDISCLI_AUTH"].startswith("${REDIS_PASSWORD:?")
    assert "grep -qx PONG" in redis["healthcheck"]["test"][1]
    # and every Redis URL of every service carries that password
    urls = [(name, value) for name, service in services.items()
            for value in service.get("environment", {}).values() if str(value).startswith("redis://")]
    assert {name for name, _ in urls} == set(SALEOR_SERVICES) | set(WEB_SERVICES)
    for name, url in urls:
        parsed = urlparse(interpolated(url, REDIS_PASSWORD="pw"))
        assert (parsed.hostname, parsed.username or None, parsed.password) == ("redis", None, "pw"), name
        assert parsed.password and parsed.password != "secret"


# ---- one door: the reverse proxy ----


def caddy_routes() -> dict[str, str]:
    """The Caddyfile's routes: path matcher (or "*" for the rest) -> upstream."""
    text = (ROOT / "Caddyfile").read_text()
    snippet = text[text.index("(ocop) {"):text.index("\n}\n", text.index("(ocop) {"))]
    matchers = dict(re.findall(r"^\s*(@\w+) path (.+)$", snippet, re.MULTILINE))
    routes = {}
    for matcher, upstream in re.findall(r"^\s*handle ?([^{\s]*) \{\s*(?:#[^\n]*\n\s*)*reverse_proxy (\S+)",
                                        snippet, re.MULTILINE):
        routes[matchers.get(matcher, matcher) or "*"] = upstream
    return routes


def test_only_the_proxy_is_published_and_only_on_80_and_443(services):
    # given every published port
    published = {name: service.get("ports", []) for name, service in services.items() if service.get("ports")}
    # then the proxy publishes HTTP and HTTPS, and nothing else is reachable from outside this machine
    assert published.pop("proxy") == ["80:80", "443:443"]
    for name, ports in published.items():
        for port in ports:
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} beyond this machine"


def test_proxy_routes_the_shop_the_api_the_dashboard_and_uploads(services):
    routes = caddy_routes()
    web_port = re.search(r"0\.0\.0\.0:(\d+)", " ".join(services["web"]["command"])).group(1)
    assert routes == {
        "/graphql /graphql/*": "api:8000",
        "/media/*": "media:80",
        "/dashboard/*": "dashboard:80",
        "*": f"web.edge.ocop.internal:{web_port}",
    }
    # the Caddyfile is the one the proxy reads, from the official image's path
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in services["proxy"]["volumes"]


def test_proxy_overwrites_x_forwarded_for_with_the_client_address(services):
    # given every reverse_proxy block but the static uploads'
    text = (ROOT / "Caddyfile").read_text()
    blocks = re.findall(r"reverse_proxy (\S+) \{\n(.*?)\n\s*\}$", text, re.DOTALL | re.MULTILINE)
    assert {upstream for upstream, _ in blocks} == set(caddy_routes().values()) - {"media:80"}
    # then each sets X-Forwarded-For to the connection's address, replacing what the client sent
    for upstream, body in blocks:
        assert re.search(r"^\s*header_up X-Forwarded-For \{remote_host\}$", body, re.MULTILINE), upstream
        assert re.search(r"^\s*header_up X-Forwarded-Proto \{scheme\}$", body, re.MULTILINE), upstream
    # nothing in front of it: its peer is the client
    assert not [line for line in text.splitlines() if "trusted_proxies" in line and not line.lstrip().startswith("#")]


def test_proxy_serves_site_domain_over_https_and_localhost_over_plain_http(services):
    text = (ROOT / "Caddyfile").read_text()
    sites = re.findall(r"^(\S[^{\n]*?) \{$", text, re.MULTILINE)
    assert sites == ["(ocop)", "http://localhost", "{$SITE_ADDRESS}"]
    # SITE_ADDRESS: the bare name (Caddy then obtains its certificate), or plain HTTP on 127.0.0.1 without one
    address = services["proxy"]["environment"]["SITE_ADDRESS"]
    assert interpolated(address, SITE_DOMAIN="ocop.example") == "ocop.example"
    assert interpolated(address) == "http://127.0.0.1"
    assert {"caddy-data:/data", "caddy-config:/config"} <= set(services["proxy"]["volumes"])


def test_web_believes_x_forwarded_for_from_the_proxy_network_only(compose, services):
    # given a network holding the proxy and the web service only
    edge = compose["networks"]["edge"]
    members = {name for name, service in services.items() if "edge" in service.get("networks", {})}
    assert members == {"proxy", "web"}
    # then the web service trusts exactly that network's range
    subnet = edge["ipam"]["config"][0]["subnet"]
    assert services["web"]["environment"]["TRUSTED_PROXY"] == subnet == "${PROXY_SUBNET:-172.29.83.0/28}"
    assert services["web"]["environment"]["BEHIND_TLS_PROXY"] == "1"
    # and the proxy reaches the web service by a name that exists on that network alone
    upstream = caddy_routes()["*"].split(":")[0]
    assert services["web"]["networks"]["edge"]["aliases"] == [upstream]
    assert upstream not in services["web"]["networks"]["default"]["aliases"]
