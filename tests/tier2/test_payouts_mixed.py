"""Tier 2: a month of mixed orders in a real Saleor 3.23 — card (localstripe as Stripe), VietQR (the payOS
stand-in as payOS), cash on delivery, a card line refunded through Saleor, a service — across two producers,
whose statements add up to the đồng; then a payout run paid once even when run twice.

The orders are placed through Saleor's checkout API with the app ``ocop.market`` as the payment gateway; the
producers ship (and mark the service used) in the portal; staff grant a refund of one card line in Saleor and
ask for it to be sent (``transactionRequestRefundForGrantedRefund``): Saleor asks the app, which refunds
through Stripe, and the granted refund succeeds. ``ocop payouts catch-up`` reads the month from Saleor.

With ``OCOP_RECORD_PAYOUTS=1`` it also records Saleor's replies to the ledger's catch-up
(tests/fixtures/saleor/23_payouts_mixed.json), which tests/payouts/test_recorded_mixed.py replays.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Variant
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.payments.models import PayosTransfer
from catalog_sync.payouts.ledger import vietnam_date
from catalog_sync.payouts.models import Entry
from catalog_sync.payouts.reports import holdings
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor.catalogue import import_catalogue
from catalog_sync.saleor.shopping import Shop
from testkit import saleor_harness as harness
from tests.localstripe import CARD_OK, PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET
from tests.portal.conftest import client_factory, producer_person, two_producers  # noqa: F401
from tests.tier2.app_install import staff_install_app

from .test_payouts import MARK_PAID, paid_twice_in_one_batch, statement_json
from .test_portal_orders import COFFEE_PRODUCT, HONEY_PRODUCT, SHOPPER, TOUR, book, in_saleor, place

pytestmark = pytest.mark.django_db(transaction=True)

RECORD = os.environ.get("OCOP_RECORD_PAYOUTS") == "1"
CASSETTE = Path(__file__).resolve().parents[1] / "fixtures" / "saleor" / "23_payouts_mixed.json"

GRANT = """mutation($order: ID!, $line: ID!, $quantity: Int!, $transaction: ID!) {
  orderGrantRefundCreate(id: $order, input: {lines: [{id: $line, quantity: $quantity}], transactionId: $transaction,
                                              reason: "Hàng vỡ khi giao"}) {
    grantedRefund { id status amount { amount currency } } errors { field code message } } }"""
SEND_REFUND = """mutation($id: ID!) { transactionRequestRefundForGrantedRefund(grantedRefundId: $id) {
  transaction { id refundedAmount { amount } chargedAmount { amount } } errors { field code message } } }"""
TRANSACTION = """query($id: ID!) { transaction(id: $id) { refundedAmount { amount } } }"""
GRANTED = """query($id: ID!) { order(id: $id) { chargeStatus
  grantedRefunds { id status amount { amount } } transactions { id } } }"""


def ready_cart(url: str, lines: list[tuple[str, int]]):
    """A shopper's checkout of ``lines`` with their address and delivery chosen, not paid yet."""
    shop = Shop(SaleorClient(url, None))
    (first, quantity), *rest = lines
    cart = shop.create(first, quantity)
    for variant_id, count in rest:
        cart = shop.add(cart.id, variant_id, count)
    shop.set_email(cart.id, "an.nguyen@example.com")
    cart = shop.set_shipping_address(cart.id, SHOPPER)
    shop.set_billing_address(cart.id, SHOPPER)
    cart = shop.set_delivery(cart.id, cart.shipping_options[0].id)
    return shop, cart


def pay_by_card(url: str, lines: list[tuple[str, int]], localstripe) -> int:
    shop, cart = ready_cart(url, lines)
    started = shop.start_card_payment(cart.id, cart.total, f"card-{cart.id}")
    assert localstripe.pay(started.intent_id, CARD_OK).status_code == 200
    assert shop.process_card_payment(started.transaction_id).paid
    return int(shop.complete(cart.id).number)


def pay_by_vietqr(url: str, lines: list[tuple[str, int]], payos, account_number: str) -> int:
    shop, cart = ready_cart(url, lines)
    started = shop.start_vietqr_payment(cart.id, cart.total, f"vietqr-{cart.id}")
    assert started.data["accountNumber"] == account_number
    before = PayosTransfer.objects.filter(reported=True).count()
    payos.transfer(account_number, int(started.data["amount"]), f"{started.data['description']} chuyen tien")
    deadline = time.monotonic() + 30
    while PayosTransfer.objects.filter(reported=True).count() == before:
        assert time.monotonic() < deadline, "payOS's webhook not handled within 30 s"
        time.sleep(0.2)
    return int(shop.complete(cart.id).number)


def test_a_month_of_card_vietqr_cash_refund_and_service_orders_adds_up_to_the_dong_and_is_paid_once(
        live_server, settings, saleor_api, saleor_env, monkeypatch, two_producers,  # noqa: F811
        producer_person, make_certificate, localstripe, payos_standin):  # noqa: F811
    settings.SALEOR_API_URL = saleor_api.url
    settings.APP_PUBLIC_URL = live_server.url
    settings.PUBLIC_URL = live_server.url + "/"
    settings.SITE_PUBLIC_URL = live_server.url
    settings.STRIPE_API_BASE = localstripe.url
    settings.PAYOS_BASE_URL = payos_standin.url
    saleor_api.create_app_token("ocop-payouts-t2", permissions=(*harness.APP_PERMISSIONS, "HANDLE_PAYMENTS"))
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    make_certificate(id="LD-2025-0902", product_name=TOUR, producer="Công ty TNHH Cà phê Cầu Đất", stars=4,
                     issued_on=datetime.date(2025, 1, 20), decision_no="120/QĐ-BNNMT", province="lam-dong",
                     group="du-lich")
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as saleor:
        summary = import_catalogue(saleor, Certificate.objects.in_catalogue_on, today=vietnam_today(), demo=True)
    assert (summary.created, summary.errors) == (3, [])
    staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    # given card payments (Stripe) and VietQR transfers (payOS, its webhooks to the web service) for ocop-vn
    call_command("payments_configure_stripe", "--channel", "ocop-vn", "--secret-key", SECRET_KEY,
                 "--publishable-key", PUBLISHABLE_KEY, "--webhook-secret", WEBHOOK_SECRET, stdout=io.StringIO())
    keys, account = payos_standin.merchant(webhook_url=f"{live_server.url}/saleor/payos/ocop-vn/",
                                           payoutBalance=100_000_000)
    # (the stand-in's merchant pays out with the same keys: payOS's payout channel is sealed apart all the same)
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join([keys.api_key, keys.checksum_key] * 2) + "\n"))
    call_command("payments_configure_payos", "--channel", "ocop-vn", "--client-id", keys.client_id,
                 "--api-key", "-", "--checksum-key", "-", "--payout-client-id", keys.client_id,
                 "--payout-api-key", "-", "--payout-checksum-key", "-", stdout=io.StringIO())
    honey = Variant.objects.get(product__producer_title="HTX Ong mật Mèo Vạc")
    coffee = Variant.objects.get(product__producer_title="Công ty TNHH Cà phê Cầu Đất", product__name=COFFEE_PRODUCT)
    tour = Variant.objects.get(product__name=TOUR)
    lan = producer_person(two_producers[0], "lan@example.vn")
    minh = producer_person(two_producers[1], "minh@example.vn")
    since = timezone.now() - datetime.timedelta(seconds=1)
    # and the month's orders: both producers' goods by card; coffee by VietQR; honey cash on delivery (collected);
    # the tour booked and paid on the day
    card = pay_by_card(saleor_api.url, [(honey.id, 2), (coffee.id, 1)], localstripe)
    transfer = pay_by_vietqr(saleor_api.url, [(coffee.id, 1)], payos_standin, account["accountNumber"])
    cash = int(place(saleor_api.url, [(honey.id, 1)]))
    booked = int(book(saleor_api.url, tour.id))
    for number in (card, transfer):
        assert saleor_api.data(GRANTED, {"id": in_saleor(number).id})["order"]["chargeStatus"] == "FULL"
    ship = {card: (lan, minh), transfer: (minh,), cash: (lan,)}
    for number, people in ship.items():
        for person in people:
            answer = person.post(f"/portal/orders/{number}/", {"carrier": "GHN", "tracking_number": f"GHN{number}"})
            assert answer.status_code == 302
    assert minh.post(f"/portal/orders/{booked}/", {"action": "use"}).status_code == 302
    for number in (cash, booked):
        answer = saleor_api.graphql(MARK_PAID, {"id": in_saleor(number).id})
        assert answer["data"]["orderMarkAsPaid"]["errors"] == [], answer

    # when staff refund one of the card order's two honey jars in Saleor (a granted refund, sent to Stripe)
    card_order = in_saleor(card)
    honey_line = next(line for line in card_order.lines if line.product_name == HONEY_PRODUCT)
    (transaction,) = saleor_api.data(GRANTED, {"id": card_order.id})["order"]["transactions"]
    grant = saleor_api.data(GRANT, {"order": card_order.id, "line": honey_line.id, "quantity": 1,
                                    "transaction": transaction["id"]})["orderGrantRefundCreate"]["grantedRefund"]
    unit = int(honey_line.total) // 2
    assert (Decimal(str(grant["amount"]["amount"])), grant["status"]) == (unit, "NONE")
    saleor_api.data(SEND_REFUND, {"id": grant["id"]})
    # then Stripe gave it back and Saleor says the refund succeeded, the order still paid for what it kept
    deadline = time.monotonic() + 30
    while (state := saleor_api.data(GRANTED, {"id": card_order.id})["order"])["grantedRefunds"][0]["status"] \
            != "SUCCESS":
        assert time.monotonic() < deadline, f"the refund did not succeed within 30 s: {state}"
        time.sleep(0.3)
    refunded = saleor_api.data(TRANSACTION, {"id": transaction["id"]})["transaction"]
    assert Decimal(str(refunded["refundedAmount"]["amount"])) == unit
    assert [(r["status"], Decimal(str(r["amount"]["amount"]))) for r in state["grantedRefunds"]] == [("SUCCESS", unit)]
    assert state["chargeStatus"] == "FULL"

    # when the ledger catches up with the orders Saleor changed (twice: the second writes nothing)
    if RECORD:
        CASSETTE.unlink(missing_ok=True)
        monkeypatch.setenv("OCOP_SALEOR_RECORD", str(CASSETTE))
    out = io.StringIO()
    call_command("payouts_catch_up", "--since", since.isoformat(), "--json", stdout=out)
    monkeypatch.delenv("OCOP_SALEOR_RECORD", raising=False)
    first = json.loads(out.getvalue())
    again = io.StringIO()
    call_command("payouts_catch_up", "--since", since.isoformat(), "--json", stdout=again)
    assert '"new_entries": 0' in again.getvalue()
    # then every delivered and paid line earned once, and the refunded jar was given back once
    lines = {(number, line.product_name): int(line.total) for number in (card, transfer, cash, booked)
             for line in in_saleor(number).lines}
    assert (first["new_entries"], first["problems"]) == (6, [])
    assert sorted(first["orders_with_new_entries"]) == sorted([card, transfer, cash, booked])
    assert sorted(Entry.objects.values_list("order_number", "kind", "quantity", "gross")) == sorted([
        (card, Entry.EARNED, 2, lines[card, HONEY_PRODUCT]), (card, Entry.REVERSED, -1, -unit),
        (card, Entry.EARNED, 1, lines[card, COFFEE_PRODUCT]),
        (transfer, Entry.EARNED, 1, lines[transfer, COFFEE_PRODUCT]),
        (cash, Entry.EARNED, 1, lines[cash, HONEY_PRODUCT]), (booked, Entry.EARNED, 1, lines[booked, TOUR])])
    month = f"{vietnam_date(timezone.now()):%Y-%m}"
    h, c = statement_json("TQ-2025-0901", month), statement_json("LD-2025-0901", month)

    def commission(amount: int) -> int:
        return (amount * 8 + 50) // 100

    # and each statement adds up to the đồng: gross less refunds less commission is the net, the lines' sum
    honey_gross = lines[card, HONEY_PRODUCT] + lines[cash, HONEY_PRODUCT]
    card_commission = commission(lines[card, HONEY_PRODUCT])
    honey_commission = card_commission - (card_commission + 1) // 2 + commission(lines[cash, HONEY_PRODUCT])
    assert (h["gross"], h["refunds"], h["commission"]) == (honey_gross, unit, honey_commission)
    assert h["net"] == h["due"] == honey_gross - unit - honey_commission == sum(line["net"] for line in h["lines"])
    coffee_lines = [lines[card, COFFEE_PRODUCT], lines[transfer, COFFEE_PRODUCT], lines[booked, TOUR]]
    assert (c["gross"], c["refunds"], c["commission"]) == (sum(coffee_lines), 0,
                                                          sum(commission(x) for x in coffee_lines))
    assert c["net"] == c["due"] == sum(coffee_lines) - sum(commission(x) for x in coffee_lines)
    # and what the marketplace holds is what the two are due; what it received is what shoppers paid for the
    # producers' lines less the refund
    now = holdings(vietnam_date(timezone.now()))
    assert now.held == now.dues == h["due"] + c["due"]
    assert now.received == honey_gross + sum(coffee_lines) - unit

    # when the month is paid, twice
    # then each producer is sent their due once, in one batch
    paid_twice_in_one_batch(two_producers, month, keys, payos_standin.url,
                            {"HTX Ong mật Mèo Vạc": h["due"], "Công ty TNHH Cà phê Cầu Đất": c["due"]})
