"""The processes of ``scripts/run-local``: each in its own process group, stopped together; readiness checks."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

STOP_GRACE = 15.0  # seconds between SIGTERM and SIGKILL


class StoreError(Exception):
    pass


class Processes:
    """Every process this run starts, each in its own process group (session)."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.running: dict[str, subprocess.Popen] = {}

    def start(self, name: str, command: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen:
        log = (self.logs / f"{name}.log").open("ab")
        process = subprocess.Popen(command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self.running[name] = process
        return process

    def run(self, name: str, command: list[str], env: dict[str, str], cwd: Path, what: str) -> None:
        """A set-up step, to its end; its output goes to the step's log, named when it fails."""
        process = self.start(name, command, env, cwd)
        code = process.wait()
        del self.running[name]
        if code != 0:
            raise StoreError(f"{what} failed (exit {code}); see {self.logs / (name + '.log')}:\n"
                             f"{tail(self.logs / (name + '.log'))}")

    def exited(self) -> tuple[str, int] | None:
        for name, process in self.running.items():
            if process.poll() is not None:
                return name, process.returncode
        return None

    def stop_all(self) -> None:
        """SIGTERM to every group, SIGKILL to what is left after the grace period."""
        groups = [process.pid for process in self.running.values()]
        for group in groups:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        while time.monotonic() < deadline and any(group_alive(group) for group in groups):
            for process in self.running.values():
                process.poll()
            time.sleep(0.2)
        for group in groups:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)
        for process in self.running.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
        self.running.clear()


def group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    # the group leader may be a zombie we have not reaped yet while its children still run
    return True


def tail(path: Path, lines: int = 30) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return ""


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def answers(url: str, body: bytes | None = None) -> bool:
    headers = {"Content-Type": "application/json"} if body else {}
    request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 - our own loopback URL
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return response.status < 500
    except urllib.error.HTTPError as error:
        return error.code < 500
    except (OSError, urllib.error.URLError):
        return False


def wait_until(processes: Processes, checks: dict[str, tuple[str, bytes | None]], timeout: float) -> None:
    pending = dict(checks)
    deadline = time.monotonic() + timeout
    while pending:
        if (dead := processes.exited()) is not None:
            name, code = dead
            log = processes.logs / f"{name}.log"
            raise StoreError(f"{name} exited {code} while starting; see {log}:\n{tail(log)}")
        for name, (url, body) in list(pending.items()):
            if answers(url, body):
                del pending[name]
        if pending and time.monotonic() > deadline:
            raise StoreError(f"{', '.join(pending)} did not answer within {timeout:.0f} s; see {processes.logs}")
        if pending:
            time.sleep(0.5)
