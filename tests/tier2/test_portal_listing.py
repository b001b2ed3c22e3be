"""Tier 2: a producer lists a certified product from the portal in a real Saleor 3.23, and the shop shows it.

The web service is installed as Saleor's app, so the product reaches the shop through Saleor's webhooks,
the web worker and the read model. An expired certificate of the same producer cannot be listed: refused
with its reason, and Saleor holds no product for it.
"""

from __future__ import annotations

import time

import pytest

from catalog_sync.catalogue.models import Product
from catalog_sync.core.formats import money
from portal.models import PortalChange
from tests.portal.conftest import client_factory, producer_person, two_producers  # noqa: F401

from .portal_store import UNLISTED_NAME, open_store, saleor_product
from .test_app import wait_for, web_worker_running

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_producer_lists_a_certified_product_and_the_shop_shows_it_but_never_an_expired_one(
        live_server, settings, saleor_api, saleor_env, monkeypatch, client, two_producers,  # noqa: F811
        producer_person, make_certificate):  # noqa: F811
    # given the store with the honey producer's products for sale, and two more certificates not in it
    store = open_store(live_server, settings, saleor_api, saleor_env, monkeypatch, make_certificate)
    assert saleor_product(saleor_api, store.unlisted.id) is None
    person = producer_person(two_producers[0], "lan@example.vn")
    offered = person.get("/portal/products/").content.decode()
    assert f'name="certificate" value="{store.unlisted.id}"' in offered
    assert store.expired.id not in offered
    with web_worker_running(settings):
        # when the producer's person lists the honey-blossom honey at 95.000 đồng, 30 in stock
        started = time.monotonic()
        response = person.post("/portal/listings/new/", {"certificate": store.unlisted.id, "price": "95000",
                                                         "stock": "30"})
        post_seconds = time.monotonic() - started
        assert response.status_code == 302, response.content.decode()[-2000:]
        # then the shop lists it and its page shows the price and the OCOP badge within seconds
        waited = wait_for(lambda: Product.objects.filter(certificate_id=store.unlisted.id).exists(), timeout=30)
        product = Product.objects.get(certificate_id=store.unlisted.id)
        page = client.get(f"/products/{product.slug}/").content.decode()
        assert UNLISTED_NAME in page and money(95000) in page and f"/verify/{store.unlisted.id}/" in page
        assert f"/products/{product.slug}/" in client.get("/products/", {"province": "tuyen-quang"}).content.decode()
    # and Saleor holds it published in ocop-vn with one variant
    held = saleor_product(saleor_api, store.unlisted.id)
    assert held is not None and held["channelListings"] == [{"channel": {"slug": "ocop-vn"}, "isPublished": True}]
    assert len(held["variants"]) == 1
    assert PortalChange.objects.filter(field="listing", after=store.unlisted.id).count() == 1
    # when they try to list the expired certificate
    refused = person.post("/portal/listings/new/", {"certificate": store.expired.id, "price": "95000", "stock": "3"})
    # then it is refused naming why, and Saleor holds nothing for it
    assert refused.status_code == 409
    assert f"Giấy chứng nhận {store.expired.id} đã hết hiệu lực" in refused.content.decode()
    assert saleor_product(saleor_api, store.expired.id) is None
    # and the other producer cannot list the honey producer's certificate
    other = producer_person(two_producers[1], "minh@example.vn")
    assert other.post("/portal/listings/new/", {"certificate": store.unlisted.id, "price": "1",
                                                "stock": "1"}).status_code == 404
    print(f"\nportal listing: POST answered in {post_seconds * 1000:.0f} ms; the shop listed the product "
          f"{waited:.2f} s after")
