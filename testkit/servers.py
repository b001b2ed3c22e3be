"""Loopback HTTP servers for tier-2 tests: the registry feed (with faults) and a webhook receiver."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServiceProcess:
    """A stand-in of an outside service run as a subprocess on a free loopback port, its output in a log
    file: ``start`` waits until ``probe`` answers 200 (or the process exits: its log's tail is raised)."""

    name = "the service"
    probe = "/"

    def __init__(self, port: int | None = None, headers: dict[str, str] | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile("w", prefix=f"{self.name.replace(' ', '-')}-", suffix=".log",  # noqa: SIM115
                                               delete=False)
        self.process: subprocess.Popen | None = None
        self.http = httpx.Client(base_url=self.url, timeout=10.0, headers=headers)

    def command(self) -> list[str]:
        raise NotImplementedError

    def start(self, timeout: float = 30, cwd: Path | None = None) -> None:
        self.process = subprocess.Popen(self.command(), cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{Path(self.log.name).read_text()[-2000:]}")
            try:
                if self.http.get(self.probe).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not answer")

    def stop(self) -> None:
        self.http.close()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


class _LoopbackServer:
    """A threaded HTTP server on a free loopback port, served while the ``with`` block runs."""

    def _serve(self, handler: type[BaseHTTPRequestHandler], path: str) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


class FeedServer(_LoopbackServer):
    """Serves ``GET /registry/feed.json`` with ETag / If-None-Match and a bearer token.

    ``mode`` picks a fault: "ok", "http_error" (500), "slow" (headers, then silence),
    "truncated", "malformed", "schema", "empty", or set ``document`` to anything. Like the real
    feed, the body and its ETag are made once per document (assign a new one to change it), so
    a 304 costs no encoding.
    """

    def __init__(self, token: str = "feed-token"):  # noqa: S107 - a test server's token
        self.token = token
        self.document: dict = {"generated_at": "2026-01-01T00:00:00+07:00", "certificates": []}
        self.mode = "ok"
        self.slow_seconds = 8.0
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append({"path": self.path, "if_none_match": self.headers.get("If-None-Match"),
                                        "authorization": self.headers.get("Authorization")})
                if self.path != "/registry/feed.json":
                    return self._send(404, b"not found")
                if self.headers.get("Authorization") != f"Bearer {server.token}":
                    return self._send(401, b'{"error": "unauthorised"}')
                mode = server.mode
                if mode == "http_error":
                    return self._send(500, b"internal error")
                body, etag = server.encoded
                if mode == "ok" and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return None
                if mode == "slow":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[:10])
                    self.wfile.flush()
                    time.sleep(server.slow_seconds)
                    return None
                if mode == "truncated":
                    body = body[: len(body) // 2]
                elif mode == "malformed":
                    body = b'{"generated_at": "2026-01-01T00:00:00+07:00", "certificates": [}'
                elif mode == "schema":
                    body = json.dumps({"generated_at": server.document["generated_at"],
                                       "certs": server.document["certificates"]}).encode()
                elif mode == "empty":
                    body = json.dumps({"generated_at": server.document["generated_at"],
                                       "certificates": []}).encode()
                return self._send(200, body, etag=etag)

            def _send(self, status, body, etag=None):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)
                return None

        self._serve(Handler, "/registry/feed.json")

    @property
    def document(self) -> dict:
        return self._document

    @document.setter
    def document(self, document: dict) -> None:
        body = json.dumps(document, ensure_ascii=False).encode()
        self._document = document
        self.encoded = (body, '"' + hashlib.sha256(body).hexdigest()[:20] + '"')



class WebhookReceiver(_LoopbackServer):
    """Records every POST (Saleor webhook deliveries) with its headers and JSON body."""

    def __init__(self):
        self.received: list[dict] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    payload = json.loads(raw)
                except ValueError:
                    payload = raw.decode(errors="replace")
                with receiver.lock:
                    receiver.received.append({"headers": dict(self.headers), "payload": payload})
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

        self._serve(Handler, "/webhooks")

