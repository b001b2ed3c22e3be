"""Tier 2: a producer cancels a tourism-service line in the portal, against a real Saleor 3.23 with the app
installed and card payments through it (Stripe's stand-in).

A customer books the coffee producer's tour and pays by card; another books it cash on delivery. The coffee
producer's person cancels each (a confirmation first): the paid one becomes a granted refund of exactly that
line in Saleor (what staff see owed in the Dashboard), the unpaid one owes nothing; both read "Đã hủy" in the
portal and on the customer's order page, and each customer is emailed. Goods are never cancelled this way, and
the other producer cannot touch the tour.

With ``OCOP_RECORD_PORTAL_CANCEL=1`` it (re)records Saleor's replies to the portal's cancellations
(tests/fixtures/saleor/portal/orders/06_cancel_*.json), which tier 1 (tests/portal/test_cancel_service.py) replays.
"""

from __future__ import annotations

import datetime
import io
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Variant
from catalog_sync.core.formats import money
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import RECORD_ENV, SaleorClient
from catalog_sync.saleor.catalogue import import_catalogue
from catalog_sync.saleor.shopping import Shop
from portal.models import CancelledServiceLine
from portal.service_lines import REASON
from tests.localstripe import PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET
from tests.portal.conftest import client_factory, producer_person, two_producers  # noqa: F401
from tests.tier2.app_install import staff_install_app

from .test_payments import pay_by_card
from .test_portal_orders import COFFEE_PRODUCT, SHOPPER, TOUR, in_saleor, place

pytestmark = pytest.mark.django_db(transaction=True)

RECORD = os.environ.get("OCOP_RECORD_PORTAL_CANCEL") == "1"
CASSETTES = Path(__file__).resolve().parents[1] / "fixtures" / "saleor" / "portal" / "orders"
GRANTED = """query($id: ID!) { order(id: $id) { chargeStatus totalCharged { amount }
  grantedRefunds { amount { amount currency } reason lines { quantity orderLine { id } } } } }"""


def book_paid(url: str, variant_id: str, localstripe, saleor_api) -> int:
    """A customer's booking of the tour paid by card through the app (Stripe's stand-in); its number."""
    shop = Shop(SaleorClient(url, None))
    cart = shop.create(variant_id, 1)
    shop.set_email(cart.id, "an.nguyen@example.com")
    shop.set_billing_address(cart.id, SHOPPER)
    paid = pay_by_card(saleor_api, cart.id, localstripe)
    assert paid["process"]["transactionEvent"]["type"] == "CHARGE_SUCCESS", paid
    return int(shop.complete(cart.id).number)


def book_cash(url: str, variant_id: str) -> int:
    shop = Shop(SaleorClient(url, None))
    cart = shop.create(variant_id, 1)
    shop.set_email(cart.id, "binh.tran@example.com")
    shop.set_billing_address(cart.id, SHOPPER)
    return int(shop.complete(cart.id).number)


def recording(monkeypatch, name: str) -> None:
    if RECORD:
        path = CASSETTES / f"{name}.json"
        path.unlink(missing_ok=True)
        monkeypatch.setenv(RECORD_ENV, str(path))


def test_a_producer_cancels_a_paid_service_and_saleor_grants_the_customer_that_lines_refund(
        live_server, settings, saleor_api, saleor_env, localstripe, monkeypatch, two_producers,  # noqa: F811
        producer_person, make_certificate):  # noqa: F811
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.APP_PUBLIC_URL = live_server.url
    settings.PUBLIC_URL = live_server.url + "/"
    settings.STRIPE_API_BASE = localstripe.url
    # given the coffee producer's tour (a tourism service) and coffee in Saleor, the web service installed as
    # its app and taking cards in ocop-vn, and a person of each producer
    make_certificate(id="LD-2025-0902", product_name=TOUR, producer="Công ty TNHH Cà phê Cầu Đất", stars=4,
                     issued_on=datetime.date(2025, 1, 20), decision_no="120/QĐ-BNNMT", province="lam-dong",
                     group="du-lich")
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as saleor:
        summary = import_catalogue(saleor, Certificate.objects.in_catalogue_on, today=vietnam_today(), demo=True)
    assert (summary.created, summary.errors) == (3, [])
    staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    call_command("payments_configure_stripe", "--channel", "ocop-vn", "--secret-key", SECRET_KEY,
                 "--publishable-key", PUBLISHABLE_KEY, "--webhook-secret", WEBHOOK_SECRET, stdout=io.StringIO())
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    tour = Variant.objects.get(product__name=TOUR)
    coffee = Variant.objects.get(product__name=COFFEE_PRODUCT)
    lan = producer_person(two_producers[0], "lan@example.vn")
    minh = producer_person(two_producers[1], "minh@example.vn")
    # and a booking of the tour paid by card, one cash on delivery, and an order of coffee
    paid = book_paid(saleor_api.url, tour.id, localstripe, saleor_api)
    cash = book_cash(saleor_api.url, tour.id)
    goods = int(place(saleor_api.url, [(coffee.id, 1)]))
    [paid_line] = in_saleor(paid).lines
    [cash_line] = in_saleor(cash).lines
    [coffee_line] = in_saleor(goods).lines
    assert saleor_api.data(GRANTED, {"id": in_saleor(paid).id})["order"]["chargeStatus"] == "FULL"
    mail.outbox.clear()

    # when the coffee producer's person asks to cancel the paid tour
    recording(monkeypatch, "06_cancel_confirm")
    asked = minh.post(f"/portal/orders/{paid}/", {"cancel": paid_line.id})
    monkeypatch.delenv(RECORD_ENV, raising=False)
    # then a confirmation says the customer gets the money back, and nothing is done yet
    page = asked.content.decode()
    assert asked.status_code == 200 and 'name="confirm" value="yes"' in page
    assert f"Khách hàng đã thanh toán dịch vụ này: {money(paid_line.total)} sẽ được hoàn lại cho khách." in page
    assert not CancelledServiceLine.objects.exists()
    # when they confirm
    recording(monkeypatch, "06_cancel_paid_service")
    done = minh.post(f"/portal/orders/{paid}/", {"cancel": paid_line.id, "confirm": "yes"})
    monkeypatch.delenv(RECORD_ENV, raising=False)
    assert done.status_code == 302, done.content.decode()[-2000:]
    # then Saleor holds a granted refund of exactly that line, for its amount, with the reason
    order = saleor_api.data(GRANTED, {"id": in_saleor(paid).id})["order"]
    assert order["grantedRefunds"] == [{
        "amount": {"amount": float(paid_line.total), "currency": "VND"}, "reason": REASON,
        "lines": [{"quantity": 1, "orderLine": {"id": paid_line.id}}]}]
    assert order["totalCharged"]["amount"] == float(paid_line.total) > 0
    # and the web database records it, the portal and the customer's order page say "Đã hủy"
    record = CancelledServiceLine.objects.get(line_id=paid_line.id)
    assert (record.refund_amount, record.customer_email, record.customer_told) == (
        Decimal(paid_line.total), "an.nguyen@example.com", True)
    assert "Đã hủy" in minh.get(f"/portal/orders/{paid}/").content.decode()
    guest = Client().post("/orders/lookup/", {"email": "an.nguyen@example.com", "number": paid}).content.decode()
    assert f"{TOUR}" in guest and "Đã hủy" in guest
    # and the customer was emailed in Vietnamese: the money comes back
    [told] = mail.outbox
    assert told.to == ["an.nguyen@example.com"]
    assert told.subject == f"OCOP Market: đơn hàng #{paid}, đã hủy {TOUR}"
    refund = money(paid_line.total, language="vi")
    assert f"{refund} sẽ được hoàn lại vào thẻ hoặc tài khoản bạn đã dùng để trả." in told.body
    # and a second try changes nothing and grants nothing more
    minh.post(f"/portal/orders/{paid}/", {"cancel": paid_line.id, "confirm": "yes"})
    assert len(saleor_api.data(GRANTED, {"id": in_saleor(paid).id})["order"]["grantedRefunds"]) == 1

    # when the cash-on-delivery booking is cancelled
    mail.outbox.clear()
    recording(monkeypatch, "06_cancel_unpaid_service")
    assert minh.post(f"/portal/orders/{cash}/", {"cancel": cash_line.id, "confirm": "yes"}).status_code == 302
    monkeypatch.delenv(RECORD_ENV, raising=False)
    # then nothing is owed: no granted refund, and the customer is told so
    assert saleor_api.data(GRANTED, {"id": in_saleor(cash).id})["order"]["grantedRefunds"] == []
    assert CancelledServiceLine.objects.get(line_id=cash_line.id).refund_id == ""
    [told] = mail.outbox
    assert told.to == ["binh.tran@example.com"] and "Bạn chưa thanh toán dịch vụ này" in told.body

    # when they try to cancel their coffee (goods), and the honey producer tries to cancel the tour
    recording(monkeypatch, "06_cancel_goods_refused")
    refused = minh.post(f"/portal/orders/{goods}/", {"cancel": coffee_line.id, "confirm": "yes"})
    monkeypatch.delenv(RECORD_ENV, raising=False)
    stranger = lan.post(f"/portal/orders/{cash}/", {"cancel": cash_line.id, "confirm": "yes"})
    # then goods are refused and the other producer gets 404; nothing more is recorded
    assert refused.status_code == 400 and "Hàng hóa được gửi đi, không hủy ở đây." in refused.content.decode()
    assert stranger.status_code == 404
    assert CancelledServiceLine.objects.count() == 2
