"""Saleor's signed deliveries about an order's money reach the ledger's worker once each; others are refused.
The bodies have the shape of the recorded order deliveries (tests/fixtures/saleor_webhooks/portal_orders.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from catalog_sync.app.models import Installation
from tests.app.conftest import SigningKey

pytestmark = pytest.mark.django_db

SALEOR_API = "http://saleor.invalid/graphql/"
PAYLOADS = Path(__file__).resolve().parents[1] / "fixtures" / "saleor_webhooks" / "portal_orders.json"


def delivery(typename: str, order_id: str) -> bytes:
    recorded = json.loads(PAYLOADS.read_text())["OrderConfirmed"]
    return json.dumps({**recorded, "__typename": typename, "issuedAt": timezone.now().isoformat(),
                       "order": {"id": order_id}}).encode()


@pytest.fixture
def key():
    key = SigningKey("key-1")
    installation = Installation(saleor_api_url=SALEOR_API, app_id="QXBwOjE=", jwks={"keys": [key.jwk()]},
                                jwks_fetched_at=timezone.now())
    installation.token = "app-token"
    installation.save()
    return key


def post(body: bytes, signature: str):
    return Client().post("/saleor/payouts/orders/", body, content_type="application/json",
                         HTTP_SALEOR_API_URL=SALEOR_API, HTTP_SALEOR_SIGNATURE=signature)


def test_a_signed_delivery_queues_the_order_once_and_a_forged_one_is_refused(key, monkeypatch):
    queued: list[str] = []
    monkeypatch.setattr("catalog_sync.payouts.tasks.record_order.delay", queued.append)
    # when Saleor tells the order was fulfilled, then the same delivery again, then a forged and an unknown one
    body = delivery("OrderFulfilled", "T3JkZXI6MQ==")
    first, again = post(body, key.sign(body)), post(body, key.sign(body))
    forged = post(body, SigningKey("key-2").sign(body))
    other = delivery("ProductUpdated", "T3JkZXI6MQ==")
    # then the order is read once; the forged delivery is refused; an event of no money is ignored
    assert (first.status_code, first.json()) == (200, {"queued": "T3JkZXI6MQ=="})
    assert again.json() == {"ignored": "already handled"}
    assert forged.status_code == 401
    assert post(other, key.sign(other)).json() == {"ignored": "not about an order's money"}
    assert queued == ["T3JkZXI6MQ=="]
