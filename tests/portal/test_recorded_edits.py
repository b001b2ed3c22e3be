"""Price and stock changes through the portal, against replies recorded from a real Saleor 3.23.

Recorded in this file's order on one fresh Saleor database (``python -m tests.portal.record``): the
catalogue of the two producers first (with demo prices and stock), then each test reads the read model
from Saleor (a reindex) and works in the portal.
"""

from __future__ import annotations

import datetime
import io
import json
import re

import pytest
from django.core.management import call_command

from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Product, Variant
from catalog_sync.core.formats import money
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import listing_edits
from catalog_sync.saleor.catalogue import import_catalogue
from portal.models import PortalChange

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 11, 22)


def reindex(settings) -> None:
    token = settings.SALEOR_APP_TOKEN
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    settings.SALEOR_APP_TOKEN = token


def variant_of(producer_name: str) -> Variant:
    return Variant.objects.select_related("product").get(product__producer_title=producer_name)


def saleor_requests(transport) -> list[dict]:
    return [exchange["request"] for exchange in getattr(transport, "exchanges", [])]


def test_the_two_producers_catalogue_is_in_saleor(cassette, two_producers):
    cassette("portal/01_catalogue")
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as client:
        summary = import_catalogue(client, Certificate.objects.in_catalogue_on, today=ON, demo=True)
    assert (summary.created, summary.errors, summary.producers["created"]) == (2, [], 2)


def test_a_producer_changes_price_and_stock_and_every_change_is_recorded(
        cassette, two_producers, producer_person, settings, admin_client):
    # given the store's catalogue in the read model and a person of the honey producer
    transport = cassette("portal/02_price_and_stock")
    reindex(settings)
    honey = variant_of("HTX Ong mật Mèo Vạc")
    coffee = variant_of("Công ty TNHH Cà phê Cầu Đất")
    person = producer_person(two_producers[0], "lan@example.vn")
    # when they list their products
    listing = person.get("/portal/products/").content.decode()
    # then they see theirs, with a link to its form, and nothing of the other producer
    assert "Mật ong bạc hà Mèo Vạc" in listing and f'href="/portal/variants/{honey.id}/"' in listing
    assert f'<span class="price">{money(honey.price)}</span>' in listing  # written as the shop writes it
    assert "Cà phê" not in listing and coffee.id not in listing
    # when they open the form: Saleor's values now
    form = person.get(f"/portal/variants/{honey.id}/").content.decode()
    before_price = re.search(r'name="price" value="(\d+)"', form).group(1)
    before_stock = re.search(r'name="stock" value="(\d+)"', form).group(1)
    assert before_price == f"{honey.price:.0f}"  # the price customers see
    assert int(before_stock) >= honey.quantity_available  # customers see at most what one may buy at once
    # when they save a new price and stock, with the other producer's ids slipped into the form
    response = person.post(f"/portal/variants/{honey.id}/", {
        "price": "158000", "stock": "42", "variant_id": coffee.id, "id": coffee.id, "product": coffee.product_id,
        "producer": coffee.product.producer_id})
    # then both are written to their own variant only, and the page shows Saleor's new values
    assert response.status_code == 302 and response["Location"] == f"/portal/variants/{honey.id}/"
    page = person.get(response["Location"]).content.decode()
    assert "Đã lưu: giá, tồn kho." in page
    assert 'name="price" value="158000"' in page and 'name="stock" value="42"' in page
    # (replaying, every request sent must equal the recorded one, so these are the requests sent)
    writes = [r for r in saleor_requests(transport) if r["operationName"].startswith("PortalVariant")]
    assert [(w["operationName"], w["variables"]["id"]) for w in writes] == [
        ("PortalVariant", honey.id), ("PortalVariant", honey.id), ("PortalVariantPrice", honey.id),
        ("PortalVariantStock", honey.id), ("PortalVariant", honey.id)]
    assert writes[2]["variables"]["price"] == "158000"
    assert writes[3]["variables"]["quantity"] == 42
    # and each change is recorded: who, what, before, after, when
    changes = list(PortalChange.objects.order_by("id").values_list(
        "email", "producer__name", "object_id", "field", "before", "after"))
    assert changes == [
        ("lan@example.vn", "HTX Ong mật Mèo Vạc", honey.id, "price", before_price, "158000"),
        ("lan@example.vn", "HTX Ong mật Mèo Vạc", honey.id, "stock", before_stock, "42"),
    ]
    # and staff see them
    staff_view = admin_client.get("/admin/portal/portalchange/").content.decode()
    assert "lan@example.vn" in staff_view and "158000" in staff_view


def test_saving_the_values_saleor_already_holds_writes_nothing(cassette, two_producers, producer_person, settings):
    # given the honey variant at 158000 đồng and 42 in stock (the test before)
    transport = cassette("portal/03_unchanged")
    reindex(settings)
    honey = variant_of("HTX Ong mật Mèo Vạc")
    person = producer_person(two_producers[0], "lan@example.vn")
    # when the same values are saved (the price written with zero cents, as some phones fill it)
    response = person.post(f"/portal/variants/{honey.id}/", {"price": "158000.00", "stock": "42"}, follow=True)
    # then nothing is written or recorded
    assert "Không có gì thay đổi." in response.content.decode()
    assert not PortalChange.objects.exists()
    assert "PortalVariantPrice" not in json.dumps(saleor_requests(transport))


def test_a_price_or_stock_the_form_cannot_take_is_explained_and_nothing_is_written(
        cassette, two_producers, producer_person, settings):
    # given a price with a fraction of a đồng and a negative stock: the form refuses both; Saleor is only read
    cassette("portal/04_refused_by_form")
    reindex(settings)
    honey = variant_of("HTX Ong mật Mèo Vạc")
    person = producer_person(two_producers[0], "lan@example.vn")
    response = person.post(f"/portal/variants/{honey.id}/", {"price": "158000.5", "stock": "-1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="errorlist"') == 2
    assert "Giá tính bằng đồng, không có phần lẻ của đồng." in html
    assert not PortalChange.objects.exists()


def test_the_variant_state_names_the_producer_page_saleor_holds(cassette, two_producers, settings):
    cassette("portal/05_variant_state")
    reindex(settings)
    honey = variant_of("HTX Ong mật Mèo Vạc")
    with app_client() as client:
        state = listing_edits.variant_state(client, honey.id)
        missing = listing_edits.variant_state(client, "UHJvZHVjdFZhcmlhbnQ6OTk5OTk=")  # ProductVariant:99999
    assert state is not None and missing is None
    assert state.producer_page_slug == honey.product.producer_slug
    assert (state.price, state.stock) == (158000, 42)


def test_a_variant_the_read_model_still_gives_them_but_saleor_does_not_is_refused(
        cassette, two_producers, producer_person, settings):
    # given a read model that lags behind Saleor: it still lists the coffee product under the honey producer
    transport = cassette("portal/06_saleor_says_not_theirs")
    reindex(settings)
    coffee = variant_of("Công ty TNHH Cà phê Cầu Đất")
    honey_slug = variant_of("HTX Ong mật Mèo Vạc").product.producer_slug
    Product.objects.filter(pk=coffee.product_id).update(producer_slug=honey_slug)
    person = producer_person(two_producers[0], "lan@example.vn")
    # when the honey producer's person opens and posts the coffee variant's form
    opened = person.get(f"/portal/variants/{coffee.id}/")
    posted = person.post(f"/portal/variants/{coffee.id}/", {"price": "1000", "stock": "0"})
    # then Saleor, asked at the time of each request, says whose it is: 404, nothing written or recorded
    assert (opened.status_code, posted.status_code) == (404, 404)
    assert [r["operationName"] for r in saleor_requests(transport)][-2:] == ["PortalVariant", "PortalVariant"]
    assert not PortalChange.objects.exists()


METHODS = ("get", "post", "put", "patch", "delete", "head", "options")


def test_ownership_matrix_each_producer_tries_every_page_and_form_of_the_other(
        cassette, two_producers, producer_person, settings, client):
    # given both producers' products in the read model and one person of each
    transport = cassette("portal/07_ownership_matrix")
    reindex(settings)
    honey, coffee = variant_of("HTX Ong mật Mèo Vạc"), variant_of("Công ty TNHH Cà phê Cầu Đất")
    with app_client() as saleor:
        before = {v.id: listing_edits.variant_state(saleor, v.id) for v in (honey, coffee)}
    asked = transport.position if hasattr(transport, "position") else len(transport.exchanges)
    people = {honey.id: producer_person(two_producers[0], "lan@example.vn"),
              coffee.id: producer_person(two_producers[1], "minh@example.vn")}
    rows_before = list(Variant.objects.order_by("id").values())
    refused = []
    for own, other in ((honey, coffee), (coffee, honey)):
        person = people[own.id]
        # every page without an id shows only their own things, whatever the parameters say
        for prefix in ("", "/en"):
            for page in ("/portal/", "/portal/certificates/", "/portal/products/", "/portal/security/"):
                for query in ("", f"?producer={other.product.producer_id}&producer_slug={other.product.producer_slug}"
                                  f"&variant={other.id}&product={other.product_id}"):
                    html = person.get(f"{prefix}{page}{query}").content.decode()
                    assert other.product.name not in html and other.id not in html, (page, query)
                    assert other.product.producer_title not in html
        # every form and URL of the other's, with every method, the other's ids in the fields too
        fields = {"price": "1000", "stock": "0", "variant_id": other.id, "id": other.id,
                  "product": other.product_id, "producer": other.product.producer_id}
        targets = [other.id, other.product_id, f"{other.id}x", other.id.lower()]
        for prefix in ("", "/en"):
            for target in targets:
                for method in METHODS:
                    response = getattr(person, method)(f"{prefix}/portal/variants/{target}/", fields)
                    refused.append(response.status_code)
                    assert response.status_code == 404, (method, prefix, target, response.status_code)
        # and the staff invitation of the other's certificate is not theirs either
        other_certificate = two_producers[1 if own is honey else 0]
        answer = person.post(f"/registry/certificates/{other_certificate.id}/invite/", {"email": "x@example.vn"})
        assert answer.status_code == 302 and answer["Location"].startswith("/admin/login/")
    # a signed-out visitor gets the sign-in page for every one of them
    for target in (honey.id, coffee.id):
        for method in ("get", "post"):
            response = getattr(client, method)(f"/portal/variants/{target}/", {"price": "1000", "stock": "0"})
            assert response.status_code == 302 and response["Location"].startswith("/portal/sign-in/")
    # then every attempt was refused and nothing changed: no request reached Saleor, nothing recorded,
    # the read model as it was, and Saleor holding what it held
    assert len(refused) == 2 * 2 * 4 * len(METHODS)
    assert (transport.position if hasattr(transport, "position") else len(transport.exchanges)) == asked
    assert not PortalChange.objects.exists()
    assert list(Variant.objects.order_by("id").values()) == rows_before
    with app_client() as saleor:
        after = {v.id: listing_edits.variant_state(saleor, v.id) for v in (honey, coffee)}
    assert after == before


def test_a_form_posted_without_its_csrf_token_is_refused(two_producers, producer_person):
    from django.test import Client

    person = producer_person(two_producers[0], "lan@example.vn")
    guarded = Client(enforce_csrf_checks=True)
    guarded.cookies = person.cookies
    assert guarded.post("/portal/variants/UHJvZHVjdFZhcmlhbnQ6Mg==/", {"price": "1", "stock": "1"}).status_code == 403
    assert not PortalChange.objects.exists()
