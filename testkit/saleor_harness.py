"""Tier-2 harness: a real Saleor 3.23 (the environment SALEOR_PYTHON names) with our plugin.

- installs ``saleor_plugins`` into that environment (editable, no dependencies) unless it is there;
- builds a template database once — Saleor + our plugin migrated — named by a hash of our
  migrations and the Saleor version, from ``saleor_template`` when that exists (``CREATE
  DATABASE ... TEMPLATE`` then ``migrate``, seconds) else from scratch (a full migrate, minutes);
- copies it per test module; ``saleor_api.SaleorApi`` starts the API on a free loopback port, creates an app token;
- cleans up: stops processes, drops the copies.

Only SALEOR_PYTHON is required. Optional: SALEOR_TEST_POSTGRES (admin URL, default
postgres://postgres@127.0.0.1:5432/postgres), SALEOR_TEST_KEEP=1 (keep databases for debugging).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

REPO = Path(__file__).resolve().parents[1]
PLUGIN_DIR = REPO / "saleor_plugins"
MIGRATIONS_DIR = PLUGIN_DIR / "ocop_certification" / "migrations"
BASE_TEMPLATE = "saleor_template"
DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
APP_PERMISSIONS = (
    "MANAGE_PLUGINS",
    "MANAGE_PRODUCTS",
    "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES",
    "MANAGE_CHANNELS",
    "MANAGE_SHIPPING",
    "MANAGE_PAGES",
    "MANAGE_PAGE_TYPES_AND_ATTRIBUTES",
    "MANAGE_CHECKOUTS",
    "MANAGE_ORDERS",
    "MANAGE_TRANSLATIONS",
    "MANAGE_MENUS",
)
APP = object()  # sentinel: "use the app token"


class HarnessError(RuntimeError):
    pass


def saleor_python() -> str | None:
    return os.environ.get("SALEOR_PYTHON") or None


def admin_url() -> str:
    return os.environ.get("SALEOR_TEST_POSTGRES", DEFAULT_ADMIN_URL)


def database_url(name: str) -> str:
    parts = urlsplit(admin_url())
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def local_store_redis(slot: int, default_first: int) -> dict[str, str]:
    """The Redis databases of one test's own local store (``scripts/run-local``): the web's, Saleor's
    broker and Saleor's cache.

    ``OCOP_TEST_REDIS_FIRST_DB`` gives a test run its own range (slot 0 from there, slot 1 three
    further on), so checkouts testing at once on one machine never share a broker: a store's
    worker would take another store's tasks (an app installation) and find nothing in its own
    database. Without it, the test's own ``default_first``.
    """
    first = os.environ.get("OCOP_TEST_REDIS_FIRST_DB", "").strip()
    base = int(first) + 3 * slot if first else default_first
    return {"REDIS_URL": f"redis://127.0.0.1:6379/{base}",
            "SALEOR_CELERY_BROKER_URL": f"redis://127.0.0.1:6379/{base + 1}",
            "SALEOR_CACHE_URL": f"redis://127.0.0.1:6379/{base + 2}"}


def log_tail(path: Path, lines: int = 60) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# --------------------------------------------------------------------------- keys and environment


@dataclass(frozen=True)
class Secrets:
    secret_key: str
    rsa_private_key: str

    @classmethod
    def generate(cls) -> Secrets:
        openssl = shutil.which("openssl")
        if openssl:
            pem = subprocess.run(
                [openssl, "genrsa", "2048"], check=True, capture_output=True, text=True, timeout=60
            ).stdout
        else:  # pragma: no cover - every supported machine has openssl; Saleor's env has cryptography
            raise HarnessError("openssl is needed to generate the RSA key Saleor signs tokens with")
        return cls(secret_key=secrets.token_urlsafe(50), rsa_private_key=pem)


def saleor_environment(python: str, db_url: str, keys: Secrets, public_url: str = "http://127.0.0.1:8000/") -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE", "DATABASE_URL",
            "REDIS_URL", "CACHE_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "DATABASE_URL_REPLICA",
            "SECRET_KEY", "RSA_PRIVATE_KEY", "DEBUG", "ALLOWED_HOSTS", "ALLOWED_CLIENT_HOSTS", "PUBLIC_URL",
        }
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "saleor.settings",
            "DATABASE_URL": db_url,
            "SECRET_KEY": keys.secret_key,
            "RSA_PRIVATE_KEY": keys.rsa_private_key,
            "DEBUG": "False",
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "ALLOWED_CLIENT_HOSTS": "localhost,127.0.0.1",
            "PUBLIC_URL": public_url,
            "HTTP_IP_FILTER_ENABLED": "True",
            "HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS": "True",
            "SEND_USAGE_TELEMETRY": "False",
            "CELERY_BROKER_URL": "",  # empty = Celery runs tasks eagerly, in-process
            "PYTHONUNBUFFERED": "1",
            # This checkout's plugin, whichever checkout Saleor's (shared) environment has installed.
            "PYTHONPATH": str(PLUGIN_DIR),
            "PATH": str(Path(python).parent) + os.pathsep + os.environ.get("PATH", ""),
        }
    )
    return env


# --------------------------------------------------------------------------- Saleor environment


@dataclass
class SaleorEnv:
    """One Saleor database and the environment to run Saleor processes against it."""

    python: str
    database_url: str
    env: dict
    db_name: str = ""
    log_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="saleor-t2-")))

    def manage(self, *args: str, check: bool = True, timeout: float = 600, env: dict | None = None,
               input: str | None = None) -> subprocess.CompletedProcess:
        """Run ``python -m django ARGS`` in Saleor's environment; raise with the output on failure."""
        result = subprocess.run(
            [self.python, "-m", "django", *args],
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            input=input,
            cwd=self.log_dir,
        )
        if check and result.returncode != 0:
            raise HarnessError(
                f"`django {' '.join(args)}` exited {result.returncode}\n--- stdout\n{result.stdout[-4000:]}"
                f"\n--- stderr\n{result.stderr[-4000:]}"
            )
        return result

    def popen_manage(self, *args: str, env: dict | None = None) -> subprocess.Popen:
        return subprocess.Popen(
            [self.python, "-m", "django", *args],
            env={**self.env, **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=self.log_dir,
        )

    def shell_json(self, code: str, timeout: float = 300, env: dict | None = None) -> object:
        """Run Python in ``django shell`` and return the JSON it prints on its last stdout line."""
        result = self.manage("shell", "--no-imports", "-c", code, timeout=timeout, env=env)
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        if not lines:
            raise HarnessError(f"shell printed nothing\n--- stderr\n{result.stderr[-4000:]}")
        return json.loads(lines[-1])

    def sql(self, query: str, params: tuple | list = ()) -> list[tuple]:
        with psycopg.connect(self.database_url, autocommit=True) as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else []


def stop_process(process: subprocess.Popen | None, grace: float = 15) -> None:
    """Terminate a child process, killing it when it outlives ``grace`` seconds."""
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def last_json_line(text: str) -> dict:
    for line in reversed(text.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            with contextlib.suppress(json.JSONDecodeError):
                return json.loads(line)
    raise HarnessError(f"no JSON object in output:\n{text[-4000:]}")


# --------------------------------------------------------------------------- install + databases


def ensure_plugin_installed(python: str) -> None:
    """Install saleor_plugins into Saleor's environment (editable, --no-deps) unless it is already.

    Installed from any checkout is enough: its entry point names the module, and every Saleor
    process the tests start finds this checkout's module first (``PYTHONPATH``, see
    saleor_environment), so checkouts testing at once on one machine do not swap each other's code.
    """
    probe = (
        "import importlib.metadata as m, json\n"
        "eps = [e.value for e in m.entry_points(group='saleor.plugins') if e.name == 'ocop_certification']\n"
        "try:\n"
        "    import ocop_certification; path = ocop_certification.__file__\n"
        "except ImportError:\n"
        "    path = None\n"
        "print(json.dumps({'eps': eps, 'path': path}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    found = json.loads(subprocess.run([python, "-c", probe], check=True, capture_output=True, text=True,
                                      env=env, cwd=tempfile.gettempdir()).stdout)
    if found["eps"] and found["path"]:
        return
    uv = shutil.which("uv")
    if uv:
        command = [uv, "pip", "install", "--python", python, "--no-deps", "-e", str(PLUGIN_DIR)]
        env["UV_PYTHON_DOWNLOADS"] = "never"
    else:
        command = [python, "-m", "pip", "install", "--no-deps", "-e", str(PLUGIN_DIR)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    if result.returncode != 0:
        raise HarnessError(f"installing the plugin failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")


def saleor_version(python: str) -> str:
    return subprocess.run(
        [python, "-c", "import saleor; print(saleor.__version__)"], check=True, capture_output=True, text=True,
        cwd=tempfile.gettempdir(),
    ).stdout.strip()


def template_name(python: str) -> str:
    digest = hashlib.sha256(saleor_version(python).encode())
    for path in sorted(MIGRATIONS_DIR.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"ocop_t2_tpl_{digest.hexdigest()[:12]}"


def _admin() -> psycopg.Connection:
    return psycopg.connect(admin_url(), autocommit=True)


def _exists(conn: psycopg.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def _create_from(conn: psycopg.Connection, name: str, template: str | None, attempts: int = 40) -> None:
    query = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
    for attempt in range(attempts):
        try:
            conn.execute(query)
            return
        except psycopg.errors.ObjectInUse:  # someone is connected to the template: wait
            if attempt == attempts - 1:
                raise
            time.sleep(0.5)


def drop_database(name: str) -> None:
    if os.environ.get("SALEOR_TEST_KEEP"):
        return
    with _admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def ensure_template(python: str, keys: Secrets) -> str:
    """The migrated template's name; built (under an advisory lock) when it does not exist."""
    name = template_name(python)
    with _admin() as conn:
        conn.execute("SELECT pg_advisory_lock(hashtext(%s))", (name,))
        try:
            if _exists(conn, name):
                return name
            building = name + "_building"
            conn.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
            base = BASE_TEMPLATE if _exists(conn, BASE_TEMPLATE) else None
            _create_from(conn, building, base)
            env = SaleorEnv(python, database_url(building), saleor_environment(python, database_url(building), keys))
            try:
                env.manage("migrate", "--noinput", timeout=1800)
            except Exception:
                conn.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
                raise
            conn.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
            return name
        finally:
            conn.execute("SELECT pg_advisory_unlock(hashtext(%s))", (name,))


def copy_database(template: str, label: str) -> str:
    name = f"ocop_t2_{label}_{os.getpid()}_{secrets.token_hex(3)}"[:63]
    with _admin() as conn:
        _create_from(conn, name, template)
    return name


# --------------------------------------------------------------------------- clock and worker


def faketime_library() -> str | None:
    """Debian's libfaketime (package ``faketime``), or None when it is not installed."""
    for pattern in ("/usr/lib/*/faketime/libfaketime.so.1", "/usr/lib/faketime/libfaketime.so.1"):
        found = sorted(Path("/").glob(pattern.lstrip("/")))
        if found:
            return str(found[0])
    return None


def shifted_clock(offset_seconds: int) -> dict:
    """Environment that moves a process's clocks ``offset_seconds`` ahead (libfaketime).

    Every process started with the same offset shares one shifted clock running at real speed,
    so a worker and the process that queues a task agree on when ``eta`` comes.
    """
    library = faketime_library()
    if library is None:
        raise HarnessError("libfaketime is not installed (Debian package `faketime`)")
    # Monotonic clocks stay real: timeouts and Celery's timers measure real durations.
    return {"LD_PRELOAD": library, "FAKETIME": f"{offset_seconds:+d}", "FAKETIME_DONT_FAKE_MONOTONIC": "1"}


class CeleryWorker:
    """Saleor's Celery worker (``saleor.celeryconf:app``, solo pool) on the given broker."""

    def __init__(self, saleor: SaleorEnv, broker_url: str, env: dict | None = None):
        self.saleor = saleor
        self.env = {**saleor.env, "CELERY_BROKER_URL": broker_url, **(env or {})}
        self.log_path = saleor.log_dir / f"celery-{os.getpid()}-{secrets.token_hex(3)}.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [self.saleor.python, "-m", "celery", "-A", "saleor.celeryconf:app", "worker", "--pool=solo",
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-n", f"ocop-t2-{secrets.token_hex(3)}@localhost"],
            env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=self.saleor.log_dir,
        )

    def log(self, lines: int = 80) -> str:
        return log_tail(self.log_path, lines)

    def stop(self) -> None:
        stop_process(self.process, grace=20)
