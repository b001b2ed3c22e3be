"""The whole store on this machine, without Docker: what ``scripts/run-local`` and ``scripts/saleor-manage`` run.

``run``: the web service (runserver, or gunicorn with ``WEB_SERVER=gunicorn``; DEBUG on) with its Celery
worker and beat; with ``SALEOR_PYTHON`` also Saleor's API (uvicorn), worker and beat with the certification
plugin installed and configured to the local feed, and the web service installed as a Saleor App. Prints one
``ready:`` line when everything answers; SIGINT or SIGTERM stops every process group it started.
``run --demo`` also loads the demo (``ocop demo``) and reindexes the catalogue before that line.
``manage ARGS``: Saleor's ``manage.py ARGS`` with the same database, keys and Redis as ``run``.
``ocop ARGS``: the web service's ``ocop ARGS`` with the keys, database, Redis, Saleor address and public
address of the last ``run`` (variables set now win).

State (git-ignored) lives in ``LOCAL_STATE_DIR`` (default ``.local/``): ``secrets.json`` (mode 600:
both secret keys, Saleor's RSA key, the feed token, the staff password; generated once, never
printed but for the staff password on the run that creates it), ``store.json`` (the addresses the
last run used, so ``manage`` and ``ocop`` find the same store) and ``logs/``.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from local_payos import configure_payos, start_payos
from local_processes import Processes, StoreError, port_free, tail, wait_until

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = REPO / ".venv" / "bin"
STAFF_EMAIL = "staff@example.com"
# Redis database numbers: the web service uses REDIS_URL (cache and broker, default 0); Saleor's
# broker and cache use 1 and 2, as in docker-compose.yml, so neither side reads the other's queues.
DEFAULTS = {
    "PORT": "8080",
    "SALEOR_PORT": "8000",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/ocop_web",
    "SALEOR_DATABASE_URL": "postgres://postgres@127.0.0.1:5432/ocop_saleor",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "SALEOR_CELERY_BROKER_URL": "redis://127.0.0.1:6379/1",
    "SALEOR_CACHE_URL": "redis://127.0.0.1:6379/2",
}
# LOCALSTRIPE=1: localstripe (a Stripe stand-in) on LOCALSTRIPE_PORT, and ocop-vn's test keys for it.
LOCALSTRIPE_KEYS = ("sk_test_ocop_local", "pk_test_ocop_local", "whsec_ocop_local")


class Stop(Exception):  # raised by the signal handler
    pass


def say(message: str) -> None:
    print(message, flush=True)


# --------------------------------------------------------------------------- state


def state_dir() -> Path:
    path = Path(os.environ.get("LOCAL_STATE_DIR") or REPO / ".local").resolve()
    (path / "logs").mkdir(parents=True, exist_ok=True)
    return path


def load_secrets(state: Path) -> tuple[dict[str, str], bool]:
    """The store's secrets, generated on first use; (secrets, created now)."""
    path = state / "secrets.json"
    if path.exists():
        return json.loads(path.read_text()), False
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    values = {
        "web_secret_key": secrets.token_urlsafe(50),
        "feed_token": secrets.token_urlsafe(32),
        "saleor_secret_key": secrets.token_urlsafe(50),
        "saleor_rsa_private_key": pem,
        "staff_email": STAFF_EMAIL,
        "staff_password": secrets.token_urlsafe(18),
    }
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as file:
        json.dump(values, file, indent=1)
    return values, True


def settings(state: Path, *, remembered: bool) -> dict[str, str]:
    """PORT, SALEOR_PORT, the database and Redis URLs: the environment, else (for ``manage``) what
    the last ``run`` used, else the defaults."""
    recorded: dict[str, str] = {}
    store = state / "store.json"
    if remembered and store.exists():
        recorded = json.loads(store.read_text())
    return {name: os.environ.get(name) or recorded.get(name) or default for name, default in DEFAULTS.items()}


def saleor_python() -> str:
    python = os.environ.get("SALEOR_PYTHON", "")
    if not python:
        raise StoreError("SALEOR_PYTHON: set it to a Python interpreter in whose environment `saleor` imports")
    if not shutil.which(python):
        raise StoreError(f"SALEOR_PYTHON: {python} is not an executable")
    return python


def web_url(conf: dict[str, str]) -> str:
    return f"http://127.0.0.1:{conf['PORT']}/"


def saleor_api_url(conf: dict[str, str]) -> str:
    return f"http://127.0.0.1:{conf['SALEOR_PORT']}/graphql/"


def web_env(conf: dict[str, str], keys: dict[str, str]) -> dict[str, str]:
    """The web service's environment; the key seals the app token, so every ``ocop`` run against this
    store needs the same one. Links in emails and printed QR codes name this store's port."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH"}}
    env.update({
        "DEBUG": "1",
        "DATABASE_URL": conf["DATABASE_URL"],
        "REDIS_URL": conf["REDIS_URL"],
        "SECRET_KEY": os.environ.get("SECRET_KEY") or keys["web_secret_key"],
        "OCOP_FEED_TOKEN": os.environ.get("OCOP_FEED_TOKEN") or keys["feed_token"],
        "PUBLIC_URL": os.environ.get("PUBLIC_URL") or web_url(conf),
        "SITE_PUBLIC_URL": os.environ.get("SITE_PUBLIC_URL") or web_url(conf),
        "PYTHONUNBUFFERED": "1",
    })
    env.pop("CELERY_BROKER_URL", None)  # the web's broker is its REDIS_URL
    return env


def saleor_env(python: str, conf: dict[str, str], keys: dict[str, str]) -> dict[str, str]:
    dropped = {"PYTHONPATH", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "CACHE_URL",
               "CELERY_BROKER_URL", "SECRET_KEY", "RSA_PRIVATE_KEY", "DEBUG", "ALLOWED_HOSTS", "PUBLIC_URL"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update({
        "DJANGO_SETTINGS_MODULE": "saleor.settings",
        # DEBUG on, as the web service: Saleor serves its own uploads and logs readably.
        "DEBUG": "True",
        "DATABASE_URL": conf["SALEOR_DATABASE_URL"],
        "SECRET_KEY": keys["saleor_secret_key"],
        # One key for the API, worker and beat (else each signs tokens with its own).
        "RSA_PRIVATE_KEY": keys["saleor_rsa_private_key"],
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "ALLOWED_CLIENT_HOSTS": "localhost,127.0.0.1",
        # Saleor names itself by this in tokens and webhooks; the web service accepts webhooks only
        # from its SALEOR_API_URL, which is this + graphql/.
        "PUBLIC_URL": f"http://127.0.0.1:{conf['SALEOR_PORT']}/",
        "CELERY_BROKER_URL": conf["SALEOR_CELERY_BROKER_URL"],
        "CACHE_URL": conf["SALEOR_CACHE_URL"],
        "DEFAULT_CHANNEL_SLUG": "ocop-vn",
        "DEFAULT_COUNTRY": "VN",
        # Webhooks and the app installation go to the web service on 127.0.0.1: the outbound
        # filter stays on (private networks stay refused) with loopback allowed.
        "HTTP_IP_FILTER_ENABLED": "True",
        "HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS": "True",
        "SEND_USAGE_TELEMETRY": "False",
        "PYTHONUNBUFFERED": "1",
        # This checkout's plugin, whichever checkout Saleor's (maybe shared) environment has installed.
        "PYTHONPATH": str(REPO / "saleor_plugins"),
        "PATH": str(Path(python).parent) + os.pathsep + os.environ.get("PATH", ""),
    })
    return env


def web_command(port: str) -> list[str]:
    """The web service's server: Django's runserver (reloads on edits), or with ``WEB_SERVER=gunicorn`` the
    production server as docker-compose.yml's ``web`` command runs it (its workers), bound to loopback."""
    server = os.environ.get("WEB_SERVER") or "runserver"
    if server == "runserver":
        return [str(VENV_BIN / "ocop"), "runserver", f"127.0.0.1:{port}"]
    if server != "gunicorn":
        raise StoreError(f"WEB_SERVER={server}: use runserver (the default) or gunicorn")
    import yaml

    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    command = [str(arg) for arg in compose["services"]["web"]["command"]]
    if command[0] != "gunicorn" or "--bind" not in command:
        raise StoreError("docker-compose.yml: the web service's command is no longer `gunicorn ... --bind ADDRESS`")
    at = command.index("--bind")
    command[at + 1] = f"127.0.0.1:{port}"
    return [str(VENV_BIN / "gunicorn"), *command[1:]]


def api_workers() -> int:
    """Saleor's API processes: ``SALEOR_API_WORKERS`` (as in docker-compose.yml), 1 by default here."""
    text = os.environ.get("SALEOR_API_WORKERS") or "1"
    if not text.isdigit() or not 1 <= int(text) <= 8:
        raise StoreError(f"SALEOR_API_WORKERS={text}: a whole number from 1 to 8")
    return int(text)


# --------------------------------------------------------------------------- set-up steps


def ensure_database(url: str) -> bool:
    """Create the database ``url`` names when it does not exist; True when it was created."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, ""))
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return False
        conn.execute(f'CREATE DATABASE "{name}"')
    return True


def ensure_plugin_installed(python: str, env: dict[str, str]) -> None:
    """Install saleor_plugins into Saleor's environment (editable, no dependencies) unless a copy is
    installed there. Any checkout's copy will do: its entry point names the module, and Saleor's processes
    find this checkout's module first (``PYTHONPATH`` in ``saleor_env``), so checkouts (and clones) on one
    machine never re-point a shared Saleor environment at themselves."""
    probe = ("import importlib.metadata as m, json\n"
             "eps = [e for e in m.entry_points(group='saleor.plugins') if e.name == 'ocop_certification']\n"
             "try:\n    import ocop_certification; found = True\n"
             "except ImportError:\n    found = False\n"
             "print(json.dumps({'eps': len(eps), 'found': found}))\n")
    clean = {k: v for k, v in env.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE"}}
    found = json.loads(subprocess.run([python, "-c", probe], check=True, capture_output=True, text=True, env=clean,
                                      cwd="/").stdout)
    plugin = REPO / "saleor_plugins"
    if found["eps"] and found["found"]:
        return
    say(f"==> installing the certification plugin into {python}'s environment")
    # uv as scripts/run-local found it (Saleor's environment may have no pip: uv-made venvs have none)
    uv = shlex.split(os.environ.get("OCOP_UV", "")) or ([on_path] if (on_path := shutil.which("uv")) else [])
    command = ([*uv, "pip", "install", "--quiet", "--python", python, "--no-deps", "-e", str(plugin)] if uv
               else [python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(plugin)])
    result = subprocess.run(command, capture_output=True, text=True, env={**clean, "UV_PYTHON_DOWNLOADS": "never"})
    if result.returncode != 0:
        raise StoreError(f"installing the plugin failed: {' '.join(command)}\n{result.stdout}{result.stderr}")


def prepare_saleor(processes: Processes, python: str, env: dict[str, str], conf: dict[str, str],
                   keys: dict[str, str], state: Path) -> None:
    django = [python, "-m", "django"]
    created = ensure_database(conf["SALEOR_DATABASE_URL"])
    # An existing database is used as it is when Django finds nothing to apply (migrate --check:
    # one start-up of Saleor, seconds); a new one, or one behind the code, is migrated (minutes).
    behind = created
    if not created:
        behind = processes.start("saleor-migrate-check", [*django, "migrate", "--check"], env, state).wait() != 0
        processes.running.pop("saleor-migrate-check")
    if behind:
        say("==> migrating Saleor's database (a few minutes the first time)")
        processes.run("saleor-migrate", [*django, "migrate", "--noinput"], env, state, "migrating Saleor's database")
    say("==> configuring the plugin (local feed) and the staff account")
    feed = f"http://127.0.0.1:{conf['PORT']}/registry/feed.json"
    processes.run("saleor-configure",
                  [*django, "ocop_configure", f"--feed-url={feed}", f"--staff-email={keys['staff_email']}"],
                  {**env, "OCOP_FEED_TOKEN": os.environ.get("OCOP_FEED_TOKEN") or keys["feed_token"],
                   "DJANGO_SUPERUSER_PASSWORD": keys["staff_password"]},
                  state, "configuring Saleor (ocop_configure)")


# --------------------------------------------------------------------------- commands


def demo_data() -> Path:
    """Where ``run --demo`` reads the demo rows: ``DEMO_DATA``, else ``../shared/data`` (as ``ocop demo``)."""
    data = Path(os.environ.get("DEMO_DATA") or REPO.parent / "shared" / "data").resolve()
    if not data.is_dir():
        raise StoreError(f"--demo: demo data not found at {data} (set DEMO_DATA=DIR)")
    return data


def run(demo: bool = False) -> int:
    state = state_dir()
    logs = state / "logs"
    conf = settings(state, remembered=False)
    python = os.environ.get("SALEOR_PYTHON") or None
    if python:
        python = saleor_python()
    elif demo:
        raise StoreError("--demo needs Saleor: set SALEOR_PYTHON to a Python interpreter in whose environment "
                         "`saleor` imports")
    data = demo_data() if demo else None
    ports = [("PORT", conf["PORT"])] + ([("SALEOR_PORT", conf["SALEOR_PORT"])] if python else [])
    stripe_port = (os.environ.get("LOCALSTRIPE_PORT") or "8420") if os.environ.get("LOCALSTRIPE") == "1" else None
    if stripe_port:
        ports.append(("LOCALSTRIPE_PORT", stripe_port))
    payos_port = (os.environ.get("PAYOS_PORT") or "8430") if os.environ.get("PAYOS") == "1" else None
    if payos_port:
        ports.append(("PAYOS_PORT", payos_port))
    for name, port in ports:
        if not port.isdigit() or not port_free(int(port)):
            raise StoreError(f"{name}={port}: that port is not a free port on 127.0.0.1")
    keys, created = load_secrets(state)
    stripe_base = f"http://127.0.0.1:{stripe_port}" if stripe_port else None
    (state / "store.json").write_text(json.dumps({**conf, "STRIPE_API_BASE": stripe_base}, indent=1))
    processes = Processes(logs)

    def stop(signum, _frame):
        raise Stop(signum)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    web = web_env(conf, keys)
    web_address = web_url(conf)
    try:
        say(f"==> logs: {logs}/<process>.log")
        if ensure_database(conf["DATABASE_URL"]):
            say(f"==> created the web database {urlsplit(conf['DATABASE_URL']).path.lstrip('/')}")
        processes.run("web-migrate", [str(VENV_BIN / "ocop"), "migrate", "--no-input"], web, REPO,
                      "migrating the web database")
        checks: dict[str, tuple[str, bytes | None]] = {"web": (web_address, None)}
        saleor_url = saleor_api_url(conf)
        if python:
            saleor = saleor_env(python, conf, keys)
            ensure_plugin_installed(python, saleor)
            prepare_saleor(processes, python, saleor, conf, keys, state)
            web["SALEOR_API_URL"] = saleor_url
            # The manifest's URLs (token hand-over, webhooks): Saleor's HTTP client sends a Host header
            # without the port, so the request's own host would lose it.
            web["APP_PUBLIC_URL"] = web_address
            processes.start("saleor-api", [python, "-m", "uvicorn", "saleor.asgi:application", "--host=127.0.0.1",
                                           f"--port={conf['SALEOR_PORT']}", f"--workers={api_workers()}",
                                           "--lifespan=auto",
                                           "--ws=none"], saleor, state)
            processes.start("saleor-worker", [python, "-m", "celery", "-A", "saleor.celeryconf:app", "worker",
                                              "--loglevel=info", "--concurrency=2", "-n", "saleor@%h"], saleor, state)
            processes.start("saleor-beat", [python, "-m", "celery", "-A", "saleor.celeryconf:app", "beat",
                                            "--loglevel=info", f"--schedule={state / 'saleor-beat-schedule'}"],
                            saleor, state)
            checks["saleor"] = (saleor_url, b'{"query": "{ shop { name } }"}')
        if stripe_port:
            web["STRIPE_API_BASE"] = start_localstripe(processes, stripe_port, web, state)
            checks["localstripe"] = (f"{stripe_base}/v1/balance", None)  # 401 without a key: it answers
        if payos_port:
            payos_url = start_payos(processes, payos_port, web)
            web["PAYOS_BASE_URL"] = payos_url
            checks["payos"] = (f"{payos_url}/", None)
        celery = [str(VENV_BIN / "celery"), "-A", "ocop_web.celery:app"]
        processes.start("web", web_command(conf["PORT"]), web, REPO)
        processes.start("web-worker", [*celery, "worker", "--loglevel=info", "--concurrency=2", "-n", "web@%h"],
                        web, REPO)
        processes.start("web-beat", [*celery, "beat", "--loglevel=info",
                                     f"--schedule={state / 'web-beat-schedule'}"], web, REPO)
        wait_until(processes, checks, timeout=180)
        if stripe_port:
            configure_localstripe(processes, web, web_address)
        if payos_port:
            configure_payos(processes, web, web_address)
        if python:
            say("==> installing the web service as a Saleor App")
            processes.run("app-install", [str(VENV_BIN / "ocop"), "saleor", "install-app",
                                          f"--manifest-url={web_address}saleor/manifest/"],
                          {**web, "SALEOR_STAFF_EMAIL": keys["staff_email"],
                           "SALEOR_STAFF_PASSWORD": keys["staff_password"]}, REPO,
                          "installing the app (ocop saleor install-app)")
            if created:
                say(f"Saleor staff account: {keys['staff_email']}  password: {keys['staff_password']}  "
                    f"(shown once; kept in {state / 'secrets.json'})")
            else:
                say(f"Saleor staff account: {keys['staff_email']} (password in {state / 'secrets.json'})")
            if data:
                load_demo(processes, web, data, logs)
            say(f"ready: web {web_address} saleor {saleor_url}")
        else:
            say(f"ready: web {web_address}")
        while (dead := processes.exited()) is None:
            time.sleep(0.5)
        name, code = dead
        raise StoreError(f"{name} exited {code}; stopping the store. See {logs / (name + '.log')}:\n"
                         f"{tail(logs / (name + '.log'))}")
    except Stop:
        say("==> stopping")
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        processes.stop_all()


def start_localstripe(processes: Processes, port: str, env: dict[str, str], state: Path) -> str:
    say(f"==> localstripe on port {port} (STRIPE_API_BASE for the web service; its payments last as long as it runs)")
    processes.start("localstripe", [str(VENV_BIN / "localstripe"), "--port", port, "--from-scratch"], env, state)
    return f"http://127.0.0.1:{port}"


def configure_localstripe(processes: Processes, web: dict[str, str], web_url: str) -> None:
    """ocop-vn takes test cards through localstripe, whose events go to the app's Stripe webhook."""
    secret, publishable, webhook = LOCALSTRIPE_KEYS
    processes.run("stripe-configure", [str(VENV_BIN / "ocop"), "payments", "configure-stripe", "--channel", "ocop-vn",
                                       "--secret-key", secret, "--publishable-key", publishable,
                                       "--webhook-secret", webhook], web, REPO,
                  "configuring ocop-vn's test keys (ocop payments configure-stripe)")
    body = urlencode({"url": f"{web_url}saleor/stripe/ocop-vn/", "secret": webhook}).encode()
    request = urllib.request.Request(f"{web['STRIPE_API_BASE']}/_config/webhooks/ocop", data=body)  # noqa: S310
    with urllib.request.urlopen(request, timeout=10):  # noqa: S310 - localstripe on loopback
        pass
    say(f"==> card payments for ocop-vn through localstripe ({publishable}; test card 4242 4242 4242 4242)")


def load_demo(processes: Processes, web: dict[str, str], data: Path, logs: Path) -> None:
    """``ocop demo`` into the running store, then ``ocop search reindex``, so the shop lists it at once."""
    ocop = str(VENV_BIN / "ocop")
    say(f"==> loading the demo from {data} (ocop demo)")
    processes.run("demo", [ocop, "demo", f"--data={data}"], web, REPO, "loading the demo (ocop demo)")
    say("==> reindexing the catalogue (ocop search reindex)")
    processes.run("reindex", [ocop, "search", "reindex", "--json"], web, REPO,
                  "reindexing the catalogue (ocop search reindex)")
    with contextlib.suppress(ValueError, IndexError, KeyError, OSError):
        written = json.loads((logs / "reindex.log").read_text().splitlines()[-1])["written"]
        say(f"==> the catalogue holds {written} products")


def manage(args: list[str]) -> int:
    """Replace this process with Saleor's ``manage.py ARGS`` in the local store's environment."""
    python = saleor_python()
    state = state_dir()
    conf = settings(state, remembered=True)
    keys, _created = load_secrets(state)
    env = saleor_env(python, conf, keys)
    env["OCOP_FEED_TOKEN"] = os.environ.get("OCOP_FEED_TOKEN") or keys["feed_token"]
    os.execve(python, [python, "-m", "django", *args], env)  # noqa: S606 - the user's own command
    return 127


def ocop(args: list[str]) -> int:
    """Replace this process with the web service's ``ocop ARGS`` in the last ``run``'s environment."""
    state = state_dir()
    if not (state / "secrets.json").exists():
        raise StoreError(f"no local store has run here yet ({state / 'secrets.json'} is missing): "
                         "start scripts/run-local first")
    conf = settings(state, remembered=True)
    keys, _created = load_secrets(state)
    recorded = json.loads((state / "store.json").read_text()) if (state / "store.json").exists() else {}
    env = web_env(conf, keys)
    for name, value in (("SALEOR_API_URL", saleor_api_url(conf)), ("APP_PUBLIC_URL", web_url(conf)),
                        ("STRIPE_API_BASE", recorded.get("STRIPE_API_BASE"))):
        if value and not os.environ.get(name):
            env[name] = value
    command = str(VENV_BIN / "ocop")
    os.execve(command, [command, *args], env)  # noqa: S606 - the user's own command
    return 127


def main(argv: list[str]) -> int:
    try:
        if argv[:1] == ["run"]:
            if unknown := [option for option in argv[1:] if option != "--demo"]:
                raise StoreError(f"{unknown[0]}: unknown option (scripts/run-local takes --demo, -h)")
            return run(demo="--demo" in argv[1:])
        if argv[:1] == ["manage"]:
            return manage(argv[1:])
        if argv[:1] == ["ocop"]:
            return ocop(argv[1:])
        print("usage: local_store.py run [--demo] | manage ARGS... | ocop ARGS...", file=sys.stderr)
        return 2
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
