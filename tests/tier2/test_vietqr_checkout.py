"""Tier 2: shoppers pay by VietQR bank transfer in a real Saleor 3.23, the app ``ocop.market`` installed and the
payOS stand-in as payOS (its webhooks to the live web service), and Saleor holds what arrived, to the đồng.

Through the web service: an order paid in full (the "Tôi đã chuyển khoản" button, no JavaScript), one underpaid
(Saleor's checkout partly charged, no order until the rest arrives), one whose request expired (a charge
failure; a new code, then cash on delivery), and one refunded by staff in Saleor (pending until finance staff
mark it transferred with the bank's reference). Then real Chromium at 360 px buys from a product page by
VietQR: the page moves on to the confirmation by itself once the transfer arrives. Run with ``-s``: the server
time of each new step is printed.

With ``OCOP_RECORD_BUYING=1`` the first journey records the Saleor replies tier 1 replays
(tests/fixtures/saleor/21_buying_vietqr.json).
"""

from __future__ import annotations

import io
import re
import time
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client

from catalog_sync.app.models import Installation
from catalog_sync.payments.models import PayosPayment, PayosTransfer, VietQRRefund
from catalog_sync.payments.payos import vietqr
from storefront.buying import session
from testkit import saleor_harness as harness
from testkit.payos_standin import PayosStandIn
from tests.buying import journeys, vietqr_journey
from tests.buying.vietqr_journey import transfer_page
from tests.tier2 import payments_setup as shop_api
from tests.tier2.app_install import staff_install_app

from . import buying_browser
from .test_buying import PRODUCTS, journey_products, saleor_order

pytestmark = pytest.mark.django_db(transaction=True)

CASSETTE = "21_buying_vietqr"


def charged(saleor_env, number: str) -> dict:
    (row,) = saleor_env.sql("SELECT total_charged_amount, charge_status FROM order_order WHERE number = %s",
                            (int(number),))
    return {"total_charged": row[0], "charge_status": row[1]}


def timed(figures: dict[str, list[float]], name: str, call):
    started = time.perf_counter()
    try:
        return call()
    finally:
        figures.setdefault(name, []).append((time.perf_counter() - started) * 1000)


def wait_reported(count: int, timeout: float = 30) -> None:
    """payOS's webhooks (sent a moment after a transfer) handled and reported to Saleor."""
    deadline = time.monotonic() + timeout
    while PayosTransfer.objects.filter(reported=True).count() < count:
        assert time.monotonic() < deadline, f"payOS's webhook not handled within {timeout} s"
        time.sleep(0.2)


def test_shoppers_pay_by_vietqr_and_saleor_holds_what_arrived_to_the_dong(
    live_server, settings, saleor_api, saleor_env, shared_data, monkeypatch, browser
):
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.APP_PUBLIC_URL = live_server.url
    settings.SITE_PUBLIC_URL = live_server.url
    payos = PayosStandIn()
    payos.start()
    figures: dict[str, list[float]] = {}
    try:
        settings.PAYOS_BASE_URL = payos.url
        # given the demo store, the app installed by staff, and payOS test keys for ocop-vn (the stand-in),
        # whose webhooks go to the web service
        call_command("demo", "--data", str(shared_data), "--json", stdout=io.StringIO(), stderr=io.StringIO())
        nodes = [e["node"] for e in saleor_api.graphql(PRODUCTS, {"channel": "ocop-vn"}, token=None)["data"]
                 ["products"]["edges"]]
        goods = sorted((n for n in nodes if n["productType"]["slug"] == "ocop-product"
                        and 8 <= n["variants"][0]["quantityAvailable"] < 49), key=lambda n: (n["variants"][0][
                            "quantityAvailable"], n["id"]))
        staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
        assert Installation.objects.count() == 1
        keys, account = payos.merchant(webhook_url=f"{live_server.url}/saleor/payos/ocop-vn/")
        out = io.StringIO()
        monkeypatch.setattr("sys.stdin", io.StringIO(f"{keys.api_key}\n{keys.checksum_key}\n"))
        call_command("payments_configure_payos", "--channel", "ocop-vn", "--client-id", keys.client_id,
                     "--api-key", "-", "--checksum-key", "-", stdout=out)
        assert keys.api_key not in out.getvalue() and keys.checksum_key not in out.getvalue()
        from catalog_sync.payments.payos import events as payos_events

        handle = payos_events.handle
        def time_webhooks() -> None:
            monkeypatch.setattr(payos_events, "handle", lambda *args: timed(
                figures, "payOS webhook → transactionEventReport (per transfer)", lambda: handle(*args)))

        time_webhooks()
        products, _transport = journey_products(monkeypatch, saleor_api, CASSETTE,
                                                [goods[0]["id"], goods[1]["id"], goods[2]["id"]])
        product = products.goods

        # when a shopper chooses VietQR at the checkout, transfers the whole amount and presses the button
        def transfer_all(code: vietqr.VietQR) -> None:
            assert code.account_number == account["accountNumber"]
            payos.transfer(account["accountNumber"], code.amount or 0, f"{code.note} chuyen tien")
            wait_reported(1)

        number, total = vietqr_journey.paid_journey(Client(), product, transfer_all,
                                                    lambda name, call: timed(figures, name, call))
        # and Saleor's order is charged in full, exactly its total
        order = saleor_order(saleor_env, number)
        assert (order["total"], order["currency"]) == (total, "VND")
        assert charged(saleor_env, number) == {"total_charged": total, "charge_status": "full"}
        session.forget_clients()
        monkeypatch.undo()  # the shop's own transport again (no recording)
        time_webhooks()
        for name, value in (("SALEOR_API_URL", saleor_api.url), ("PAYOS_BASE_URL", payos.url),
                            ("SITE_PUBLIC_URL", live_server.url)):
            setattr(settings, name, value)

        # when another shopper transfers less than the total
        short = Client()
        journeys.add(short, product, 1)
        journeys.checkout(short, payment_method="vietqr")
        page = transfer_page(short.get("/checkout/pay/"))
        payos.transfer(account["accountNumber"], 50000, page["code"].note)
        wait_reported(2)
        status = timed(figures, "status poll (/checkout/pay/status/: transactionProcess, payOS read)",
                       lambda: short.get("/checkout/pay/status/", {"transfer": page["token"]}))
        assert status.json() == {"state": "underpaid", "amountPaid": 50000}
        partly = short.post("/checkout/pay/", {"transfer": page["token"]})
        # then the page says what arrived and what is left, Saleor's checkout is partly charged, and no order yet
        assert partly.status_code == 402
        text = partly.content.decode()
        assert "Hãy chuyển nốt phần còn lại với cùng nội dung để hoàn tất thanh toán." in text
        assert re.search(r'<dd id="transfer-paid">50\.000\s*₫</dd>', text), text[:4000]
        checkout_id = session.cart_id(short.get("/cart/").wsgi_request)
        state = saleor_api.data(shop_api.CHECKOUT_STATE, {"id": checkout_id}, token=None)["checkout"]
        assert state["chargeStatus"] == "PARTIAL"
        short_payment = PayosPayment.objects.get(charged=50000)
        assert short_payment.status == "UNDERPAID"

        # when a third shopper lets the request expire
        late = Client()
        journeys.add(late, product, 1)
        journeys.checkout(late, payment_method="vietqr")
        page = transfer_page(late.get("/checkout/pay/"))
        expired_payment = PayosPayment.objects.get(order_code=int(page["code"].note.split()[-1]))
        payos.expire(expired_payment.payment_link_id)
        ended = late.post("/checkout/pay/", {"transfer": page["token"]})
        # then it is a charge failure in Saleor, and the shopper may get a new code or pay on delivery
        assert ended.status_code == 402
        assert 'id="new-code-button"' in ended.content.decode()
        events = saleor_env.sql("SELECT type FROM payment_transactionevent WHERE psp_reference = %s",
                                (expired_payment.payment_link_id,))
        assert ("charge_failure",) in events
        again = transfer_page(late.post("/checkout/pay/", {"transfer": page["token"], "again": "1"}))
        assert again["code"].note != page["code"].note
        cod = journeys.checkout(late, payment_method="cod")
        assert saleor_order(saleor_env, journeys.order_number(cod))["charge_status"] == "none"

        # when staff refund 30.000 ₫ of the first order in Saleor (an app with HANDLE_PAYMENTS asks, as the Dashboard)
        saleor_api.create_app_token("ocop-vietqr-t2", permissions=(*harness.APP_PERMISSIONS, "HANDLE_PAYMENTS"))
        (transaction_id,) = [PayosPayment.objects.get(charged=int(total)).transaction_id]
        timed(figures, "refund request (Saleor → app, recorded pending)", lambda: saleor_api.data(
            shop_api.REQUEST_ACTION, {"id": transaction_id, "type": "REFUND", "amount": "30000"}))
        refund = VietQRRefund.objects.get()
        assert (refund.amount, refund.status) == (30000, "pending")
        before = saleor_api.data(shop_api.TRANSACTION, {"id": transaction_id})["transaction"]
        assert Decimal(str(before["refundedAmount"]["amount"])) == 0
        # and finance staff transfer it back and mark it done with the bank's reference
        staff = get_user_model().objects.create_user("finance", "finance@ocop.test", "x", is_staff=True)
        staff.user_permissions.add(Permission.objects.get(codename="transfer_vietqr_refunds"))
        finance = Client()
        finance.force_login(staff)
        listed = finance.get("/staff/refunds/vietqr/")
        assert listed.status_code == 200 and refund.psp_reference in listed.content.decode()
        done = timed(figures, "refund marked transferred (transactionEventReport)", lambda: finance.post(
            "/staff/refunds/vietqr/", {"refund": refund.pk, "bank_reference": "FT26341123456"}))
        assert done.status_code == 302
        after = saleor_api.data(shop_api.TRANSACTION, {"id": transaction_id})["transaction"]
        assert Decimal(str(after["refundedAmount"]["amount"])) == Decimal(30000)
        assert Decimal(str(after["chargedAmount"]["amount"])) == total - 30000

        # when a shopper buys in Chromium at 360 px from a product page, by VietQR, and transfers from a phone
        def pay(payload: str) -> None:
            code = vietqr.parse(payload)
            payos.transfer(code.account_number, code.amount or 0, code.note)

        browser_number = buying_browser.buy(browser, live_server.url, product, "vietqr", transfer=pay)
        # then the page moved on to the confirmation by itself, and the order is charged in full
        assert charged(saleor_env, browser_number)["charge_status"] == "full"
    finally:
        payos.stop()
        session.forget_clients()
    print("\nVietQR server time per step (ms):")
    for name, values in figures.items():
        print(f"  {name}: {', '.join(f'{v:.0f}' for v in values)}")
