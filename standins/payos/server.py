"""The stand-in's HTTP server (the standard library's, one thread a request).

payOS's API, as the SDK calls it (``x-client-id`` and ``x-api-key`` headers on every call):
  POST /v2/payment-requests              create (``signature`` in the body); answer signed in the body
  GET  /v2/payment-requests/{id}         by payment link id or order code; answer signed in the body
  POST /v2/payment-requests/{id}/cancel  ``{"cancellationReason"?}``; answer signed in the body
  POST /confirm-webhook                  ``{"webhookUrl"}``: a signed sample payment is sent there first
  POST /v1/payouts, /v1/payouts/batch    ``x-idempotency-key``; ``x-signature`` of the body; answer signed
                                         in the ``x-signature`` header (as every /v1 answer)
  GET  /v1/payouts/{id}, /v1/payouts     one payout (id or referenceId); a page of them
  POST /v1/payouts/estimate-credit       GET /v1/payouts-account/balance
Test-only (no keys):
  POST /_test/merchants                  ``{"clientId", "apiKey", "checksumKey", "accountNumber"?, "bin"?,
                                         "accountName"?, "webhookUrl"?, "payoutBalance"?, "linked"?}``
  POST /_test/transfer                   ``{"accountNumber", "amount", "description", "counterAccount…"?}``
  POST /_test/payment-requests/{id}/expire    POST /_test/payouts/{id}/settle
  POST /_test/payouts/fail               ``{"accountNumber", "errorCode"?, "errorMessage"?, "clear"?}``
  GET  /_test/webhooks                   every delivery so far
  GET  /web/{paymentLinkId}              the checkout page (checkoutUrl)
Errors: ``{"code", "desc", "data": null}``; see ``state.Refusal`` for the codes used.
"""

from __future__ import annotations

import html
import json
import re
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from . import signing, webhooks
from .payments import PaymentRequests
from .payouts import Payouts
from .state import Merchant, Refusal, State

MAX_BODY = 1_000_000
MERCHANT_FIELDS = {"accountNumber": "account_number", "bin": "bank_bin", "accountName": "account_name",
                   "webhookUrl": "webhook_url", "payoutBalance": "payout_balance", "linked": "linked",
                   "name": "name", "shortName": "short_name"}


class PayOS:
    """The stand-in's whole state and its answers, independent of HTTP."""

    def __init__(self, state: State, retry_delays: tuple[float, ...] = webhooks.RETRY_DELAYS):
        self.state = state
        self.sender = webhooks.Sender(retry_delays)
        self.payments = PaymentRequests(state, self.sender.send)
        self.payouts = Payouts(state)

    def register(self, body: dict[str, Any]) -> dict[str, Any]:
        extra = {attr: body[name] for name, attr in MERCHANT_FIELDS.items() if body.get(name) is not None}
        if "payout_balance" in extra and (isinstance(extra["payout_balance"], bool)
                                          or not isinstance(extra["payout_balance"], int)):
            raise Refusal("20", "payoutBalance: an integer", 400)
        merchant = self.state.register(str(body.get("clientId") or ""), str(body.get("apiKey") or ""),
                                       str(body.get("checksumKey") or ""), **extra)
        return merchant.public()

    def confirm_webhook(self, merchant: Merchant, body: dict[str, Any]) -> dict[str, Any]:
        url = body.get("webhookUrl")
        if not isinstance(url, str) or not re.match(r"https?://", url):
            raise Refusal("20", "webhookUrl: required, an http(s) URL", 400)
        status = webhooks.post(url, webhooks.confirmation_sample(merchant))
        if not 200 <= status < 300:
            raise Refusal("20", f"Webhook url invalid: it answered {status or 'nothing'} to a test payment", 400)
        merchant.webhook_url = url
        return {"webhookUrl": url, "accountName": merchant.account_name, "accountNumber": merchant.account_number,
                "name": merchant.name, "shortName": merchant.short_name}


ROUTES: list[tuple[str, re.Pattern[str], str]] = [(method, re.compile(f"^{path}$"), name) for method, path, name in [
    ("POST", r"/v2/payment-requests", "create_request"),
    ("GET", r"/v2/payment-requests/(?P<id>[^/]+)", "get_request"),
    ("POST", r"/v2/payment-requests/(?P<id>[^/]+)/cancel", "cancel_request"),
    ("POST", r"/confirm-webhook", "confirm_webhook"),
    ("POST", r"/v1/payouts", "create_payout"),
    ("POST", r"/v1/payouts/batch", "create_batch"),
    ("POST", r"/v1/payouts/estimate-credit", "estimate_credit"),
    ("GET", r"/v1/payouts", "list_payouts"),
    ("GET", r"/v1/payouts/(?P<id>[^/]+)", "get_payout"),
    ("GET", r"/v1/payouts-account/balance", "balance"),
    ("POST", r"/_test/merchants", "test_merchants"),
    ("POST", r"/_test/transfer", "test_transfer"),
    ("POST", r"/_test/payment-requests/(?P<id>[^/]+)/expire", "test_expire"),
    ("POST", r"/_test/payouts/fail", "test_fail"),
    ("POST", r"/_test/payouts/(?P<id>[^/]+)/settle", "test_settle"),
    ("GET", r"/_test/webhooks", "test_webhooks"),
    ("GET", r"/", "home"),
    ("GET", r"/web/(?P<id>[^/]+)", "checkout_page"),
]]


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    # ------------------------------------------------------------------ plumbing

    def _dispatch(self, method: str) -> None:
        split = urlsplit(self.path)
        self.query = dict(parse_qsl(split.query))
        for route_method, pattern, name in ROUTES:
            if route_method == method and (match := pattern.match(split.path)):
                try:
                    getattr(self, name)(**match.groupdict())
                except Refusal as refusal:
                    self._json(refusal.status, {"code": refusal.code, "desc": refusal.desc, "data": None})
                except Exception as error:  # a stand-in's bug: say so to the caller, keep serving
                    self.log_error("%s %s: %r", method, split.path, error)
                    self._json(500, {"code": "20", "desc": f"Internal error of the stand-in: {error!r}", "data": None})
                return
        self._json(404, {"code": "404", "desc": f"{method} {split.path}: no such endpoint", "data": None})

    def _body(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise Refusal("20", f"body: at most {MAX_BODY} bytes", 413)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            raise Refusal("20", "body: not JSON", 400) from None
        if not isinstance(body, dict):
            raise Refusal("20", "body: a JSON object", 400)
        return body

    def _merchant(self) -> Merchant:
        return self.server.payos.state.authenticate(self.headers.get("x-client-id"), self.headers.get("x-api-key"))

    def _json(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(raw)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)

    def _signed_in_body(self, merchant: Merchant, data: dict[str, Any]) -> None:
        self._json(200, {"code": "00", "desc": "success", "data": data,
                         "signature": signing.data_signature(data, merchant.checksum_key)})

    def _signed_in_header(self, merchant: Merchant, data: dict[str, Any]) -> None:
        self._json(200, {"code": "00", "desc": "success", "data": data},
                   {"x-signature": signing.header_signature(data, merchant.checksum_key)})

    def _signed_request(self, merchant: Merchant) -> dict[str, Any]:
        body = self._body()
        if not signing.same(signing.header_signature(body, merchant.checksum_key), self.headers.get("x-signature")):
            raise Refusal("20", "x-signature: does not match the body signed with the checksum key", 400)
        return body

    # ------------------------------------------------------------------ payOS's API

    def create_request(self) -> None:
        merchant = self._merchant()
        self._signed_in_body(merchant, self.server.payos.payments.create(merchant, self._body()))

    def get_request(self, id: str) -> None:
        merchant = self._merchant()
        self._signed_in_body(merchant, self.server.payos.payments.find(merchant, id).info())

    def cancel_request(self, id: str) -> None:
        merchant = self._merchant()
        self._signed_in_body(merchant, self.server.payos.payments.cancel(merchant, id, self._body()))

    def confirm_webhook(self) -> None:
        merchant = self._merchant()
        self._json(200, {"code": "00", "desc": "success",
                         "data": self.server.payos.confirm_webhook(merchant, self._body())})

    def create_payout(self) -> None:
        merchant = self._merchant()
        body = self._signed_request(merchant)
        payout = self.server.payos.payouts.create(merchant, self.headers.get("x-idempotency-key"), body, batch=False)
        self._signed_in_header(merchant, payout)

    def create_batch(self) -> None:
        merchant = self._merchant()
        body = self._signed_request(merchant)
        payout = self.server.payos.payouts.create(merchant, self.headers.get("x-idempotency-key"), body, batch=True)
        self._signed_in_header(merchant, payout)

    def estimate_credit(self) -> None:
        merchant = self._merchant()
        self._signed_in_header(merchant, self.server.payos.payouts.estimate(self._signed_request(merchant)))

    def list_payouts(self) -> None:
        merchant = self._merchant()
        self._signed_in_header(merchant, self.server.payos.payouts.list(merchant, self.query))

    def get_payout(self, id: str) -> None:
        merchant = self._merchant()
        self._signed_in_header(merchant, self.server.payos.payouts.find(merchant, id))

    def balance(self) -> None:
        merchant = self._merchant()
        self._signed_in_header(merchant, self.server.payos.payouts.account(merchant))

    # ------------------------------------------------------------------ test-only

    def test_merchants(self) -> None:
        self._json(200, self.server.payos.register(self._body()))

    def test_transfer(self) -> None:
        self._json(200, self.server.payos.payments.transfer(self._body()))

    def test_expire(self, id: str) -> None:
        self._json(200, self.server.payos.payments.expire_now(id))

    def test_fail(self) -> None:
        self._json(200, self.server.payos.payouts.fail(self._body()))

    def test_settle(self, id: str) -> None:
        self._json(200, self.server.payos.payouts.settle_now(id))

    def test_webhooks(self) -> None:
        self._json(200, {"deliveries": self.server.payos.sender.deliveries()})

    def home(self) -> None:
        self._json(200, {"service": "payOS stand-in", "merchants": len(self.server.payos.state.merchants)})

    def checkout_page(self, id: str) -> None:
        request = self.server.payos.payments.find(None, id)
        page = (f"<!doctype html><html lang='vi'><meta charset='utf-8'><title>payOS {request.order_code}</title>"
                f"<h1>Thanh toán đơn {request.order_code}</h1><p>Số tiền: {request.amount} VND</p>"
                f"<p>Nội dung: {html.escape(request.description)}</p><p>Trạng thái: {request.status}</p>"
                f"<p><code>{html.escape(request.qr_code)}</code></p></html>").encode()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], payos: PayOS, verbose: bool = False):
        super().__init__(address, Handler)
        self.payos = payos
        self.verbose = verbose


def make_server(host: str = "127.0.0.1", port: int = 0, *, public_url: str | None = None,
                payout_seconds: float = 2.0, retry_delays: tuple[float, ...] = webhooks.RETRY_DELAYS,
                verbose: bool = False) -> Server:
    """A bound server (port 0: any free one); ``serve_forever()`` it on a thread or in the main one."""
    state = State(payout_seconds=payout_seconds)
    server = Server((host, port), PayOS(state, retry_delays), verbose)
    state.public_url = public_url or f"http://{host}:{server.server_address[1]}"
    return server
