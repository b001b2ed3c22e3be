"""A real HTTP server on 127.0.0.1 that the feed client tests make misbehave."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

Behaviour = Callable[[BaseHTTPRequestHandler], None]


class FeedServer:
    """Serves whatever each test routes to a path; records every request's path and headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Behaviour] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers.items())))
                behaviour = server.routes.get(self.path)
                try:
                    if behaviour is None:
                        server.send(self, 404, b"not found")
                    else:
                        behaviour(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as the test intended

            def log_message(self, format: str, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def handle_error(self, request, client_address) -> None:
                pass

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def route(self, path: str, behaviour: Behaviour) -> str:
        self.routes[path] = behaviour
        return self.url(path)

    def respond(self, path: str, status: int = 200, body: bytes = b"", headers: dict[str, str] | None = None,
                *, content_length: int | None = -1) -> str:
        """Route ``path`` to a canned reply; content_length None sends none (body ends at close)."""
        return self.route(path, lambda handler: self.send(handler, status, body, headers, content_length))

    @staticmethod
    def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str] | None = None,
             content_length: int | None = -1) -> None:
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        if content_length is not None:
            handler.send_header("Content-Length", str(len(body) if content_length == -1 else content_length))
        handler.end_headers()
        handler.wfile.write(body)
        handler.wfile.flush()

    def close(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
