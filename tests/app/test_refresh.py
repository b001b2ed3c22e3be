"""Signed webhooks, through the worker (eager here), bring the shop in line with Saleor.

Saleor's answers are replayed from tests/fixtures/saleor/12_app_refresh.json, recorded from a
real Saleor 3.23 by tests/tier2/test_app.py (a demo product before and after the certification
plugin withdrew it, one of its variants, its producer's page).
"""

import json

import pytest
from django.utils import timezone

from catalog_sync.catalogue import store
from catalog_sync.saleor.recording import ReplayTransport

from .conftest import FIXTURES
from .test_webhooks import deliver, installation, queued  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

CASSETTE = FIXTURES / "12_app_refresh.json"


@pytest.fixture
def recorded():
    """The ids Saleor answered about, in the order they were recorded, and the replaying transport."""
    exchanges = json.loads(CASSETTE.read_text())
    return [exchange["request"]["variables"]["id"] for exchange in exchanges], ReplayTransport(CASSETTE)


@pytest.fixture
def worker(monkeypatch, recorded):
    """Queued work runs at once, reading Saleor from the recording."""
    from ocop_web.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", True)
    monkeypatch.setattr("catalog_sync.saleor.make_transport", lambda: recorded[1])
    return recorded[1]


def event(typename: str, **fields) -> bytes:
    return json.dumps({"__typename": typename, "issuedAt": timezone.now().isoformat(), **fields}).encode()


def test_webhooks_put_a_product_its_producer_and_then_its_withdrawal_into_the_shop(
    client, fake_saleor, installation, worker, recorded  # noqa: F811
):
    product_id, variant_id, _, producer_id, _ = recorded[0]
    # when Saleor says the product changed
    assert deliver(client, fake_saleor, event("ProductUpdated", product={"id": product_id})).status_code == 200
    # then the shop shows it as Saleor has it
    product = store.products_by_ids([product_id])[0]
    assert product.certificate_id == "AG-2025-0001" and product.stars == 5
    assert client.get(f"/products/{product.slug}/").status_code == 200

    # when a variant's translation changes, the variant's product is read again
    translated = event("TranslationUpdated", translation={
        "__typename": "ProductVariantTranslation", "translatableContent": {"productVariantId": variant_id}})
    assert deliver(client, fake_saleor, translated).json() == {"queued": f"variant {variant_id}"}
    assert store.products_by_ids([product_id])[0] == product

    # when the producer's page changes, the producer's page is in the shop
    page = event("PageUpdated", page={"id": producer_id, "pageType": {"slug": "producer"}})
    assert deliver(client, fake_saleor, page).status_code == 200
    producer = store.producers_by_ids([producer_id])[0]
    assert producer.slug == product.producer.slug
    assert client.get(f"/producers/{producer.slug}/").status_code == 200

    # when the plugin withdrew the product, Saleor no longer shows it to customers: neither does the shop
    assert deliver(client, fake_saleor, event("ProductUpdated", product={"id": product_id})).status_code == 200
    assert store.products_by_ids([product_id]) == []
    assert client.get(f"/products/{product.slug}/").status_code == 404
    assert product.slug not in client.get("/search/", {"q": "nuoc mam phu quoc"}).content.decode()
    assert worker.finished


def test_a_page_that_is_not_a_producer_is_not_read(client, fake_saleor, installation, worker):  # noqa: F811
    page = event("PageUpdated", page={"id": "UGFnZToxMjM=", "pageType": {"slug": "about"}})
    assert deliver(client, fake_saleor, page).status_code == 200
    assert worker.position == 0  # Saleor was not asked
