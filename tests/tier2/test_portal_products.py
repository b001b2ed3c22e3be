"""Tier 2: a producer changes a price and a photo in the portal, and the shop shows both within 10 s.

A real Saleor 3.23 with the web service installed as its app and its webhooks flowing: the portal writes
with the app's token; Saleor's PRODUCT_UPDATED (``productMediaCreate`` sends it) and variant events reach the
web worker, which refreshes the read model the shop's product page and listing read. The other producer's
person then tries the product's photo every way: refused, and Saleor still holds what the owner saved.
"""

from __future__ import annotations

import datetime
import io
import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Product, Variant
from catalog_sync.core.formats import money
from catalog_sync.saleor import product_edits
from ocop_web.celery import app as celery_app
from portal.models import PortalChange
from tests.portal.conftest import client_factory, producer_person, two_producers  # noqa: F401

from .portal_store import two_producers_for_sale
from .test_app import wait_for, web_worker_running

pytestmark = pytest.mark.django_db(transaction=True)

ALT = "Hũ mật ong bạc hà 500 ml trên bàn gỗ"


def photo() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), "#e0a800").save(out, format="JPEG", quality=85)
    return SimpleUploadedFile("hu-mat-ong.jpg", out.getvalue(), content_type="image/jpeg")


def shown(client, url: str) -> str:
    return client.get(url).content.decode()


def image_with_alt(html: str, alt: str) -> str | None:
    """The ``src`` of the ``<img>`` carrying ``alt``, or None."""
    match = re.search(r'<img src="([^"]+)" alt="' + re.escape(alt) + '"', html)
    return match.group(1) if match else None


def test_a_price_and_a_photo_changed_in_the_portal_reach_the_shop_within_10_seconds(
        live_server, settings, saleor_api, saleor_env, monkeypatch, client, two_producers,  # noqa: F811
        producer_person):  # noqa: F811
    # given the two producers' products in Saleor, the web service installed as its app, the shop filled
    two_producers_for_sale(live_server, settings, saleor_api, saleor_env, monkeypatch)
    honey = Variant.objects.select_related("product").get(product__producer_title="HTX Ong mật Mèo Vạc")
    product = honey.product
    new_price = honey.price + 2000
    listing_url = f"/products/?province={product.province_slug}"
    page_url = f"/products/{product.slug}/"
    assert money(new_price) not in shown(client, page_url)
    assert image_with_alt(shown(client, listing_url), ALT) is None
    person = producer_person(two_producers[0], "lan@example.vn")
    timings = {}
    with web_worker_running(settings):
        # (the worker takes seconds to start on a busy machine: the 10 s are counted from a running worker)
        wait_for(lambda: bool(celery_app.control.ping(timeout=0.5)), timeout=120)
        # when the honey producer's person saves a new price, then adds a photo
        started = time.monotonic()
        response = person.post(f"/portal/variants/{honey.id}/", {"price": str(new_price), "stock": "30"})
        timings["price POST"] = time.monotonic() - started
        assert response.status_code == 302, response.content.decode()[-2000:]
        started = time.monotonic()
        response = person.post(f"/portal/products/{product.id}/", {"form": "photo", "photo": photo(), "alt": ALT})
        timings["photo POST"] = time.monotonic() - started
        saved_at = time.monotonic()
        assert response.status_code == 302, response.content.decode()[-2000:]
        # then the product page shows the new price and the photo, and the listing its thumbnail, within 10 s
        wait_for(lambda: money(new_price) in (html := shown(client, page_url)) and image_with_alt(html, ALT),
                 timeout=30)
        timings["product page"] = time.monotonic() - saved_at
        wait_for(lambda: image_with_alt(shown(client, listing_url), ALT) is not None, timeout=30)
        timings["listing thumbnail"] = time.monotonic() - saved_at
        assert timings["product page"] <= 10 and timings["listing thumbnail"] <= 10, timings
    # and the thumbnail is Saleor's (the harness's Saleor does not serve /media/ files, so it is not fetched)
    thumbnail = image_with_alt(shown(client, listing_url), ALT)
    saleor_origin = saleor_api.url.removesuffix("graphql/")
    assert thumbnail and thumbnail.startswith(saleor_origin), thumbnail
    assert [c.field for c in PortalChange.objects.order_by("id")] == ["price", "stock", "photo"]
    # when the other producer's person tries the product and its photo every way, with tampered fields
    with app_client() as saleor:
        before = product_edits.product_state(saleor, product.id)
    assert before is not None and [p.alt for p in before.photos] == [ALT]
    media_id = before.photos[0].id
    other = producer_person(two_producers[1], "minh@example.vn")
    coffee = Product.objects.exclude(pk=product.id).get()
    for method in ("get", "post", "put", "patch", "delete"):
        for action in ("alt", "up", "down", "delete"):
            attempt = getattr(other, method)(f"/portal/products/{product.id}/", {
                "form": "photo-edit", "media_id": media_id, "action": action, "alt": "chiếm quyền"})
            assert attempt.status_code == 404
    for action in ("alt", "delete"):  # their own product's form, with the honey photo's id slipped in
        attempt = other.post(f"/portal/products/{coffee.id}/", {
            "form": "photo-edit", "media_id": media_id, "action": action, "alt": "chiếm quyền"})
        assert attempt.status_code == 404
    # then Saleor still holds what the owner saved, and nothing more was recorded
    with app_client() as saleor:
        after = product_edits.product_state(saleor, product.id)
    assert after == before
    assert PortalChange.objects.count() == 3
    print(f"\nportal price and photo: price POST {timings['price POST'] * 1000:.0f} ms, photo POST "
          f"{timings['photo POST'] * 1000:.0f} ms; the shop showed both on the product page "
          f"{timings['product page']:.2f} s and the listing thumbnail {timings['listing thumbnail']:.2f} s after "
          f"the photo was saved ({datetime.datetime.now(datetime.UTC):%H:%M:%S} UTC)")
