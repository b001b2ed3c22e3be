"""The whole local store for the crowd: started as ``scripts/run-local`` starts it, on databases, Redis databases
and ports of its own; its commands (``ocop ...`` for the web service, Saleor's ``manage.py`` through
``scripts/local_store.py manage``); and the CPU its processes used, read from /proc/<pid>/stat."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parents[1]
ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PUBLISHABLE_KEY = "pk_test_ocop_local"  # scripts/local_store.py LOCALSTRIPE_KEYS
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Store:
    def __init__(self, python: str, state: Path, port: int, redis_db: int, db_prefix: str,
                 accounts: list[tuple[str, str]]):
        self.python = python
        self.state = state
        self.accounts = accounts
        self.web_db, self.saleor_db = f"{db_prefix}_web", f"{db_prefix}_saleor"
        self.web_url = f"http://127.0.0.1:{port}/"
        self.stripe_url = f"http://127.0.0.1:{port + 2}"
        self.publishable_key = PUBLISHABLE_KEY
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH"}},
            "SALEOR_PYTHON": python, "LOCALSTRIPE": "1", "LOCALSTRIPE_PORT": str(port + 2),
            "PORT": str(port), "SALEOR_PORT": str(port + 1), "LOCAL_STATE_DIR": str(state),
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.web_db}",
            "SALEOR_DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.saleor_db}",
            "REDIS_URL": f"redis://127.0.0.1:6379/{redis_db}",
            "SALEOR_CELERY_BROKER_URL": f"redis://127.0.0.1:6379/{redis_db + 1}",
            "SALEOR_CACHE_URL": f"redis://127.0.0.1:6379/{redis_db + 2}",
            "CACHE_KEY_PREFIX": f"crowd{port}",
            # as docker-compose.yml serves them: the web service under gunicorn, Saleor's API with two processes
            "WEB_SERVER": "gunicorn", "SALEOR_API_WORKERS": "2",
            # the application loaded once before the workers fork (on a busy machine three workers each importing
            # Django at once outlive gunicorn's 30 s worker timeout); everything else as compose runs it
            "GUNICORN_CMD_ARGS": " ".join(filter(None, ["--preload", os.environ.get("GUNICORN_CMD_ARGS", "")])),
            # a Saleor environment shared with other checkouts: nothing is installed into it
        }
        self.process: subprocess.Popen | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    # ------------------------------------------------------------------ databases

    def fresh_databases(self, template: str) -> None:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            for name in (self.web_db, self.saleor_db):
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for attempt in range(40):
                try:
                    conn.execute(f'CREATE DATABASE "{self.saleor_db}" TEMPLATE "{template}"')
                    break
                except psycopg.errors.ObjectInUse:  # someone is connected to the template: wait
                    if attempt == 39:
                        raise
                    time.sleep(0.5)

    def drop_databases(self) -> None:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            for name in (self.web_db, self.saleor_db):
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def saleor_sql(self, query: str, params: tuple = ()) -> list[tuple]:
        with psycopg.connect(self.env["SALEOR_DATABASE_URL"], autocommit=True) as conn:
            cursor = conn.execute(query, params)  # type: ignore[arg-type]  # our own constant queries
            return cursor.fetchall() if cursor.description else []

    # ------------------------------------------------------------------ the store

    def start(self, timeout: float = 900) -> None:
        """``scripts/local_store.py run`` (what scripts/run-local runs) until it prints ``ready:``."""
        log = (self.state / "store.out").open("wb")
        self.process = subprocess.Popen([sys.executable, str(REPO / "scripts" / "local_store.py"), "run"],
                                        env=self.env, cwd=REPO, stdout=subprocess.PIPE, stderr=log,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            log.write(raw)
            log.flush()
            line = raw.decode(errors="replace").rstrip()
            print(f"  store: {line}", flush=True)
            if line.startswith("ready:"):
                return
            if time.monotonic() > deadline:
                break
        raise SystemExit(f"the store did not become ready; see {self.state}/store.out and {self.state}/logs/")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # local_store.py stops every process it started
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)

    def _web_env(self) -> dict[str, str]:
        """The web service's environment as local_store.py gives it to its processes."""
        secrets = json.loads((self.state / "secrets.json").read_text())
        return {**self.env, "DEBUG": "1", "SECRET_KEY": secrets["web_secret_key"],
                "OCOP_FEED_TOKEN": secrets["feed_token"], "SALEOR_API_URL": f"{self.env_saleor_url}graphql/",
                "APP_PUBLIC_URL": self.web_url, "STRIPE_API_BASE": self.stripe_url}

    @property
    def env_saleor_url(self) -> str:
        return f"http://127.0.0.1:{self.env['SALEOR_PORT']}/"

    def web(self, *args: str) -> str:
        """``ocop ARGS`` against the store; its output (SystemExit naming the command when it fails)."""
        return self._run([str(REPO / ".venv" / "bin" / "ocop"), *args], self._web_env(), f"ocop {args[0]}")

    def manage(self, *args: str) -> str:
        """Saleor's ``manage.py ARGS`` against the store (``scripts/local_store.py manage``)."""
        return self._run([sys.executable, str(REPO / "scripts" / "local_store.py"), "manage", *args], self.env,
                         f"Saleor's {args[0]}")

    def _run(self, command: list[str], env: dict[str, str], what: str) -> str:
        result = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=900)
        if result.returncode != 0:
            raise SystemExit(f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        return result.stdout


# ---------------------------------------------------------------------- CPU


def _stat(pid: int) -> tuple[int, int, float] | None:
    """(parent pid, process group, CPU seconds) from /proc/<pid>/stat; None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # after "pid (comm) "
    return int(fields[1]), int(fields[2]), (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _name(cmdline: str) -> str:
    for needle, name in (("gunicorn", "web (gunicorn)"), ("uvicorn", "Saleor API (uvicorn)"),
                         ("saleor.celeryconf:app worker", "Saleor worker (celery)"),
                         ("saleor.celeryconf:app beat", "Saleor beat"), ("ocop_web.celery:app worker",
                                                                        "web worker (celery)"),
                         ("ocop_web.celery:app beat", "web beat"), ("localstripe", "localstripe")):
        if needle in cmdline:
            return name
    return cmdline[:40]


def store_processes(store_pid: int) -> dict[int, str]:
    """The process groups the store started (each of its children leads one), by group id: their names."""
    groups: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) and stat[0] == store_pid:
            groups[int(entry.name)] = _name(_cmdline(int(entry.name)))
    return groups


def cpu_by_pid() -> dict[int, tuple[int, str, float]]:
    """Every process now: (process group, command name, CPU seconds used so far)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or (stat := _stat(int(entry.name))) is None:
            continue
        try:
            comm = (entry / "comm").read_text().strip()
        except OSError:
            continue
        found[int(entry.name)] = (stat[1], comm, stat[2])
    return found


def cpu_seconds(groups: dict[int, str], before: dict[int, tuple[int, str, float]],
                after: dict[int, tuple[int, str, float]]) -> dict[str, float]:
    """CPU seconds each named group (all its processes) used between the two readings, and PostgreSQL and Redis
    (the whole machine's: shared with everything else that runs here). A process that ended in between is not
    counted; one that started in between counts whole."""
    used: dict[str, float] = {name: 0.0 for name in groups.values()}
    shared = {"PostgreSQL (all of the machine's)": 0.0, "Redis (all of the machine's)": 0.0}
    for pid, (group, comm, seconds) in after.items():
        earlier = before.get(pid)
        delta = seconds - (earlier[2] if earlier and earlier[1] == comm else 0.0)
        if group in groups:
            used[groups[group]] += delta
        elif comm == "postgres":
            shared["PostgreSQL (all of the machine's)"] += delta
        elif comm.startswith("redis-server"):
            shared["Redis (all of the machine's)"] += delta
    return {**used, **shared}
