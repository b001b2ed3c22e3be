"""What the images are built from: the web wheel serves its static files and translations, and no
build context carries secrets or build leftovers (no Docker here: the wheel and the context rules
are checked directly)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from docker.utils.build import exclude_paths

ROOT = Path(__file__).resolve().parents[1]

SERVE = """
import sys
from pathlib import Path
import django
django.setup()
from django.conf import settings
from django.test import Client
from django.utils import translation
import ocop_web
print("package", Path(ocop_web.__file__).parent)
print("static_root", settings.STATIC_ROOT)
for path in sys.argv[1:]:
    response = Client().get(path, HTTP_HOST="localhost")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    print("GET", path, response.status_code, len(body))
translation.activate("vi")
print("vi", translation.gettext("Decision date"))
"""


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory) -> Path:
    """The project built as a wheel by its build backend and installed (unpacked) into a bare directory."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-c", f"import hatchling.build as b; b.build_wheel({str(out)!r})"],
        cwd=ROOT, check=True, capture_output=True,
    )
    (wheel,) = out.glob("ocop_market-*.whl")
    site = out / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def run_installed(site: Path, workdir: Path, *args: str, extra: dict[str, str] | None = None) -> str:
    """Runs Python on the installed wheel, from a directory holding no source, with production settings."""
    env = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(site),
        "DJANGO_SETTINGS_MODULE": "ocop_web.settings",
        "DEBUG": "0",
        "SECRET_KEY": "image-test-not-a-secret",
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "OCOP_FEED_TOKEN": "image-test-feed-token",
        "APP_TOKEN_KEY": "image-test-app-token-key",
        "PUBLIC_URL": "http://localhost:8080/",
        "SITE_PUBLIC_URL": "http://localhost:8080/",
        **(extra or {}),
    }
    result = subprocess.run([sys.executable, *args], cwd=workdir, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def dockerfile_env(dockerfile: str, stage: int) -> str:
    return re.split(r"^FROM ", dockerfile, flags=re.MULTILINE)[stage + 1]


def test_installed_wheel_collects_and_serves_static_files_and_speaks_vietnamese(installed_wheel, tmp_path):
    # given the wheel installed away from the source tree, STATIC_ROOT set as the web image sets it
    dockerfile = (ROOT / "Dockerfile").read_text()
    final = dockerfile_env(dockerfile, 1)
    image_root = re.search(r"STATIC_ROOT=(\S+)", final).group(1)
    static_root = tmp_path / image_root.lstrip("/")
    workdir = tmp_path / "app"
    workdir.mkdir()
    env = {"STATIC_ROOT": str(static_root)}
    # when collectstatic runs as the image runs it, then the site is asked for its static files
    run_installed(installed_wheel, workdir, "-m", "django", "collectstatic", "--noinput", "-v0", extra=env)
    out = run_installed(
        installed_wheel, workdir, "-c", SERVE,
        "/static/storefront/site.css", "/static/admin/css/base.css", "/static/storefront/missing.css",
        extra=env,
    )
    # then the files land where the settings read them and the production server serves them
    lines = dict(line.split(" ", 1) for line in out.splitlines() if not line.startswith("GET"))
    assert Path(lines["package"]) == installed_wheel / "ocop_web"
    assert Path(lines["static_root"]) == static_root
    assert (static_root / "storefront" / "site.css").read_bytes() == (
        ROOT / "storefront" / "static" / "storefront" / "site.css"
    ).read_bytes()
    served = [line.split() for line in out.splitlines() if line.startswith("GET")]
    site_css = (ROOT / "storefront" / "static" / "storefront" / "site.css").stat().st_size
    assert served[0] == ["GET", "/static/storefront/site.css", "200", str(site_css)]
    assert served[1][:3] == ["GET", "/static/admin/css/base.css", "200"] and int(served[1][3]) > 1000
    assert served[2][:3] == ["GET", "/static/storefront/missing.css", "404"]
    # and the project's translations came with the wheel
    assert lines["vi"] == "Ngày quyết định"


def test_web_image_holds_the_installed_project_and_its_static_files_only():
    dockerfile = (ROOT / "Dockerfile").read_text()
    build, final = dockerfile_env(dockerfile, 0), dockerfile_env(dockerfile, 1)
    # the source is copied into the build stage only; the final image takes the virtualenv from it
    assert "COPY . ." in build and "--no-editable" in build
    assert re.findall(r"^COPY .*", final, re.MULTILINE) == ["COPY --from=build /venv /venv"]
    # collectstatic writes where the server reads: STATIC_ROOT is set for both in the final stage
    assert "STATIC_ROOT=/app/staticfiles" in final and "collectstatic" in final
    assert re.search(r"^USER ocop$", final, re.MULTILINE)


def build_contexts() -> list[tuple[str, Path, str, str]]:
    """(service, context, Dockerfile name, Dockerfile text) of every image compose builds."""
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    found = []
    for name, service in services.items():
        build = service.get("build")
        if build is None:
            continue
        build = {"context": build} if isinstance(build, str) else build
        context, dockerfile = ROOT / build["context"], build.get("dockerfile", "Dockerfile")
        text = build.get("dockerfile_inline") or (context / dockerfile).read_text()
        found.append((name, context, dockerfile, text))
    return found


SECRETS_AND_LEFTOVERS = [
    ".env", ".env.local", "saleor_plugins/.env", "catalog_sync/.env", "ocop_web/server.key", "jwt.pem",
    ".venv/bin/python", ".git/config", "tests/test_x.py", "staticfiles/admin/css/base.css",
    "storefront/__pycache__/views.cpython-312.pyc", ".mypy_cache/x.json", "dist/x.whl", "db.sqlite3",
    ".bench/report.json", "benchmarks/registry.py",
]


@pytest.fixture
def checkout(tmp_path) -> Path:
    """The repository's tracked files plus the secrets and leftovers a working checkout holds."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    for relative in tracked.splitlines():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / relative).is_file():
            shutil.copyfile(ROOT / relative, target)
    for relative in SECRETS_AND_LEFTOVERS:
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("SECRET=1\n")
    return tmp_path


@pytest.mark.parametrize(
    ("service", "context", "dockerfile", "instructions"), build_contexts(), ids=[c[0] for c in build_contexts()]
)
def test_build_context_holds_no_secrets_or_build_leftovers(checkout, service, context, dockerfile, instructions):
    # given the build context as Docker reads it (docker-py's .dockerignore rules)
    relative_context = checkout / context.relative_to(ROOT)
    ignore = relative_context / f"{dockerfile}.dockerignore"
    if not ignore.exists():
        ignore = relative_context / ".dockerignore"
    assert ignore.exists(), f"{service}: no .dockerignore for its build context"
    patterns = [line.strip() for line in ignore.read_text().splitlines() if line.strip() and not line.startswith("#")]
    sent = exclude_paths(str(relative_context), patterns, dockerfile=dockerfile)
    # then no secret or leftover is sent...
    assert not sent & set(SECRETS_AND_LEFTOVERS), f"{service}: {sorted(sent & set(SECRETS_AND_LEFTOVERS))}"
    assert not [path for path in sent if path.startswith((".git/", ".venv/")) or "__pycache__" in path]
    # ...and everything the Dockerfile copies is
    for source in re.findall(r"^COPY (?!--from)(\S+)", instructions, re.MULTILINE):
        if source != ".":
            assert source.rstrip("/") in sent, f"{service}: {source} is left out of the context"
    for needed in (
        "pyproject.toml", "uv.lock", "saleor_plugins/pyproject.toml", "storefront/static/storefront/site.css",
        "locale/vi/LC_MESSAGES/django.mo", "catalog_sync/registry/templates/registry/base.html",
        "portal/templates/portal/base.html",
    ):
        assert needed in sent, f"{service}: {needed} is left out of the context"


IMPORT_EVERYTHING = """
import importlib, pkgutil, sys
import django
django.setup()
failed = []
names = ["gunicorn.app.wsgiapp", "kombu.transport.redis", "ocop_web.wsgi", "ocop_web.celery"]
for package in ("ocop_web", "catalog_sync", "storefront", "portal"):
    module = importlib.import_module(package)
    names += [info.name for info in pkgutil.walk_packages(module.__path__, package + ".")]
for name in names:
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{name}: {type(error).__name__}: {error}")
# the worker and beat load the broker's transport only when they connect: ask for it as they do
from ocop_web.celery import app
app.loader.import_default_modules()
from kombu import Connection
Connection(app.conf.broker_url).transport
print(len(names), "modules")
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_every_module_imports_with_the_production_dependencies_only(tmp_path):
    # given a virtualenv holding only what the web image installs (uv sync --no-dev from the lock),
    # with the project's source on the path
    venv = tmp_path / "venv"
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(venv), "UV_PYTHON_DOWNLOADS": "never"}
    env.pop("VIRTUAL_ENV", None)
    synced = subprocess.run(["uv", "sync", "--frozen", "--no-dev", "--no-install-project", "--no-install-workspace",
                             "--python", sys.executable], cwd=ROOT, env=env, capture_output=True, text=True)
    assert synced.returncode == 0, synced.stderr[-3000:]
    assert not (venv / "lib" / "python3.12" / "site-packages" / "pytest").exists()
    # when every module of the web service is imported there with production settings, and the worker's
    # broker transport (kombu's Redis transport) is loaded
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-c", IMPORT_EVERYTHING], cwd=tmp_path, capture_output=True, text=True,
        env={"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), "DJANGO_SETTINGS_MODULE": "ocop_web.settings",
             "DEBUG": "0", "SECRET_KEY": "image-test-not-a-secret", "ALLOWED_HOSTS": "localhost",
             "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none", "OCOP_FEED_TOKEN": "image-test-feed-token",
             "APP_TOKEN_KEY": "image-test-app-token-key", "PUBLIC_URL": "http://localhost/",
             "SITE_PUBLIC_URL": "http://localhost", "REDIS_URL": "redis://:pw@127.0.0.1:1/0"},
    )
    # then nothing is missing (kombu's Redis transport needs packaging, which only dev tools brought in)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert int(result.stdout.split()[0]) > 100
