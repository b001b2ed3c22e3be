"""The payOS stand-in (standins/payos) run for real on a free loopback port, and a webhook receiver.

``PayosStandIn`` starts ``python -m standins.payos`` as a subprocess; ``merchant()`` registers a merchant
of its own (keys, bank account, webhook URL) so tests sharing one stand-in never see each other's
requests. ``WebhookReceiver`` is the merchant's side: an HTTP server that keeps every body it is sent.
"""

from __future__ import annotations

import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from catalog_sync.payments.payos.client import PayosKeys

from .servers import ServiceProcess

ROOT = Path(__file__).resolve().parents[1]
PAYOUT_SECONDS = 0.3


class PayosStandIn(ServiceProcess):
    name = "the payOS stand-in"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "standins.payos", "--port", str(self.port),
                "--payout-seconds", str(PAYOUT_SECONDS)]

    def start(self, timeout: float = 20, cwd: Path | None = ROOT) -> None:
        super().start(timeout, cwd)

    def merchant(self, webhook_url: str | None = None, **extra) -> tuple[PayosKeys, dict]:
        """A new merchant's keys and its account ({"clientId", "bin", "accountNumber", "accountName", …})."""
        keys = PayosKeys(client_id=f"client-{secrets.token_hex(6)}", api_key=secrets.token_hex(16),
                         checksum_key=secrets.token_hex(32))
        account = self.http.post("/_test/merchants", json={
            "clientId": keys.client_id, "apiKey": keys.api_key, "checksumKey": keys.checksum_key,
            "webhookUrl": webhook_url, **extra}).raise_for_status().json()
        return keys, account

    def transfer(self, account_number: str, amount: int, description: str, **counter) -> dict:
        """A bank transfer arriving in ``account_number`` with ``description`` as its note."""
        return self.http.post("/_test/transfer", json={
            "accountNumber": account_number, "amount": amount, "description": description, **counter,
        }).raise_for_status().json()

    def expire(self, payment_id: str) -> dict:
        return self.http.post(f"/_test/payment-requests/{payment_id}/expire").raise_for_status().json()

    def fail_payouts_to(self, account_number: str) -> None:
        self.http.post("/_test/payouts/fail", json={"accountNumber": account_number}).raise_for_status()

    def deliveries(self) -> list[dict]:
        return self.http.get("/_test/webhooks").raise_for_status().json()["deliveries"]


class WebhookReceiver:
    """The merchant's webhook endpoint: answers 200 and keeps each body it receives."""

    def __init__(self, port: int = 0):
        bodies: list[bytes] = []
        self.bodies = bodies

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                bodies.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/payos/webhook/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def wait_for(self, count: int, timeout: float = 10) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while len(self.bodies) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.bodies)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
