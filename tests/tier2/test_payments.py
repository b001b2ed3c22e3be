"""Tier 2: card payments through the app ``ocop.market`` installed in a real Saleor 3.23, localstripe as Stripe.

A storefront's calls — paymentGatewayInitialize, transactionInitialize with ``{"paymentMethod": "card"}``,
the shopper confirming the PaymentIntent with Stripe, transactionProcess — end in an order charged to
the đồng; staff's charge, refund and cancel requests reach Stripe; and a shopper who closes the tab
after paying still gets a paid checkout, from Stripe's webhook and ``transactionEventReport``.

With ``OCOP_RECORD_PAYMENTS=1`` the test (re)records what tier-1 tests replay: every payment webhook
payload Saleor sent (tests/fixtures/saleor_webhooks/payments.json) and Saleor's replies to the app's
``transactionEventReport`` (tests/fixtures/saleor/20_payments_report.json). Payloads hold no secret;
they are passed through the recorder's scrubber all the same.
"""

from __future__ import annotations

import io
import json
import os
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from catalog_sync.app.models import Installation
from catalog_sync.payments import handlers
from catalog_sync.payments.models import Payment
from catalog_sync.saleor import RECORD_ENV
from catalog_sync.saleor.recording import scrub
from testkit import saleor_harness as harness
from tests.localstripe import CARD_3DS, CARD_OK, PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET
from tests.tier2.app_install import staff_install_app

from . import payments_setup as shop_api

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "saleor"
PAYLOADS = FIXTURES.parent / "saleor_webhooks" / "payments.json"
REPORT_CASSETTE = FIXTURES / "20_payments_report.json"
RECORD = os.environ.get("OCOP_RECORD_PAYMENTS") == "1"


class PayloadRecorder:
    """Keeps each payment webhook payload the app answered, to be named by the test."""

    def __init__(self, monkeypatch):
        self.seen: list[dict] = []
        self.named: dict[str, dict] = {}
        self.taken: set[int] = set()
        answer = handlers.answer

        def recording(api_url, payload, body):
            self.seen.append(payload)
            return answer(api_url, payload, body)

        monkeypatch.setattr(handlers, "answer", recording)

    def name(self, label: str, typename: str) -> dict:
        """The first payload of ``typename`` not named yet."""
        for index, payload in enumerate(self.seen):
            if payload.get("__typename") == typename and index not in self.taken:
                self.taken.add(index)
                self.named[label] = scrub(payload)
                return payload
        raise AssertionError(f"Saleor sent no {typename} for {label}")

    def unnamed(self) -> list[str]:
        return [p.get("__typename") for index, p in enumerate(self.seen) if index not in self.taken]

    def save(self) -> None:
        if RECORD:
            PAYLOADS.write_text(json.dumps(self.named, ensure_ascii=False, indent=1) + "\n")


def wait_for(condition, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            pytest.fail(f"not within {timeout:.0f} s")
        time.sleep(0.3)
    return result


def read_transaction(api, transaction_id: str) -> dict:
    transaction = api.data(shop_api.TRANSACTION, {"id": transaction_id})["transaction"]
    print("transaction events:", json.dumps(transaction["events"]))  # shown when an assertion fails
    return transaction


def pay_by_card(api, checkout_id: str, localstripe, *, action: str | None = None, card: str = CARD_OK) -> dict:
    """A storefront's card payment: initialize, the shopper confirms with Stripe, then process.

    Choosing the flow (``action``) needs HANDLE_PAYMENTS: a server-side storefront's app token.
    """
    started = api.data(shop_api.TRANSACTION_INITIALIZE, {"id": checkout_id, "action": action,
                                                         "data": {"paymentMethod": "card"}},
                       token=None if action is None else harness.APP)
    started = started["transactionInitialize"]
    intent_id = started["data"]["paymentIntentId"]
    if card == CARD_3DS:
        assert localstripe.pay(intent_id, card).json()["status"] == "requires_action"
        localstripe.authenticate(intent_id, started["data"]["clientSecret"])
    else:
        assert localstripe.pay(intent_id, card).status_code == 200
    processed = api.data(shop_api.TRANSACTION_PROCESS, {"id": started["transaction"]["id"]},
                         token=None)["transactionProcess"]
    return {"initialize": started, "process": processed}


def test_card_payments_through_the_app_end_in_orders_charged_right(
    live_server, settings, saleor_api, saleor_env, localstripe, monkeypatch
):
    settings.SALEOR_API_URL = saleor_api.url
    settings.APP_PUBLIC_URL = live_server.url
    settings.STRIPE_API_BASE = localstripe.url
    saleor_api.create_app_token("ocop-payments-t2", permissions=(*harness.APP_PERMISSIONS, "HANDLE_PAYMENTS"))
    shop = shop_api.build_shop(saleor_api)
    recorder = PayloadRecorder(monkeypatch)

    # given the app installed by staff, and Stripe keys for both channels
    staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    assert Installation.objects.count() == 1
    for channel in ("ocop-vn", "ocop-usd"):
        call_command("payments_configure_stripe", "--channel", channel, "--secret-key", SECRET_KEY,
                     "--publishable-key", PUBLISHABLE_KEY, "--webhook-secret", WEBHOOK_SECRET, stdout=io.StringIO())

    # when a shopper pays a 125.000 ₫ checkout by card
    checkout = shop_api.new_checkout(saleor_api, shop, "ocop-vn")
    assert checkout["totalPrice"]["gross"] == {"amount": 125000.0, "currency": "VND"}
    gateway = saleor_api.data(shop_api.GATEWAY_INITIALIZE, {"id": checkout["id"]},
                              token=None)["paymentGatewayInitialize"]
    recorder.name("gateway_vnd", "PaymentGatewayInitializeSession")
    assert gateway["gatewayConfigs"] == [{"id": "ocop.market", "data": {"publishableKey": PUBLISHABLE_KEY},
                                          "errors": []}]
    paid = pay_by_card(saleor_api, checkout["id"], localstripe)
    recorder.name("initialize_vnd", "TransactionInitializeSession")
    recorder.name("process_vnd", "TransactionProcessSession")
    # then initialize answered the contract's data, and the PaymentIntent asks 125000 (no minor unit)
    started = paid["initialize"]
    assert set(started["data"]) == {"clientSecret", "publishableKey", "paymentIntentId"}
    assert started["data"]["publishableKey"] == PUBLISHABLE_KEY
    assert started["transactionEvent"]["type"] == "CHARGE_ACTION_REQUIRED"
    intent = localstripe.intent(started["data"]["paymentIntentId"])
    assert (intent["amount"], intent["currency"]) == (125000, "vnd")
    # and process settled it: charged 125.000 ₫, and the order is charged to the đồng
    assert paid["process"]["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    assert paid["process"]["transaction"]["chargedAmount"] == {"amount": 125000.0, "currency": "VND"}
    assert saleor_api.data(shop_api.CHECKOUT_STATE, {"id": checkout["id"]}, token=None)["checkout"][
        "chargeStatus"] == "FULL"
    order = saleor_api.data(shop_api.COMPLETE, {"id": checkout["id"]}, token=None)["checkoutComplete"]["order"]
    assert order["total"]["gross"] == {"amount": 125000.0, "currency": "VND"}
    assert order["totalCharged"] == {"amount": 125000.0, "currency": "VND"}
    assert order["chargeStatus"] == "FULL"

    # when staff refund 25.000 ₫ of it
    transaction_id = started["transaction"]["id"]
    saleor_api.data(shop_api.REQUEST_ACTION, {"id": transaction_id, "type": "REFUND", "amount": "25000"})
    recorder.name("refund_vnd", "TransactionRefundRequested")
    # then Stripe refunded 25000 and Saleor records it
    transaction = read_transaction(saleor_api, transaction_id)
    assert transaction["refundedAmount"] == {"amount": 25000.0, "currency": "VND"}
    assert transaction["chargedAmount"] == {"amount": 100000.0, "currency": "VND"}
    assert localstripe.intent(intent["id"])["latest_charge"]["amount_refunded"] == 25000

    # when an export buyer's $12.34 is authorised (3-D Secure) and staff capture it
    checkout = shop_api.new_checkout(saleor_api, shop, "ocop-usd")
    paid = pay_by_card(saleor_api, checkout["id"], localstripe, action="AUTHORIZATION", card=CARD_3DS)
    recorder.name("initialize_usd_authorization", "TransactionInitializeSession")
    recorder.name("process_usd_authorization", "TransactionProcessSession")
    usd_intent = localstripe.intent(paid["initialize"]["data"]["paymentIntentId"])
    assert (usd_intent["amount"], usd_intent["currency"]) == (1234, "usd")
    assert paid["process"]["transaction"]["authorizedAmount"] == {"amount": 12.34, "currency": "USD"}
    saleor_api.data(shop_api.REQUEST_ACTION, {"id": paid["initialize"]["transaction"]["id"], "type": "CHARGE",
                                              "amount": "12.34"})
    recorder.name("charge_usd", "TransactionChargeRequested")
    transaction = read_transaction(saleor_api, paid["initialize"]["transaction"]["id"])
    assert transaction["chargedAmount"] == {"amount": 12.34, "currency": "USD"}
    assert transaction["authorizedAmount"] == {"amount": 0.0, "currency": "USD"}
    assert localstripe.intent(usd_intent["id"])["status"] == "succeeded"

    # when an authorisation in đồng is cancelled by staff
    checkout = shop_api.new_checkout(saleor_api, shop, "ocop-vn")
    paid = pay_by_card(saleor_api, checkout["id"], localstripe, action="AUTHORIZATION")
    recorder.name("initialize_vnd_authorization", "TransactionInitializeSession")
    recorder.name("process_vnd_authorization", "TransactionProcessSession")
    saleor_api.data(shop_api.REQUEST_ACTION, {"id": paid["initialize"]["transaction"]["id"], "type": "CANCEL"})
    recorder.name("cancel_vnd", "TransactionCancelationRequested")
    transaction = read_transaction(saleor_api, paid["initialize"]["transaction"]["id"])
    assert transaction["canceledAmount"] == {"amount": 125000.0, "currency": "VND"}
    assert transaction["authorizedAmount"] == {"amount": 0.0, "currency": "VND"}
    assert localstripe.intent(paid["initialize"]["data"]["paymentIntentId"])["status"] == "canceled"

    # when a storefront asks the gateway for a payment method it does not take, then it is refused, naming the field
    checkout = shop_api.new_checkout(saleor_api, shop, "ocop-vn")
    refused = saleor_api.data(shop_api.TRANSACTION_INITIALIZE, {"id": checkout["id"],
                                                                "data": {"paymentMethod": "cod"}},
                              token=None)["transactionInitialize"]
    recorder.name("initialize_vnd_cod", "TransactionInitializeSession")
    assert refused["transactionEvent"]["type"] == "CHARGE_FAILURE"
    assert refused["transactionEvent"]["message"] == 'data.paymentMethod must be "card" or "vietqr"'

    # when a shopper pays and closes the tab before the storefront calls transactionProcess
    if RECORD:
        REPORT_CASSETTE.unlink(missing_ok=True)
        monkeypatch.setenv(RECORD_ENV, str(REPORT_CASSETTE))
    localstripe.send_webhooks_to(f"{live_server.url}/saleor/stripe/ocop-vn/")
    checkout = shop_api.new_checkout(saleor_api, shop, "ocop-vn")
    started = saleor_api.data(shop_api.TRANSACTION_INITIALIZE, {"id": checkout["id"],
                                                                "data": {"paymentMethod": "card"}},
                              token=None)["transactionInitialize"]
    recorder.name("initialize_vnd_tab_closed", "TransactionInitializeSession")
    assert localstripe.pay(started["data"]["paymentIntentId"]).status_code == 200
    # then Stripe's webhook tells Saleor, and the checkout is paid in full
    wait_for(lambda: saleor_api.data(shop_api.CHECKOUT_STATE, {"id": checkout["id"]}, token=None)["checkout"][
        "chargeStatus"] == "FULL")
    transaction = read_transaction(saleor_api, started["transaction"]["id"])
    assert transaction["chargedAmount"] == {"amount": 125000.0, "currency": "VND"}
    # (the app commits its own record just after Saleor answered its report)
    wait_for(lambda: Payment.objects.get(payment_intent_id=started["data"]["paymentIntentId"]).charged_minor == 125000)
    # and a late transactionProcess changes nothing (Saleor answers it without asking the app)
    processed = saleor_api.data(shop_api.TRANSACTION_PROCESS, {"id": started["transaction"]["id"]},
                                token=None)["transactionProcess"]
    assert processed["transaction"]["chargedAmount"] == {"amount": 125000.0, "currency": "VND"}
    assert recorder.unnamed() == []
    assert Decimal(str(transaction["chargedAmount"]["amount"])) == Decimal(125000)
    monkeypatch.delenv(RECORD_ENV, raising=False)
    recorder.save()
