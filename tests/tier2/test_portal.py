"""Tier 2: the producer portal against a real Saleor 3.23 with the app installed and its webhooks flowing.

A producer's person changes a price and a stock in the portal; Saleor holds them at once and the shop's
product page shows the new price within 10 s (Saleor's webhook, the web worker, the read model). The
other producer's person then tries the same variant every way: refused, and Saleor still holds what the
owner saved.
"""

from __future__ import annotations

import datetime
import time

import pytest

from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Variant
from catalog_sync.core.formats import money
from catalog_sync.saleor import listing_edits
from portal.models import PortalChange
from tests.portal.conftest import client_factory, producer_person, two_producers  # noqa: F401

from .portal_store import two_producers_for_sale
from .test_app import wait_for, web_worker_running

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_price_change_in_the_portal_reaches_the_shop_and_the_other_producer_cannot_touch_it(
        live_server, settings, saleor_api, saleor_env, monkeypatch, client, two_producers,  # noqa: F811
        producer_person):  # noqa: F811
    # given the two producers' products in Saleor, the web service installed as its app, the shop filled
    two_producers_for_sale(live_server, settings, saleor_api, saleor_env, monkeypatch)
    honey = Variant.objects.select_related("product").get(product__producer_title="HTX Ong mật Mèo Vạc")
    new_price = honey.price + 1000
    assert money(new_price) not in client.get(f"/products/{honey.product.slug}/").content.decode()
    person = producer_person(two_producers[0], "lan@example.vn")
    with web_worker_running(settings):
        # when the honey producer's person saves a new price and stock
        started = time.monotonic()
        response = person.post(f"/portal/variants/{honey.id}/", {"price": str(new_price), "stock": "42"})
        post_seconds = time.monotonic() - started
        saved_at = time.monotonic()
        assert response.status_code == 302, response.content.decode()[-2000:]
        # then the shop's product page shows the new price within 10 s
        wait_for(lambda: money(new_price) in client.get(f"/products/{honey.product.slug}/").content.decode(),
                 timeout=30)
        shown_after = time.monotonic() - saved_at
        assert shown_after <= 10, f"the shop showed the new price {shown_after:.1f} s after the save"
    changes = PortalChange.objects.order_by("id").values_list("field", "after")
    assert list(changes) == [("price", f"{new_price:.0f}"), ("stock", "42")]
    # when the other producer's person tries the same variant with every method and tampered fields
    other = producer_person(two_producers[1], "minh@example.vn")
    for method in ("get", "post", "put", "patch", "delete"):
        attempt = getattr(other, method)(f"/portal/variants/{honey.id}/",
                                         {"price": "1000", "stock": "0", "variant_id": honey.id})
        assert attempt.status_code == 404
    # then Saleor still holds what the owner saved, and nothing more was recorded
    with app_client() as saleor:
        state = listing_edits.variant_state(saleor, honey.id)
    assert state is not None and (state.price, state.stock) == (new_price, 42)
    assert PortalChange.objects.count() == 2
    print(f"\nportal price and stock change: POST answered in {post_seconds * 1000:.0f} ms; the shop showed the "
          f"new price {shown_after:.2f} s after the save ({datetime.datetime.now(datetime.UTC):%H:%M:%S} UTC)")
