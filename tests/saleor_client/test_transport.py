"""The client's transport and the recorder: retries, unreadable replies, scrubbing, replay checks.

These exercise our own code paths with a local socket or a stand-in inner transport; Saleor's
own replies are only ever the recorded ones (test_recorded.py).
"""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import httpx
import pytest

from catalog_sync.saleor.client import (
    RetryingTransport,
    SaleorClient,
    SaleorConnectionError,
    SaleorResponseError,
)
from catalog_sync.saleor.recording import SCRUBBED, CassetteMismatch, RecordingTransport, ReplayTransport


def shop_name(saleor: SaleorClient) -> str:
    """One small typed operation (``SaleorHealth``): the shop's name, as a customer asks it."""
    return saleor.storefront().saleor_health().shop.name


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connection_refused_is_retried_with_backoff_then_reported():
    sleeps: list[float] = []
    url = f"http://127.0.0.1:{closed_port()}/graphql/"
    saleor = SaleorClient(url, "t", transport=RetryingTransport(retries=3, backoff=0.5, sleep=sleeps.append))
    with pytest.raises(SaleorConnectionError) as error:
        shop_name(saleor)
    assert sleeps == [0.5, 1.0, 2.0]
    assert str(error.value).startswith(f"cannot reach Saleor at {url} after 4 attempts")


class _Proxy(BaseHTTPRequestHandler):
    """A broken proxy in front of Saleor: counts requests, answers 502 with HTML."""

    hits = 0

    def do_POST(self):
        type(self).hits += 1
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(502)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html>Bad Gateway</html>")

    def log_message(self, *args):
        pass


def test_an_answer_that_is_not_json_is_reported_once_and_never_retried():
    server = HTTPServer(("127.0.0.1", 0), _Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        saleor = SaleorClient(f"http://127.0.0.1:{server.server_port}/graphql/", "t")
        with pytest.raises(SaleorResponseError) as error:
            shop_name(saleor)
    finally:
        server.shutdown()
        server.server_close()
    assert _Proxy.hits == 1
    assert str(error.value) == (
        "SaleorHealth: Saleor answered HTTP 502 with something that is not JSON: '<html>Bad Gateway</html>'")


def test_the_recorder_never_writes_the_authorization_header_or_tokens(tmp_path):
    seen = {}

    def inner(request: httpx.Request) -> httpx.Response:
        seen["headers"] = request.headers
        return httpx.Response(200, json={"data": {"tokenCreate": {"token": "secret-1", "errors": []}}})

    path = tmp_path / "c.json"
    recorder = RecordingTransport(httpx.MockTransport(inner), path)
    saleor = SaleorClient("http://x/graphql/", "secret-app-token", transport=recorder)
    reply = saleor.operations().staff_token_create(email="staff@ocop.test", password="secret-2")
    assert reply.token_create is not None and reply.token_create.token == "secret-1"
    assert seen["headers"]["Authorization"] == "Bearer secret-app-token"
    text = path.read_text()
    assert "secret" not in text and "Bearer" not in text
    [exchange] = json.loads(text)
    assert exchange["request"] == {"operationName": "StaffTokenCreate",
                                   "variables": {"email": "staff@ocop.test", "password": SCRUBBED}}
    assert exchange["response"]["body"]["data"]["tokenCreate"] == {"token": SCRUBBED, "errors": []}


def test_replay_refuses_a_request_that_differs_from_the_recording(tmp_path):
    path = tmp_path / "c.json"
    recorded = {"operationName": "ProducerPages", "variables": {"pageType": "UGFnZVR5cGU6MQ==", "first": 100,
                                                                "after": None}}
    path.write_text(json.dumps([{"request": recorded, "response": {"status": 200, "body": {"data": {}}}}]))
    saleor = SaleorClient("http://x/graphql/", "t", transport=ReplayTransport(path))
    with pytest.raises(CassetteMismatch) as error:
        saleor.operations().producer_pages(page_type="UGFnZVR5cGU6Mg==", first=100, after=None)
    assert "request 1 differs from the recording; re-record" in str(error.value)


def test_no_cassette_holds_a_credential():
    from .conftest import CASSETTES

    for path in CASSETTES.glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert "Bearer" not in text and "Authorization" not in text, path.name
        for exchange in json.loads(text):
            assert set(exchange) == {"request", "response"}


class _Slow(BaseHTTPRequestHandler):
    """Saleor taking longer than the client waits: the request may have been carried out."""

    hits = 0

    def do_POST(self):
        type(self).hits += 1
        self.rfile.read(int(self.headers["Content-Length"]))
        threading.Event().wait(1.0)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_read_timeout_is_reported_and_never_retried():
    server = HTTPServer(("127.0.0.1", 0), _Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sleeps: list[float] = []
    try:
        url = f"http://127.0.0.1:{server.server_port}/graphql/"
        saleor = SaleorClient(url, "t", transport=RetryingTransport(sleep=sleeps.append),
                              timeout=httpx.Timeout(0.2))
        with pytest.raises(SaleorConnectionError) as error:
            shop_name(saleor)
    finally:
        server.shutdown()
        server.server_close()
    assert _Slow.hits == 1 and sleeps == []
    assert str(error.value).startswith(f"no reply from Saleor at {url} in time: ReadTimeout")


class _KeepAlive(BaseHTTPRequestHandler):
    """Answers GraphQL over HTTP/1.1 keep-alive and remembers which client connection each request came on."""

    protocol_version = "HTTP/1.1"
    ports: list[int] = []

    def do_POST(self):
        type(self).ports.append(self.client_address[1])
        self.rfile.read(int(self.headers["Content-Length"]))
        body = b'{"data": {"shop": {"name": "OCOP"}}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_requests_share_one_keep_alive_connection():
    server = HTTPServer(("127.0.0.1", 0), _KeepAlive)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with SaleorClient(f"http://127.0.0.1:{server.server_port}/graphql/", "t") as saleor:
            answers = [shop_name(saleor) for _ in range(5)]
    finally:
        server.shutdown()
        server.server_close()
    assert answers == ["OCOP"] * 5
    assert len(_KeepAlive.ports) == 5 and len(set(_KeepAlive.ports)) == 1


def test_the_recorder_hands_on_a_compressed_reply_readable_and_records_it_plain(tmp_path):
    import gzip

    def inner(request: httpx.Request) -> httpx.Response:
        body = gzip.compress(json.dumps({"data": {"shop": {"name": "OCOP Việt Nam"}}}).encode())
        return httpx.Response(200, content=body, headers={"Content-Encoding": "gzip"})

    path = tmp_path / "c.json"
    saleor = SaleorClient("http://x/graphql/", "t", transport=RecordingTransport(httpx.MockTransport(inner), path))
    assert shop_name(saleor) == "OCOP Việt Nam"
    [exchange] = json.loads(path.read_text(encoding="utf-8"))
    assert exchange["response"] == {"status": 200, "body": {"data": {"shop": {"name": "OCOP Việt Nam"}}}}
