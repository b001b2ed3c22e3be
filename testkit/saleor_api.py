"""A running Saleor API of the tier-2 harness (``saleor_harness``): uvicorn on a free loopback port, with an app
token, and GraphQL over plain HTTP."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.request

from .saleor_harness import (
    APP,
    APP_PERMISSIONS,
    HarnessError,
    SaleorEnv,
    free_port,
    last_json_line,
    log_tail,
    stop_process,
)


class SaleorApi:
    """A running Saleor API (uvicorn) on a free loopback port, with an app token."""

    def __init__(self, saleor: SaleorEnv, port: int | None = None, workers: int = 1):
        self.saleor = saleor
        self.workers = workers  # uvicorn processes; more than one runs requests truly at once
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/graphql/"
        self.app_token = ""
        self.process: subprocess.Popen | None = None
        self.others: list[subprocess.Popen] = []  # the workers, when more than one
        self.log_path = saleor.log_dir / f"uvicorn-{self.port}.log"

    def start(self, timeout: float = 300) -> None:
        env = {**self.saleor.env, "PUBLIC_URL": f"http://127.0.0.1:{self.port}/"}
        if self.workers > 1:
            return self._start_workers(env, max(timeout, 300))
        log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [self.saleor.python, "-m", "uvicorn", "saleor.asgi:application", "--host", "127.0.0.1", "--port",
             str(self.port), "--workers", "1", "--lifespan=auto", "--ws=none"],
            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=self.saleor.log_dir,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HarnessError(f"Saleor API exited {self.process.returncode}\n{log_tail(self.log_path)}")
            try:
                reply = self.graphql("{ shop { name } }", token=None, timeout=5)
                if "data" in reply:
                    return
            except (OSError, urllib.error.URLError, HarnessError):
                pass
            time.sleep(0.5)
        self.stop()
        raise HarnessError(f"Saleor API did not answer within {timeout:.0f} s\n{log_tail(self.log_path)}")

    def _start_workers(self, env: dict, timeout: float) -> None:
        """``workers`` uvicorn processes accepting on one listening socket (``--fd``), as ``--workers`` does but
        without its supervisor, which kills a worker that takes over 5 s to answer its ping: on a loaded
        machine, every worker still importing Saleor. Ready when each says it is running."""
        listener = socket.create_server(("127.0.0.1", self.port), backlog=256)
        listener.set_inheritable(True)
        logs = [self.saleor.log_dir / f"uvicorn-{self.port}-{n}.log" for n in range(self.workers)]
        try:
            for path in logs:
                self.others.append(subprocess.Popen(
                    [self.saleor.python, "-m", "uvicorn", "saleor.asgi:application", "--fd", str(listener.fileno()),
                     "--lifespan=auto", "--ws=none"],
                    env=env, stdout=path.open("w"), stderr=subprocess.STDOUT, cwd=self.saleor.log_dir,
                    pass_fds=(listener.fileno(),)))
        finally:
            listener.close()
        self.process, self.log_path = self.others[0], logs[0]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for process, path in zip(self.others, logs, strict=True):
                if process.poll() is not None:
                    self.stop()
                    raise HarnessError(f"a Saleor API worker exited {process.returncode}\n{log_tail(path)}")
            if all("Uvicorn running" in path.read_text() for path in logs):
                return
            time.sleep(0.5)
        self.stop()
        raise HarnessError(f"Saleor API workers did not start within {timeout:.0f} s\n{log_tail(logs[0])}")

    def create_app_token(self, name: str = "ocop-tier2", permissions: tuple[str, ...] = APP_PERMISSIONS) -> str:
        args = ["create_app", name, "--activate"]
        for permission in permissions:
            args += ["--permission", permission]
        self.app_token = last_json_line(self.saleor.manage(*args).stdout)["auth_token"]
        return self.app_token

    def stop(self) -> None:
        processes: list[subprocess.Popen | None] = [*self.others] or [self.process]
        for process in processes:
            stop_process(process)
        self.others = []

    def graphql(self, query: str, variables: dict | None = None, token=APP, timeout: float = 60) -> dict:
        """POST a GraphQL request; the parsed reply ({"data", "errors"}). token=None: anonymous."""
        token = self.app_token if token is APP else token
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - our own http URL
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            payload = error.read()
            try:
                return json.loads(payload)
            except ValueError:
                raise HarnessError(f"GraphQL HTTP {error.code}: {payload[:2000]!r}") from error

    def data(self, query: str, variables: dict | None = None, token=APP) -> dict:
        """Like graphql(), but raise on GraphQL errors and on any mutation's non-empty ``errors``."""
        reply = self.graphql(query, variables, token=token)
        if reply.get("errors"):
            raise HarnessError(f"GraphQL errors: {json.dumps(reply['errors'], ensure_ascii=False)[:4000]}")
        for key, value in (reply.get("data") or {}).items():
            if isinstance(value, dict) and value.get("errors"):
                raise HarnessError(f"{key}: {json.dumps(value['errors'], ensure_ascii=False)[:4000]}")
        return reply["data"]
