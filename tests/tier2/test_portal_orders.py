"""Tier 2: a producer's order lines against a real Saleor 3.23 with the app installed and its webhooks flowing.

A shopper places, cash on delivery, one order holding both producers' products and one of honey only.
Saleor's signed ORDER_CREATED reaches the web service, whose worker emails each producer's people about
their own lines (an SMTP sink here). The honey producer's person ships their lines with a carrier and
tracking number: Saleor holds one fulfilment of exactly those lines. The coffee producer's person sees
only their line of the shared order, cannot see or ship the honey lines, and ships their own.

Then an order placed while Saleor's delivery is lost reaches the portal through ``ocop saleor catch-up-orders``.

With ``OCOP_RECORD_PORTAL_ORDERS=1`` it also (re)records the order deliveries Saleor signed, one of each kind
(tests/fixtures/saleor_webhooks/portal_orders.json), whose shape tier 1's order webhook tests replay, and
Saleor's replies to the catch-up (tests/fixtures/saleor/22_order_catch_up.json).
"""

from __future__ import annotations

import contextlib
import datetime
import email
import email.policy
import io
import json
import os
import socketserver
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from catalog_sync.app import signatures
from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Variant
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor import producer_orders as saleor_orders
from catalog_sync.saleor.catalogue import import_catalogue
from catalog_sync.saleor.shopping import AddressInput, Shop
from portal.models import PortalChange, ProducerOrderLine
from portal.views.orders import ORDER_EVENTS as portal_order_events
from tests.portal.conftest import client_factory, producer_person, two_producers  # noqa: F401
from tests.tier2.app_install import staff_install_app

from .test_app import wait_for, web_worker_running

pytestmark = pytest.mark.django_db(transaction=True)

PAYLOADS = Path(__file__).resolve().parents[1] / "fixtures" / "saleor_webhooks" / "portal_orders.json"
RECORD = os.environ.get("OCOP_RECORD_PORTAL_ORDERS") == "1"
CATCH_UP = PAYLOADS.parents[1] / "saleor" / "22_order_catch_up.json"
CONFIRM = """mutation($id: ID!) { orderConfirm(id: $id) { order { status } errors { field code message } } }"""
HONEY_PRODUCT, COFFEE_PRODUCT = "Mật ong bạc hà Mèo Vạc", "Cà phê Arabica Cầu Đất"
TOUR = "Tham quan đồi cà phê Cầu Đất"
SHOPPER = AddressInput("Nguyễn Văn An", "+84912345678", "12 Trần Phú", "Phường Xuân Hương - Đà Lạt", "Lâm Đồng")


class _Sink(socketserver.StreamRequestHandler):
    """Just enough SMTP to take a message from Django's SMTP backend."""

    def handle(self) -> None:
        self.wfile.write(b"220 sink\r\n")
        recipients: list[str] = []
        while line := self.rfile.readline():
            command = line.decode("ascii", "replace").strip()
            verb = command[:4].upper()
            if verb == "DATA":
                self.wfile.write(b"354 go on\r\n")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                self.server.messages.append((recipients, email.message_from_bytes(  # type: ignore[attr-defined]
                    data, policy=email.policy.default)))
                recipients = []
                self.wfile.write(b"250 kept\r\n")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
                self.wfile.write(b"250 ok\r\n")
            elif verb == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@contextlib.contextmanager
def smtp_sink(monkeypatch) -> Iterator[list]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Sink)
    server.daemon_threads = True
    server.messages = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")  # the web worker's
    monkeypatch.setenv("EMAIL_HOST", "127.0.0.1")
    monkeypatch.setenv("EMAIL_PORT", str(server.server_address[1]))
    monkeypatch.setenv("EMAIL_USE_TLS", "0")  # a plain sink on loopback
    try:
        yield server.messages  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


def place(url: str, lines: list[tuple[str, int]]) -> str:
    """A shopper's cash-on-delivery order, as the shop's checkout places it; its number."""
    shop = Shop(SaleorClient(url, None))
    (first, quantity), *rest = lines
    cart = shop.create(first, quantity)
    for variant_id, count in rest:
        cart = shop.add(cart.id, variant_id, count)
    shop.set_email(cart.id, "an.nguyen@example.com")
    cart = shop.set_shipping_address(cart.id, SHOPPER)
    shop.set_billing_address(cart.id, SHOPPER)
    cart = shop.set_delivery(cart.id, cart.shipping_options[0].id)
    return shop.complete(cart.id).number


def book(url: str, variant_id: str) -> str:
    """A shopper's booking of a tourism service, cash on delivery: no shipping address, no delivery; its number."""
    shop = Shop(SaleorClient(url, None))
    cart = shop.create(variant_id, 1)
    shop.set_email(cart.id, "an.nguyen@example.com")
    shop.set_billing_address(cart.id, SHOPPER)
    return shop.complete(cart.id).number


def in_saleor(number: int) -> saleor_orders.Order:
    with app_client() as saleor:
        order = saleor_orders.order_by_number(saleor, number)
    assert order is not None
    return order


def test_a_producer_ships_their_lines_of_a_shared_order_and_the_other_producer_cannot_see_or_ship_them(
        live_server, settings, saleor_api, saleor_env, monkeypatch, two_producers,  # noqa: F811
        producer_person, make_certificate):  # noqa: F811
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.APP_PUBLIC_URL = live_server.url
    settings.PUBLIC_URL = live_server.url + "/"
    monkeypatch.setenv("PUBLIC_URL", live_server.url + "/")  # the web worker's links in the emails
    # given the two producers' products in Saleor, the web service installed as its app (with the order
    # webhook), and a person of each producer
    # (and the coffee producer's tour of its tea and coffee hills, a tourism service)
    make_certificate(id="LD-2025-0902", product_name=TOUR, producer="Công ty TNHH Cà phê Cầu Đất", stars=4,
                     issued_on=datetime.date(2025, 1, 20), decision_no="120/QĐ-BNNMT", province="lam-dong",
                     group="du-lich")
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as saleor:
        summary = import_catalogue(saleor, Certificate.objects.in_catalogue_on, today=vietnam_today(), demo=True)
    assert (summary.created, summary.errors) == (3, [])
    # from here on the portal reads and ships with the installed app's token
    staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    honey = Variant.objects.get(product__producer_title="HTX Ong mật Mèo Vạc")
    coffee = Variant.objects.get(product__producer_title="Công ty TNHH Cà phê Cầu Đất", product__name=COFFEE_PRODUCT)
    tour = Variant.objects.get(product__name=TOUR)
    lan = producer_person(two_producers[0], "lan@example.vn")
    minh = producer_person(two_producers[1], "minh@example.vn")
    deliveries: dict[str, dict] = {}  # the first order delivery of each kind, as Saleor signed it
    verify = signatures.verify

    outage = {"on": False}

    def keeping(installation, body, signature):
        verify(installation, body, signature)
        payload = json.loads(body)
        if outage["on"] and str(payload.get("__typename", "")).startswith("Order"):
            raise signatures.BadSignature("the web service is unreachable (a lost delivery)")
        if str(payload.get("__typename", "")).startswith("Order"):
            deliveries.setdefault(payload["__typename"], payload)

    monkeypatch.setattr(signatures, "verify", keeping)
    with smtp_sink(monkeypatch) as sent, web_worker_running(settings):
        # when a shopper places an order of both producers' products, and one of honey only, cash on delivery
        shared = int(place(saleor_api.url, [(honey.id, 2), (coffee.id, 1)]))
        placed_at = time.monotonic()  # the figure: from the first order placed to the last of the three emails
        alone = int(place(saleor_api.url, [(honey.id, 1)]))
        # then Saleor's webhook reaches the web service and each producer's people are told of their lines
        wait_for(lambda: ProducerOrderLine.objects.count() == 3 and len(sent) == 3, timeout=60)
        told_after = time.monotonic() - placed_at
        # when staff confirm the cash-on-delivery order (Saleor's ORDER_CONFIRMED reaches the web service too)
        order_id = in_saleor(shared).id
        answer = saleor_api.graphql(CONFIRM, {"id": order_id})
        assert answer["data"]["orderConfirm"]["errors"] == [], answer
        wait_for(lambda: "OrderConfirmed" in deliveries, timeout=60)
        time.sleep(2)  # the worker's read of the order, had it anything to tell
    # then nobody is told twice
    assert len(sent) == 3 and ProducerOrderLine.objects.count() == 3
    by_order = {(tuple(to), " ".join(message["Subject"].split())): message.get_content() for to, message in sent}
    assert set(by_order) == {
        (("lan@example.vn",), f"Đơn hàng #{shared}: 1 dòng hàng của bạn cần gửi / Order #{shared}: 1 line of yours "
                              "to ship"),
        (("minh@example.vn",), f"Đơn hàng #{shared}: 1 dòng hàng của bạn cần gửi / Order #{shared}: 1 line of "
                               "yours to ship"),
        (("lan@example.vn",), f"Đơn hàng #{alone}: 1 dòng hàng của bạn cần gửi / Order #{alone}: 1 line of yours "
                              "to ship"),
    }
    to_minh = next(body for (to, _), body in by_order.items() if to == ("minh@example.vn",))
    assert f"1 × {COFFEE_PRODUCT} (120.000 ₫)" in to_minh and f"1 × {COFFEE_PRODUCT} (₫120,000)" in to_minh
    assert HONEY_PRODUCT not in to_minh
    assert f"{live_server.url}/portal/orders/{shared}/" in to_minh

    # when the coffee producer's person looks at their orders
    listing = minh.get("/portal/orders/").content.decode()
    # then they see the shared order with their coffee line only, and not the honey-only order
    assert f'id="order-{shared}"' in listing and f'id="order-{alone}"' not in listing
    assert COFFEE_PRODUCT in listing and HONEY_PRODUCT not in listing
    # and every way at the honey lines is 404, and ships nothing
    honey_line = next(line for line in in_saleor(shared).lines if line.product_name == HONEY_PRODUCT)
    for method in ("get", "post", "put", "patch", "delete"):
        assert getattr(minh, method)(f"/portal/orders/{alone}/", {"carrier": "GHN", "tracking_number": "GHN1"}
                                     ).status_code == 404
    tampered = minh.post(f"/portal/orders/{shared}/", {"carrier": "GHN", "tracking_number": "GHN1",
                                                       "lines": [honey_line.id]})
    assert tampered.status_code == 404
    assert in_saleor(shared).shipments == () and in_saleor(alone).shipments == ()

    # when the honey producer's person ships their lines of the shared order
    started = time.monotonic()
    shipped = lan.post(f"/portal/orders/{shared}/", {"carrier": "Viettel Post", "tracking_number": "VTP0012345"})
    ship_seconds = time.monotonic() - started
    assert shipped.status_code == 302, shipped.content.decode()[-2000:]
    # then Saleor holds one fulfilment of exactly their line, with the tracking number and the carrier
    order = in_saleor(shared)
    lines = {line.product_name: line for line in order.lines}
    assert (lines[HONEY_PRODUCT].quantity_fulfilled, lines[COFFEE_PRODUCT].quantity_fulfilled) == (2, 0)
    [shipment] = order.shipments
    assert (shipment.tracking_number, shipment.carrier, shipment.line_quantities) == (
        "VTP0012345", "Viettel Post", ((lines[HONEY_PRODUCT].id, 2),))
    # and the coffee producer's page still shows their line to ship, nothing of the honey shipment
    page = minh.get(f"/portal/orders/{shared}/").content.decode()
    assert "VTP0012345" not in page and HONEY_PRODUCT not in page and 'name="lines"' in page
    # when the coffee producer's person ships their own line
    assert minh.post(f"/portal/orders/{shared}/", {"carrier": "GHN", "tracking_number": "GHN777"}).status_code == 302
    # then the order is fully shipped in two fulfilments, each of one producer's line; the honey-only order is not
    order = in_saleor(shared)
    assert order.status == "FULFILLED"
    assert sorted((s.carrier, s.tracking_number, s.line_quantities) for s in order.shipments) == sorted([
        ("Viettel Post", "VTP0012345", ((lines[HONEY_PRODUCT].id, 2),)),
        ("GHN", "GHN777", ((lines[COFFEE_PRODUCT].id, 1),))])
    assert in_saleor(alone).shipments == ()
    assert sorted(PortalChange.objects.values_list("email", "object_id", "after")) == sorted([
        ("lan@example.vn", lines[HONEY_PRODUCT].id, "2/2 · Viettel Post · VTP0012345"),
        ("minh@example.vn", lines[COFFEE_PRODUCT].id, "1/1 · GHN · GHN777")])
    # (the portal's own deliveries: the payouts ledger's subscription brings others, OrderFulfilled among them)
    assert {kind: set(payload) for kind, payload in deliveries.items() if kind in portal_order_events} == {
        "OrderCreated": {"__typename", "issuedAt", "order"}, "OrderConfirmed": {"__typename", "issuedAt", "order"}}

    # given the web service unreachable for Saleor's order deliveries (every try refused, so the delivery is lost)
    # while a shopper orders coffee, and another books the coffee producer's tour (a service: no address)
    outage["on"] = True
    since = datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=1)
    lost = int(place(saleor_api.url, [(coffee.id, 1)]))
    booked = int(book(saleor_api.url, tour.id))
    outage["on"] = False
    assert not ProducerOrderLine.objects.filter(order_number__in=[lost, booked]).exists()
    assert f'id="order-{lost}"' not in minh.get("/portal/orders/").content.decode()
    # when the catch-up runs (the web's beat runs it hourly)
    mail.outbox.clear()
    if RECORD:
        CATCH_UP.unlink(missing_ok=True)
        monkeypatch.setenv("OCOP_SALEOR_RECORD", str(CATCH_UP))
    out = io.StringIO()
    call_command("saleor_catch_up_orders", "--since", since.isoformat(), "--json", stdout=out)
    monkeypatch.delenv("OCOP_SALEOR_RECORD", raising=False)
    # then the order reaches the coffee producer's portal, and their person is told once
    assert json.loads(out.getvalue()) == {"since": since.isoformat(), "orders": 2, "placed": 2, "new_lines": 2,
                                          "orders_with_new_lines": [lost, booked], "problems": []}
    listing = minh.get("/portal/orders/").content.decode()
    assert f'id="order-{lost}"' in listing and f'id="order-{booked}"' in listing
    assert [message.to for message in mail.outbox] == [["minh@example.vn"], ["minh@example.vn"]]
    # and a second run adds nothing
    again = io.StringIO()
    call_command("saleor_catch_up_orders", "--since", since.isoformat(), "--json", stdout=again)
    assert json.loads(again.getvalue())["new_lines"] == 0 and len(mail.outbox) == 2

    # when the coffee producer's person opens the tour's order: a service is used, never shipped
    [tour_line] = in_saleor(booked).lines
    page = minh.get(f"/portal/orders/{booked}/").content.decode()
    assert "Dịch vụ của bạn" in page and "Chưa sử dụng" in page and 'name="tracking_number"' not in page
    # and they try to mark it shipped anyway
    shipped_tour = minh.post(f"/portal/orders/{booked}/", {"carrier": "GHN", "tracking_number": "GHN888",
                                                            "lines": [tour_line.id]})
    # then it is refused, and Saleor holds no fulfilment
    assert shipped_tour.status_code == 400
    assert "Dịch vụ du lịch không gửi đi: hãy đánh dấu đã sử dụng." in shipped_tour.content.decode()
    assert in_saleor(booked).shipments == ()
    # when they mark it used
    used = minh.post(f"/portal/orders/{booked}/", {"action": "use"})
    # then Saleor holds one fulfilment of the tour without carrier or tracking number, and the page says used
    assert used.status_code == 302
    [use] = in_saleor(booked).shipments
    assert (use.tracking_number, use.carrier, use.line_quantities) == ("", "", ((tour_line.id, 1),))
    page = minh.get(f"/portal/orders/{booked}/").content.decode()
    assert "Mọi dịch vụ của bạn trong đơn này đã được sử dụng." in page and "GHN888" not in page
    assert PortalChange.objects.filter(object_id=tour_line.id).values_list("field", "after").get() == ("used", "1/1")
    if RECORD:
        PAYLOADS.write_text(json.dumps(deliveries, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(f"\nportal orders: the 3 emails sent {told_after:.1f} s after the first order was placed; shipping "
          f"answered in {ship_seconds * 1000:.0f} ms")
