"""Saleor's synchronous payment webhooks, answered by the app against a real localstripe."""

import datetime
import json

import pytest
from django.utils import timezone

from catalog_sync.payments.models import ActionAnswer, Payment
from tests.app.conftest import SigningKey
from tests.localstripe import CARD_3DS, CARD_DECLINED, PUBLISHABLE_KEY, SECRET_KEY

from .conftest import recorded_payload

pytestmark = pytest.mark.django_db


def test_gateway_initialize_answers_the_channels_publishable_key_and_never_the_secret(saleor):
    # when a storefront initializes the gateway ocop.market for an ocop-vn checkout
    answer = saleor.answer("gateway_vnd")
    # then it gets the publishable key only
    assert answer == {"data": {"publishableKey": PUBLISHABLE_KEY}}
    assert SECRET_KEY not in str(answer)


def test_initialize_makes_a_payment_intent_of_125000_dong_and_answers_the_contracts_data(saleor, localstripe):
    # given Saleor asks to initialize a 125.000 ₫ card payment
    payload = recorded_payload("initialize_vnd")
    assert (payload["action"]["amount"], payload["action"]["currency"]) == (125000, "VND")
    # when the app answers
    answer = saleor.answer("initialize_vnd")
    # then the storefront gets what Stripe.js needs, and the PaymentIntent asks exactly 125000 đồng
    assert answer["result"] == "CHARGE_ACTION_REQUIRED"
    assert answer["amount"] == "125000"
    assert set(answer["data"]) == {"clientSecret", "publishableKey", "paymentIntentId"}
    assert answer["pspReference"] == answer["data"]["paymentIntentId"]
    intent = localstripe.intent(answer["data"]["paymentIntentId"])
    assert (intent["amount"], intent["currency"], intent["client_secret"]) == (
        125000, "vnd", answer["data"]["clientSecret"])
    assert intent["metadata"]["saleor_transaction_id"] == payload["transaction"]["id"]
    assert SECRET_KEY not in str(answer)


def test_initialize_in_dollars_asks_stripe_for_cents_and_authorises_only(saleor, localstripe):
    answer = saleor.answer("initialize_usd_authorization")
    assert (answer["result"], answer["amount"]) == ("AUTHORIZATION_ACTION_REQUIRED", "12.34")
    intent = localstripe.intent(answer["data"]["paymentIntentId"])
    assert (intent["amount"], intent["currency"], intent["capture_method"]) == (1234, "usd", "manual")


def test_a_confirmed_card_payment_is_settled_by_process(saleor, localstripe):
    # given a PaymentIntent the shopper confirmed with Stripe
    started = saleor.answer("initialize_vnd")
    assert localstripe.pay(started["pspReference"]).status_code == 200
    # when the storefront calls transactionProcess
    answer = saleor.answer("process_vnd")
    # then Saleor is told 125.000 ₫ was charged, and may refund it
    assert answer == {"pspReference": started["pspReference"], "result": "CHARGE_SUCCESS", "amount": "125000",
                      "actions": ["REFUND"]}
    assert Payment.objects.get().charged_minor == 125000


def test_a_declined_card_is_a_charge_failure_with_stripes_reason_and_may_be_retried(saleor, localstripe):
    started = saleor.answer("initialize_vnd")
    assert localstripe.pay(started["pspReference"], card=CARD_DECLINED).status_code == 402
    answer = saleor.answer("process_vnd")
    assert (answer["result"], answer["amount"], answer["message"]) == (
        "CHARGE_FAILURE", "125000", "Your card was declined.")
    assert answer["data"]["clientSecret"] == started["data"]["clientSecret"]
    assert Payment.objects.get().charged_minor == 0


def test_a_card_needing_3d_secure_asks_for_action_then_is_authorised(saleor, localstripe):
    # given a card that needs 3-D Secure
    started = saleor.answer("initialize_usd_authorization")
    assert localstripe.pay(started["pspReference"], card=CARD_3DS).json()["status"] == "requires_action"
    # when the storefront processes before the shopper authenticated
    waiting = saleor.answer("process_usd_authorization")
    # then the shopper is asked to act, with what Stripe.js needs
    assert waiting["result"] == "AUTHORIZATION_ACTION_REQUIRED"
    assert waiting["data"]["clientSecret"] == started["data"]["clientSecret"]
    # and once authenticated, $12.34 is authorised
    localstripe.authenticate(started["pspReference"], started["data"]["clientSecret"])
    answer = saleor.answer("process_usd_authorization")
    assert (answer["result"], answer["amount"], answer["actions"]) == (
        "AUTHORIZATION_SUCCESS", "12.34", ["CHARGE", "CANCEL"])


def test_staff_capture_an_authorised_payment(saleor, localstripe):
    started = saleor.answer("initialize_usd_authorization")
    localstripe.pay(started["pspReference"])
    saleor.answer("process_usd_authorization")
    answer = saleor.answer("charge_usd")
    assert (answer["result"], answer["amount"], answer["pspReference"]) == (
        "CHARGE_SUCCESS", "12.34", started["pspReference"])
    intent = localstripe.intent(started["pspReference"])
    assert (intent["status"], intent["latest_charge"]["amount"]) == ("succeeded", 1234)


def test_staff_cancel_an_authorisation(saleor, localstripe):
    started = saleor.answer("initialize_vnd_authorization")
    localstripe.pay(started["pspReference"])
    assert saleor.answer("process_vnd_authorization")["result"] == "AUTHORIZATION_SUCCESS"
    answer = saleor.answer("cancel_vnd")
    assert (answer["result"], answer["amount"]) == ("CANCEL_SUCCESS", "125000")
    assert localstripe.intent(started["pspReference"])["status"] == "canceled"


def test_staff_refund_part_of_a_charge(saleor, localstripe):
    started = saleor.answer("initialize_vnd")
    localstripe.pay(started["pspReference"])
    saleor.answer("process_vnd")
    assert recorded_payload("refund_vnd")["action"]["amount"] == 25000
    answer = saleor.answer("refund_vnd")
    assert (answer["result"], answer["amount"]) == ("REFUND_SUCCESS", "25000")
    assert answer["pspReference"].startswith("re_")
    assert localstripe.intent(started["pspReference"])["latest_charge"]["amount_refunded"] == 25000
    assert Payment.objects.get().refunded_minor == 25000


def test_a_refund_request_delivered_twice_refunds_once(saleor, localstripe):
    started = saleor.answer("initialize_vnd")
    localstripe.pay(started["pspReference"])
    saleor.answer("process_vnd")
    body = saleor.body("refund_vnd")
    first = saleor.post(body).json()
    # when Saleor delivers the same request again
    again = saleor.post(body).json()
    # then it gets the same answer and Stripe refunded 25.000 ₫ once
    assert again == first
    assert localstripe.intent(started["pspReference"])["latest_charge"]["amount_refunded"] == 25000
    assert ActionAnswer.objects.count() == 1


def test_initialize_asked_twice_for_one_transaction_makes_one_payment_intent(saleor, localstripe):
    # (two deliveries: Saleor asks again for the same transaction, at another moment)
    first = saleor.answer("initialize_vnd")
    again = saleor.answer("initialize_vnd")
    assert again["pspReference"] == first["pspReference"]
    assert again["data"] == first["data"]
    assert Payment.objects.count() == 1


def test_card_and_vietqr_are_the_only_payment_methods_the_gateway_takes(saleor):
    assert recorded_payload("initialize_vnd_cod")["data"] == {"paymentMethod": "cod"}
    answer = saleor.answer("initialize_vnd_cod")
    assert (answer["result"], answer["amount"], answer["message"]) == (
        "CHARGE_FAILURE", "125000", 'data.paymentMethod must be "card" or "vietqr"')
    assert Payment.objects.count() == 0


@pytest.mark.parametrize("forge", ["other key", "altered body", "no signature"])
def test_a_payment_webhook_not_signed_by_saleor_is_refused_and_stripe_is_not_asked(saleor, localstripe, forge):
    body = saleor.body("initialize_vnd")
    signature = {
        "other key": SigningKey("key-1").sign(body),
        "altered body": saleor.fake_saleor.keys[0].sign(body.replace(b"125000", b"1")),
        "no signature": "",
    }[forge]
    response = saleor.post(body, signature=signature)
    assert response.status_code == 401
    assert Payment.objects.count() == 0


def test_a_channel_without_stripe_keys_gets_no_card_payments(saleor):
    from catalog_sync.payments.models import StripeAccount

    StripeAccount.objects.filter(channel_slug="ocop-vn").delete()
    assert saleor.answer("gateway_vnd") == {"data": {"error": "card payments are not set up for channel ocop-vn"}}
    answer = saleor.answer("initialize_vnd")
    assert (answer["result"], answer["message"]) == (
        "CHARGE_FAILURE", "card payments are not set up for channel ocop-vn")


@pytest.mark.parametrize(("started_by", "processed_by", "request_label"), [
    ("initialize_vnd", "process_vnd", "refund_vnd"),
    ("initialize_usd_authorization", "process_usd_authorization", "charge_usd"),
    ("initialize_vnd_authorization", "process_vnd_authorization", "cancel_vnd"),
], ids=["refund", "charge", "cancel"])
def test_a_request_for_a_transaction_we_never_started_is_refused_even_when_it_names_our_payment_intent(
        saleor, localstripe, started_by, processed_by, request_label):
    # given a shopper's card payment of ours, paid
    started = saleor.answer(started_by)
    localstripe.pay(started["pspReference"])
    saleor.answer(processed_by)
    before = localstripe.intent(started["pspReference"])
    # when a request arrives for another transaction (another app's) that names our PaymentIntent
    payload = recorded_payload(request_label)
    payload["transaction"] = {"id": "VHJhbnNhY3Rpb25JdGVtOmFub3RoZXItYXBwcw==", "pspReference": started["pspReference"]}
    response = saleor.post(json.dumps(payload).encode())
    # then it is refused, Stripe changed nothing, and the refusal is recorded
    prefix = {"refund_vnd": "REFUND", "charge_usd": "CHARGE", "cancel_vnd": "CANCEL"}[request_label]
    assert response.status_code == 200
    assert response.json()["result"] == f"{prefix}_FAILURE"
    assert response.json()["message"] == "no card payment of this store is behind this transaction"
    after = localstripe.intent(started["pspReference"])
    assert (after["status"], after["latest_charge"]["captured"], after["latest_charge"]["amount_refunded"]) == (
        before["status"], before["latest_charge"]["captured"], before["latest_charge"]["amount_refunded"])
    [recorded] = ActionAnswer.objects.filter(transaction_id="VHJhbnNhY3Rpb25JdGVtOmFub3RoZXItYXBwcw==")
    assert recorded.answer == response.json()


def test_a_payment_webhook_issued_too_long_ago_is_refused_and_stripe_is_not_asked(saleor, localstripe, settings):
    settings.APP_WEBHOOK_MAX_AGE = 300
    # given a signed initialize Saleor issued six minutes ago (replayed)
    issued = (timezone.now() - datetime.timedelta(minutes=6)).isoformat()
    response = saleor.post(saleor.body("initialize_vnd", issued_at=issued))
    assert response.status_code == 400
    assert response.json() == {"error": {"message": "the payment webhook was issued too long ago"}}
    assert Payment.objects.count() == 0


def test_a_payment_webhook_without_issued_at_is_refused(saleor, localstripe):
    payload = recorded_payload("initialize_vnd")
    del payload["issuedAt"]
    response = saleor.post(json.dumps(payload).encode())
    assert (response.status_code, response.json()) == (400, {"error": {"message": "issuedAt is missing"}})
    assert Payment.objects.count() == 0


def test_a_replayed_payment_webhook_is_refused_the_second_time(saleor, localstripe):
    # given a signed process request with a card, handled once
    started = saleor.answer("initialize_vnd")
    body = saleor.body("process_vnd")
    assert saleor.post(body).status_code == 200
    # when the very same signed body comes again
    again = saleor.post(body)
    # then it is refused and nothing more happened
    assert (again.status_code, again.json()) == (409, {"error": {"message": "the payment webhook was already handled"}})
    assert Payment.objects.get().payment_intent_id == started["pspReference"]
