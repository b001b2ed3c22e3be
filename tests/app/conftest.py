"""A stand-in Saleor on loopback for the app's endpoints: its key set and its GraphQL answers.

The GraphQL answers are replayed from replies recorded from a real Saleor 3.23
(tests/fixtures/saleor/*.json); the key set is a key made here, so tests can sign deliveries
exactly as Saleor does (detached RS256 JWS with a ``kid``, ``crit: ["b64"]``).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "saleor"
APP_INSTALL = "11_app_install.json"  # recorded by tests/tier2/test_app.py with OCOP_RECORD_APP=1


def recorded_reply(cassette: str, operation: str, index: int = 0) -> dict:
    """The ``index``-th recorded response (``{"status", "body"}``) to ``operation`` in ``cassette``."""
    replies = [exchange["response"] for exchange in json.loads((FIXTURES / cassette).read_text())
               if exchange["request"]["operationName"] == operation]
    if not replies:
        raise LookupError(f"{operation} is not in {cassette}")
    return replies[index]


@dataclass
class SigningKey:
    kid: str
    private_key: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048))

    def jwk(self) -> dict:
        entry = json.loads(RSAAlgorithm.to_jwk(self.private_key.public_key()))
        entry.update({"use": "sig", "kid": self.kid, "alg": "RS256"})
        return entry

    def sign(self, body: bytes) -> str:
        return jwt.api_jws.encode(body, key=self.private_key, algorithm="RS256",
                                  headers={"kid": self.kid, "crit": ["b64"]}, is_payload_detached=True)


class FakeSaleor:
    def __init__(self):
        self.keys = [SigningKey("key-1")]
        self.jwks_status = 200  # another status: the key set cannot be fetched
        # an operation answered only once its event is set, as Saleor (one request at a time) answers after the
        # request it is busy with; ``arrived`` is set when it comes, ``held_out`` names those that waited 5 s
        self.busy_until: dict[str, threading.Event] = {}
        self.arrived: dict[str, threading.Event] = {}
        self.held_out: list[str] = []
        self.app_reply: dict | None = None  # default: the recorded answer to a valid token
        self.replies: dict[str, dict] = {}  # other operations: their recorded replies
        self.requests: list[tuple[str, str]] = []
        self.variables: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status: int, body: dict):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                server.requests.append(("GET", self.path))
                if self.path == "/.well-known/jwks.json" and server.jwks_status != 200:
                    return self._send(server.jwks_status, {})
                if self.path == "/.well-known/jwks.json":
                    return self._send(200, {"keys": [key.jwk() for key in server.keys]})
                return self._send(404, {})

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                payload = json.loads(self.rfile.read(length))
                server.requests.append(("POST", payload.get("operationName")))
                server.variables.append((payload.get("operationName"), payload.get("variables") or {}))
                operation = payload.get("operationName")
                if operation in server.busy_until:
                    server.arrived.setdefault(operation, threading.Event()).set()
                    if not server.busy_until[operation].wait(5):
                        server.held_out.append(operation)
                if payload.get("operationName") in server.replies:
                    reply = server.replies[payload["operationName"]]
                    return self._send(reply["status"], reply["body"])
                if server.app_reply is None:
                    server.app_reply = recorded_reply(APP_INSTALL, "OcopAppId")
                return self._send(server.app_reply["status"], server.app_reply["body"])

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.api_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/graphql/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def fake_saleor(settings):
    saleor = FakeSaleor()
    settings.SALEOR_API_URL = saleor.api_url
    yield saleor
    saleor.close()
