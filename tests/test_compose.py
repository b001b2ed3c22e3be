"""docker-compose.yml cannot be started here: check it against the compose schema and our settings."""

from __future__ import annotations

import ast
import json
import re
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
REQUIRED_IN_PRODUCTION = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "OCOP_FEED_TOKEN"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def interpolated(value: str) -> str:
    """The value with every ${VAR...} replaced by a placeholder, as compose would fill it."""
    return re.sub(r"\$\{[^}]*\}", "secret", value)


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


def test_compose_file_is_valid_against_the_compose_specification(compose):
    schema = json.loads(
        resources.files("check_jsonschema.builtin_schemas.vendor").joinpath("compose-spec.json").read_text()
    )
    jsonschema.validate(compose, schema)


def test_stack_has_every_part_of_the_design(compose):
    services = compose["services"]
    assert set(services) == {"db", "redis", "elasticsearch", "api", "worker", "beat", "dashboard", "web"}
    assert services["db"]["image"].startswith("postgres:15")
    assert services["redis"]["image"].startswith("redis:7")
    assert re.match(r"docker\.elastic\.co/elasticsearch/elasticsearch:8\.", services["elasticsearch"]["image"])
    assert services["elasticsearch"]["environment"]["discovery.type"] == "single-node"
    assert services["dashboard"]["image"].startswith("ghcr.io/saleor/saleor-dashboard:3.23")


def test_saleor_services_run_the_official_323_image_with_our_plugin(compose):
    services = compose["services"]
    dockerfile = (ROOT / services["api"]["build"] / "Dockerfile").read_text()
    assert re.search(r"^FROM ghcr\.io/saleor/saleor:3\.23\s*$", dockerfile, re.MULTILINE)
    assert "pip install" in dockerfile
    image = services["api"]["image"]
    assert services["worker"]["image"] == image and services["beat"]["image"] == image
    assert "celery -A saleor.celeryconf:app worker" in services["worker"]["command"]
    assert "celery -A saleor.celeryconf:app beat" in services["beat"]["command"]
    for name in ("api", "worker", "beat"):
        env = services[name]["environment"]
        assert {"DATABASE_URL", "SECRET_KEY", "RSA_PRIVATE_KEY", "CELERY_BROKER_URL"} <= set(env)
        # one RSA key for every Saleor process, or tokens fail across processes
        assert env["RSA_PRIVATE_KEY"] == services["api"]["environment"]["RSA_PRIVATE_KEY"]


def test_web_environment_matches_what_settings_read(compose):
    env = compose["services"]["web"]["environment"]
    read = settings_env_names()
    assert set(env) <= read, f"set in compose but never read: {set(env) - read}"
    assert REQUIRED_IN_PRODUCTION <= set(env)
    assert env["DEBUG"] == "0"
    for name in ("SECRET_KEY", "OCOP_FEED_TOKEN"):
        assert env[name].startswith("${") and ":?" in env[name], f"{name} must come from .env, not a literal"


def test_web_urls_point_at_services_and_ports_that_exist(compose):
    services = compose["services"]
    env = services["web"]["environment"]
    database = urlparse(interpolated(env["DATABASE_URL"]))
    assert (database.hostname, database.port, database.path) == ("db", 5432, "/ocop_web")
    assert "CREATE DATABASE ocop_web" in (ROOT / "scripts" / "compose-initdb.sql").read_text()
    assert urlparse(env["REDIS_URL"]).hostname == "redis"
    saleor = urlparse(env["SALEOR_API_URL"])
    assert saleor.hostname == "api"
    assert f"--port={saleor.port}" in services["api"]["command"]
    assert "8000:8000" in services["api"]["ports"]
    assert "--bind 0.0.0.0:8080" in services["web"]["command"]
    assert "8080:8080" in services["web"]["ports"]
    assert urlparse(interpolated(env["ELASTICSEARCH_URL"])).hostname == "elasticsearch"


def test_every_dependency_names_a_service(compose):
    services = compose["services"]
    for name, service in services.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in services, f"{name} depends on unknown {dependency}"
