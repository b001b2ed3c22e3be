"""Payment tests: the app's endpoints against a real localstripe, with Saleor's payloads as recorded.

Saleor's payment webhook payloads (tests/fixtures/saleor_webhooks/payments.json) and its replies to
``transactionEventReport`` (20_payments_report.json) were recorded from a real Saleor 3.23 by
tests/tier2/test_payments.py with OCOP_RECORD_PAYMENTS=1. Deliveries are signed exactly as Saleor
signs them, with a stand-in Saleor's key; Stripe's events come from localstripe and are signed with
the channel's webhook secret exactly as Stripe (and localstripe) sign them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from pathlib import Path

import pytest
from django.utils import timezone

from catalog_sync.app.models import Installation
from catalog_sync.payments.stripe.accounts import StripeKeys
from tests.app.conftest import FakeSaleor, recorded_reply
from tests.localstripe import PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "saleor"
PAYLOADS = FIXTURES.parent / "saleor_webhooks" / "payments.json"
REPORT_CASSETTE = "20_payments_report.json"


def recorded_payload(label: str, issued_at: str | None = None) -> dict:
    """A payment webhook payload as Saleor 3.23 sent it (see tests/tier2/test_payments.py), issued now (or at
    ``issued_at``): the app refuses deliveries issued longer than APP_WEBHOOK_MAX_AGE ago."""
    payload = json.loads(PAYLOADS.read_text())[label]
    return {**payload, "issuedAt": issued_at or timezone.now().isoformat()}


@pytest.fixture
def fake_saleor(settings):
    saleor = FakeSaleor()
    saleor.replies["OcopTransactionEventReport"] = recorded_reply(REPORT_CASSETTE, "OcopTransactionEventReport")
    settings.SALEOR_API_URL = saleor.api_url
    yield saleor
    saleor.close()


@pytest.fixture
def installation(fake_saleor):
    installation = Installation(saleor_api_url=fake_saleor.api_url, app_id="QXBwOjM=",
                                jwks={"keys": [key.jwk() for key in fake_saleor.keys]},
                                jwks_fetched_at=timezone.now())
    installation.token = "app-token-kept-sealed"
    installation.save()
    return installation


@pytest.fixture
def stripe_channels(settings, localstripe):
    """ocop-vn (VND) and ocop-usd (USD) take cards through localstripe, with test keys."""
    settings.STRIPE_API_BASE = localstripe.url
    for channel in ("ocop-vn", "ocop-usd"):
        StripeKeys(channel, SECRET_KEY, PUBLISHABLE_KEY, WEBHOOK_SECRET).save()


class SaleorDeliveries:
    """Posts payloads to /saleor/payments/ as Saleor does: the body signed (detached JWS) with its key."""

    def __init__(self, client, fake_saleor):
        self.client = client
        self.fake_saleor = fake_saleor

    def body(self, label: str, issued_at: str | None = None) -> bytes:
        """A new delivery of the recorded payload (issued now, unless ``issued_at`` says otherwise)."""
        return json.dumps(recorded_payload(label, issued_at)).encode()

    def post(self, body: bytes, signature: str | None = None):
        signature = self.fake_saleor.keys[0].sign(body) if signature is None else signature
        return self.client.post("/saleor/payments/", data=body, content_type="application/json",
                                HTTP_SALEOR_API_URL=self.fake_saleor.api_url, HTTP_SALEOR_SIGNATURE=signature)

    def answer(self, label: str) -> dict:
        response = self.post(self.body(label))
        assert response.status_code == 200, response.content
        return response.json()


@pytest.fixture
def saleor(client, fake_saleor, installation, stripe_channels) -> SaleorDeliveries:
    return SaleorDeliveries(client, fake_saleor)


def stripe_signature(body: bytes, secret: str = WEBHOOK_SECRET, at: int | None = None) -> str:
    """Stripe's ``Stripe-Signature``: HMAC-SHA256 of ``"<t>.<body>"`` with the endpoint's secret."""
    at = int(time.time()) if at is None else at
    digest = hmac.new(secret.encode(), f"{at}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={at},v1={digest}"


class StripeDeliveries:
    def __init__(self, client, localstripe):
        self.client = client
        self.localstripe = localstripe

    def events(self, intent_id: str, count: int = 1) -> list[dict]:
        """localstripe's events about the intent (it makes them a moment after the change)."""
        deadline = time.monotonic() + 10
        while len(found := self.localstripe.events(intent_id)) < count:
            assert time.monotonic() < deadline, f"localstripe made {len(found)} events, not {count}"
            time.sleep(0.2)
        return found

    def post(self, event: dict, *, channel: str = "ocop-vn", signature: str | None = None, body: bytes | None = None):
        body = json.dumps(event).encode() if body is None else body
        return self.client.post(f"/saleor/stripe/{channel}/", data=body, content_type="application/json",
                                HTTP_STRIPE_SIGNATURE=stripe_signature(body) if signature is None else signature)


@pytest.fixture
def stripe_events(client, localstripe, saleor) -> StripeDeliveries:
    return StripeDeliveries(client, localstripe)


def vietqr_payload(label: str, **changes) -> dict:
    """A recorded card payload of Saleor 3.23 for the same checkout, asking for ``data.paymentMethod = "vietqr"``
    (Saleor passes the storefront's ``data`` through unchanged; everything else is as recorded)."""
    payload = recorded_payload(label)
    if payload["__typename"] == "TransactionInitializeSession":
        payload["data"] = {"paymentMethod": "vietqr"}
    return {**payload, **changes}


class PayosDeliveries:
    """The payOS stand-in's merchant for ocop-vn, and its webhooks delivered to /saleor/payos/ocop-vn/."""

    def __init__(self, client, standin, receiver, keys, account):
        self.client, self.standin, self.receiver = client, standin, receiver
        self.keys, self.account = keys, account
        self.delivered = 0

    def transfer(self, amount: int, note: str, **counter) -> dict:
        return self.standin.transfer(self.account["accountNumber"], amount, note, **counter)

    def next_webhook(self) -> bytes:
        bodies = self.receiver.wait_for(self.delivered + 1)
        assert len(bodies) > self.delivered, "payOS sent no webhook"
        self.delivered += 1
        return bodies[self.delivered - 1]

    def post(self, body: bytes, channel: str = "ocop-vn"):
        return self.client.post(f"/saleor/payos/{channel}/", data=body, content_type="application/json")


@pytest.fixture
def vietqr(client, settings, fake_saleor, installation, payos_standin):
    """ocop-vn takes VietQR transfers through the payOS stand-in (a merchant of its own, test keys)."""
    from catalog_sync.payments.payos.accounts import PayosChannelKeys
    from testkit.payos_standin import WebhookReceiver

    settings.PAYOS_BASE_URL = payos_standin.url
    receiver = WebhookReceiver()
    keys, account = payos_standin.merchant(webhook_url=receiver.url)
    PayosChannelKeys("ocop-vn", keys.client_id, keys.api_key, keys.checksum_key).save()
    try:
        yield PayosDeliveries(client, payos_standin, receiver, keys, account)
    finally:
        receiver.stop()


@pytest.fixture
def saleor_vietqr(client, fake_saleor, installation, vietqr) -> SaleorDeliveries:
    return SaleorDeliveries(client, fake_saleor)
