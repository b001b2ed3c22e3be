"""A producer's order lines in the portal, against replies recorded from a real Saleor 3.23.

Recorded in this file's order on one fresh Saleor database (``python -m tests.portal.record orders``, an
app with MANAGE_ORDERS): the two producers' catalogue and two cash-on-delivery orders first — #1 holding
lines of both producers, #2 only the honey producer's — then each test works in the portal from the state
the previous left. Saleor's order deliveries (their shape recorded by tests/tier2/test_portal_orders.py) are
signed here as Saleor signs them, with a stand-in key.
"""

from __future__ import annotations

import datetime
import io
import json
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from catalog_sync.app.clients import app_client
from catalog_sync.app.models import Installation
from catalog_sync.catalogue.models import Variant
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor import producer_orders as saleor_orders
from catalog_sync.saleor.catalogue import import_catalogue
from catalog_sync.saleor.shopping import AddressInput, Shop
from portal.models import PortalChange, ProducerOrderLine
from portal.orders import record_new_lines
from tests.app.conftest import SigningKey

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 11, 22)
HONEY, COFFEE = "HTX Ong mật Mèo Vạc", "Công ty TNHH Cà phê Cầu Đất"
HONEY_PRODUCT, COFFEE_PRODUCT = "Mật ong bạc hà Mèo Vạc", "Cà phê Arabica Cầu Đất"
SALEOR_API = "http://saleor.invalid/graphql/"  # the Saleor the stand-in deliveries claim to come from
PAYLOADS = Path(__file__).resolve().parents[1] / "fixtures" / "saleor_webhooks" / "portal_orders.json"
SHOPPER = AddressInput("Nguyễn Văn An", "+84912345678", "12 Trần Phú", "Phường Xuân Hương - Đà Lạt", "Lâm Đồng")


def reindex(settings) -> None:
    token = settings.SALEOR_APP_TOKEN
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    settings.SALEOR_APP_TOKEN = token


def variant_of(producer_name: str) -> Variant:
    return Variant.objects.select_related("product").get(product__producer_title=producer_name)


def saleor_requests(transport) -> list[dict]:
    return [exchange["request"] for exchange in getattr(transport, "exchanges", [])]


def asked(transport) -> int:
    return transport.position if hasattr(transport, "position") else len(transport.exchanges)


def place(transport, settings, lines: list[tuple[str, int]]) -> saleor_orders.Order:
    """A shopper's cash-on-delivery order of ``lines`` (variant id, quantity), as the checkout places it."""
    shop = Shop(SaleorClient(settings.SALEOR_API_URL, None, transport=transport))
    (first_id, first_quantity), *rest = lines
    cart = shop.create(first_id, first_quantity)
    for variant_id, quantity in rest:
        cart = shop.add(cart.id, variant_id, quantity)
    shop.set_email(cart.id, "an.nguyen@example.com")
    cart = shop.set_shipping_address(cart.id, SHOPPER)
    shop.set_billing_address(cart.id, SHOPPER)
    cart = shop.set_delivery(cart.id, cart.shipping_options[0].id)
    placed = shop.complete(cart.id)
    with app_client() as client:
        order = saleor_orders.order_by_id(client, placed.id)
    assert order is not None
    return order


def seen(number: int) -> saleor_orders.Order:
    """What the order webhook's work leaves: the order read from Saleor, its producers' lines recorded."""
    with app_client() as client:
        order = saleor_orders.order_by_number(client, number)
    assert order is not None
    record_new_lines(order)
    mail.outbox.clear()
    return order


def delivery(typename: str, order_id: str, **changes) -> bytes:
    """Saleor's recorded delivery of ``typename`` (tests/tier2/test_portal_orders.py) about ``order_id``, now."""
    recorded = json.loads(PAYLOADS.read_text())[typename]
    return json.dumps({**recorded, "issuedAt": timezone.now().isoformat(), "order": {"id": order_id},
                       **changes}).encode()


def deliver(key: SigningKey, typename: str, order_id: str):
    body = delivery(typename, order_id)
    return Client().post("/saleor/order-lines/", body, content_type="application/json",
                         HTTP_SALEOR_API_URL=SALEOR_API, HTTP_SALEOR_SIGNATURE=key.sign(body))


def test_two_producers_and_an_order_holding_lines_of_both_tell_each_producer_of_theirs_once(
        cassette, two_producers, producer_person, settings, monkeypatch):
    # given the two producers' catalogue in Saleor and a person of each
    transport = cassette("portal/orders/01_catalogue_and_orders")
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as client:
        summary = import_catalogue(client, Certificate.objects.in_catalogue_on, today=ON, demo=True)
    assert (summary.created, summary.errors) == (2, [])
    reindex(settings)
    honey, coffee = variant_of(HONEY), variant_of(COFFEE)
    producer_person(two_producers[0], "lan@example.vn")
    producer_person(two_producers[1], "minh@example.vn")
    mail.outbox.clear()
    # and the app installed in that Saleor, its deliveries signed, the worker's work done at once
    key = SigningKey("key-1")
    installation = Installation(saleor_api_url=SALEOR_API, app_id="QXBwOjE=", jwks={"keys": [key.jwk()]},
                                jwks_fetched_at=timezone.now())
    installation.token = "not-used-the-recording-token-is"
    installation.save()
    from ocop_web.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", True)
    # when a shopper places an order of 2 honey and 1 coffee, paying on delivery, and then one of honey only
    mixed = place(transport, settings, [(honey.id, 2), (coffee.id, 1)])
    alone = place(transport, settings, [(honey.id, 1)])
    # (cash on delivery: Saleor places it unconfirmed, as the shop's checkout does)
    assert (mixed.number, alone.number, mixed.status, alone.status) == (1, 2, "UNCONFIRMED", "UNCONFIRMED")
    # and Saleor's ORDER_CREATED of the first reaches the web service
    answer = deliver(key, "OrderCreated", mixed.id)
    # then each producer's people get one email about their own line, and nothing about the other's
    assert answer.status_code == 200 and answer.json() == {"queued": mixed.id}
    assert sorted(message.to[0] for message in mail.outbox) == ["lan@example.vn", "minh@example.vn"]
    to_lan = next(message for message in mail.outbox if message.to == ["lan@example.vn"])
    assert to_lan.subject == ("Đơn hàng #1: 1 dòng hàng của bạn cần gửi / Order #1: 1 line of yours to ship")
    assert f"2 × {HONEY_PRODUCT} (410.000 ₫)" in to_lan.body and f"2 × {HONEY_PRODUCT} (₫410,000)" in to_lan.body
    assert "Cà phê" not in to_lan.body
    assert "Hãy gửi hàng rồi nhập hãng vận chuyển và mã vận đơn:" in to_lan.body
    assert "Ship them and enter the carrier and tracking number:" in to_lan.body
    assert "/portal/orders/1/" in to_lan.body
    # when Saleor tells again (ORDER_CONFIRMED of the same order, the same delivery again)
    mail.outbox.clear()
    assert deliver(key, "OrderConfirmed", mixed.id).json() == {"queued": mixed.id}
    # then nobody is told twice: each line is recorded once
    assert mail.outbox == []
    assert sorted(ProducerOrderLine.objects.values_list("order_number", "producer_page_slug")) == sorted([
        (1, honey.product.producer_slug), (1, coffee.product.producer_slug)])
    # and the second order tells only the honey producer
    deliver(key, "OrderCreated", alone.id)
    assert [message.to for message in mail.outbox] == [["lan@example.vn"]]


def test_a_producer_sees_only_their_lines_of_an_order_with_its_shipping_address(
        cassette, two_producers, producer_person, settings):
    # given the two orders as the webhook recorded them
    cassette("portal/orders/02_their_lines")
    seen(1)
    seen(2)
    person = producer_person(two_producers[0], "lan@example.vn")
    # when the honey producer's person opens their orders, and then order #1
    listing = person.get("/portal/orders/")
    detail = person.get("/portal/orders/1/")
    english = person.get("/en/portal/orders/1/")
    # then both orders list their honey lines with the address; the coffee line is nowhere, not even counted
    html = listing.content.decode()
    assert listing.status_code == 200
    assert [int(n) for n in re.findall(r'id="order-(\d+)"', html)] == [2, 1]
    assert html.count(HONEY_PRODUCT) == 2 and "Cà phê" not in html and COFFEE not in html
    assert "12 Trần Phú" in html and "Lâm Đồng" in html
    page = detail.content.decode()
    assert detail.status_code == 200 and "Đơn hàng #1" in page
    assert re.search(r"<td>2</td>\s*<td>410.000 ₫</td>\s*<td>0/2</td>", page) and page.count('name="lines"') == 1
    assert "Cà phê" not in page and COFFEE not in page and "Nguyễn Văn An" in page and "+84912345678" in page
    assert 'name="carrier"' in page and 'name="tracking_number"' in page
    assert "Order #1" in english.content.decode() and "Mark shipped" in english.content.decode()
    # and the portal's home links to the orders
    assert 'href="/portal/orders/"' in person.get("/portal/").content.decode()


def test_a_producer_ships_their_lines_and_only_theirs_are_fulfilled_with_the_carrier_and_tracking_number(
        cassette, two_producers, producer_person, settings, admin_client):
    # given order #1 holding a honey line and a coffee line, neither shipped
    transport = cassette("portal/orders/03_ship")
    order = seen(1)
    honey_line = next(line for line in order.lines if line.product_name == HONEY_PRODUCT)
    coffee_line = next(line for line in order.lines if line.product_name == COFFEE_PRODUCT)
    person = producer_person(two_producers[0], "lan@example.vn")
    # when the honey producer's person slips the coffee line into the form
    tampered = person.post("/portal/orders/1/", {"carrier": "Viettel Post", "tracking_number": "VTP123",
                                                  "lines": [honey_line.id, coffee_line.id]})
    # then it is 404 and nothing is fulfilled
    assert tampered.status_code == 404
    assert not any(r["operationName"] == "ProducerOrderFulfill" for r in saleor_requests(transport)[:asked(transport)])
    # when they mark their line shipped with a carrier and tracking number
    response = person.post("/portal/orders/1/", {"carrier": "Viettel Post", "tracking_number": "VTP123456789"})
    # then one Saleor fulfilment of exactly their line is made, from the catalogue's warehouse
    assert response.status_code == 302 and response["Location"] == "/portal/orders/1/"
    [fulfil] = [r for r in saleor_requests(transport) if r["operationName"] == "ProducerOrderFulfill"]
    assert [line["orderLineId"] for line in fulfil["variables"]["lines"]] == [honey_line.id]
    assert fulfil["variables"]["lines"][0]["stocks"][0]["quantity"] == 2
    assert fulfil["variables"]["trackingNumber"] == "VTP123456789"
    page = person.get(response["Location"]).content.decode()
    assert "Đã gửi: 1 dòng hàng, mã vận đơn VTP123456789." in page
    assert "Viettel Post · VTP123456789" in page and "Tất cả dòng hàng của bạn trong đơn này đã được gửi." in page
    # and Saleor holds it: the honey line fulfilled with the tracking number and the carrier, the coffee line not
    with app_client() as client:
        after = saleor_orders.order_by_number(client, 1)
    assert after is not None and after.status == "PARTIALLY_FULFILLED"
    lines = {line.id: line for line in after.lines}
    assert (lines[honey_line.id].quantity_to_fulfill, lines[coffee_line.id].quantity_to_fulfill) == (0, 1)
    [shipment] = after.shipments
    assert (shipment.carrier, shipment.tracking_number, shipment.line_quantities) == (
        "Viettel Post", "VTP123456789", ((honey_line.id, 2),))
    # and the shipment is recorded: who, what, before and after, when; staff see it
    assert list(PortalChange.objects.values_list("email", "object_type", "object_id", "field", "before", "after")) == [
        ("lan@example.vn", "order_line", honey_line.id, "shipped", "0/2", "2/2 · Viettel Post · VTP123456789")]
    assert "VTP123456789" in admin_client.get("/admin/portal/portalchange/").content.decode()
    # when they post again
    again = person.post("/portal/orders/1/", {"carrier": "Viettel Post", "tracking_number": "VTP999"}, follow=True)
    # then nothing more is shipped or recorded
    assert "Không có gì để gửi: các dòng hàng này đã được gửi." in again.content.decode()
    assert PortalChange.objects.count() == 1


def test_a_shipment_the_form_cannot_take_is_explained_and_nothing_is_shipped(
        cassette, two_producers, producer_person, settings):
    # given order #2 (honey only, not shipped) and its producer's person
    transport = cassette("portal/orders/04_refused_by_form")
    seen(2)
    person = producer_person(two_producers[0], "lan@example.vn")
    # when the carrier is left empty and the tracking number has spaces
    response = person.post("/portal/orders/2/", {"carrier": "", "tracking_number": "VTP 12"})
    # then each field says what is wrong, and only reads reached Saleor
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count('class="errorlist"') == 2
    assert "Mã vận đơn không có khoảng trắng." in html
    assert {r["operationName"] for r in saleor_requests(transport)} <= {"ProducerOrderByNumber"}
    assert not PortalChange.objects.exists()


METHODS = ("get", "post", "put", "patch", "delete", "head", "options")


def test_ownership_matrix_each_producer_tries_every_order_page_and_form_of_the_other(
        cassette, two_producers, producer_person, settings, client):
    # given order #1 (both producers' lines, the honey line shipped), #2 (honey only) and a person of each
    transport = cassette("portal/orders/05_ownership_matrix")
    mixed = seen(1)
    seen(2)
    honey_line = next(line for line in mixed.lines if line.product_name == HONEY_PRODUCT)
    coffee_line = next(line for line in mixed.lines if line.product_name == COFFEE_PRODUCT)
    honey = producer_person(two_producers[0], "lan@example.vn")
    coffee = producer_person(two_producers[1], "minh@example.vn")
    with app_client() as saleor:
        before = [saleor_orders.order_by_number(saleor, number) for number in (1, 2)]
    start = asked(transport)
    # when the coffee producer's person lists their orders, whatever the parameters say
    for prefix in ("", "/en"):
        for query in ("", f"?order=2&number=2&line={honey_line.id}&producer={honey_line.producer_page_slug}"):
            html = coffee.get(f"{prefix}/portal/orders/{query}").content.decode()
            # then only their coffee line of order #1 is there
            assert COFFEE_PRODUCT in html and HONEY_PRODUCT not in html and 'id="order-2"' not in html, query
    # when each tries the other's order every way: the honey-only order, order numbers that are no order (one
    # past Saleor's 32-bit numbers is not even asked for), and the shared order with the other's line in the form
    attempts = {coffee: [(2, {}), (999, {}), (2**31, {}), (1, {"lines": [honey_line.id]})],
                honey: [(999, {}), (1, {"lines": [coffee_line.id]}), (1, {"lines": [honey_line.id, coffee_line.id]})]}
    refused = []
    for person, targets in attempts.items():
        for number, extra in targets:
            for prefix in ("", "/en"):
                for method in METHODS:
                    if extra and method != "post":
                        continue  # the lines only matter to a POST; the other methods of order #1 are theirs
                    fields = {"carrier": "GHN", "tracking_number": "GHN1", "order": 1, "number": 1, **extra}
                    response = getattr(person, method)(f"{prefix}/portal/orders/{number}/", fields)
                    refused.append(response.status_code)
                    assert response.status_code == 404, (number, extra, method, prefix, response.status_code)
    # and a signed-out visitor gets the sign-in page
    for method in ("get", "post"):
        response = getattr(client, method)("/portal/orders/1/", {"carrier": "GHN", "tracking_number": "GHN1"})
        assert response.status_code == 302 and response["Location"].startswith("/portal/sign-in/")
    assert client.get("/portal/orders/").status_code == 302
    # then every attempt was refused, only reads reached Saleor, nothing was recorded, and Saleor holds
    # the orders as they were
    assert len(refused) == 4 * 2 * len(METHODS) + 3 * 2
    assert {r["operationName"] for r in saleor_requests(transport)[start:]} <= {"ProducerOrderByNumber",
                                                                                "ProducerOrders"}
    assert not PortalChange.objects.exists()
    with app_client() as saleor:
        after = [saleor_orders.order_by_number(saleor, number) for number in (1, 2)]
    assert after == before


def test_the_order_webhook_refuses_what_saleor_did_not_sign(two_producers, settings):
    # given the app installed in a Saleor with one key
    key = SigningKey("key-1")
    installation = Installation(saleor_api_url=SALEOR_API, app_id="QXBwOjE=", jwks={"keys": [key.jwk()]},
                                jwks_fetched_at=timezone.now())
    installation.token = "app-token"
    installation.save()
    body = delivery("OrderCreated", "T3JkZXI6MQ==")
    # when a delivery comes with another key's signature, a tampered body, no signature, or from another Saleor
    forged = SigningKey("key-1").sign(body)
    answers = [
        Client().post("/saleor/order-lines/", body, content_type="application/json",
                      HTTP_SALEOR_API_URL=SALEOR_API, HTTP_SALEOR_SIGNATURE=forged),
        Client().post("/saleor/order-lines/", body.replace(b"MQ", b"Mg"), content_type="application/json",
                      HTTP_SALEOR_API_URL=SALEOR_API, HTTP_SALEOR_SIGNATURE=key.sign(body)),
        Client().post("/saleor/order-lines/", body, content_type="application/json", HTTP_SALEOR_API_URL=SALEOR_API),
        Client().post("/saleor/order-lines/", body, content_type="application/json",
                      HTTP_SALEOR_API_URL="http://other.invalid/graphql/", HTTP_SALEOR_SIGNATURE=key.sign(body)),
    ]
    # then each is refused and nothing is queued or recorded
    assert [answer.status_code for answer in answers] == [401, 401, 401, 401]
    assert not ProducerOrderLine.objects.exists() and mail.outbox == []
    # and a delivery issued too long ago is acknowledged and ignored
    old = delivery("OrderCreated", "T3JkZXI6MQ==", issuedAt=(
        timezone.now() - datetime.timedelta(seconds=settings.APP_WEBHOOK_MAX_AGE + 60)).isoformat())
    answer = Client().post("/saleor/order-lines/", old, content_type="application/json",
                           HTTP_SALEOR_API_URL=SALEOR_API, HTTP_SALEOR_SIGNATURE=key.sign(old))
    assert answer.json() == {"ignored": "issued too long ago"}


def test_a_shipment_form_posted_without_its_csrf_token_is_refused(two_producers, producer_person):
    person = producer_person(two_producers[0], "lan@example.vn")
    guarded = Client(enforce_csrf_checks=True)
    guarded.cookies = person.cookies
    assert guarded.post("/portal/orders/1/", {"carrier": "GHN", "tracking_number": "GHN1"}).status_code == 403
    assert not PortalChange.objects.exists()
