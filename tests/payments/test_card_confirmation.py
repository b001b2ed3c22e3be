"""TRANSACTION_PROCESS_SESSION with the card Stripe.js gave (``data: {"paymentMethodId"}``), against localstripe.

A storefront whose Stripe.js tokenises the card rather than confirming the PaymentIntent (localstripe's
card element) passes the card to ``transactionProcess``; the app confirms the intent with it, once. The
payloads are Saleor's, recorded by tests/tier2/test_payments.py; only ``data`` is this run's card.
"""

import json

import httpx
import pytest

from catalog_sync.payments.models import Payment
from tests.localstripe import CARD_3DS, CARD_DECLINED, CARD_OK, PUBLISHABLE_KEY

from .conftest import recorded_payload

pytestmark = pytest.mark.django_db


def typed_card(localstripe, number: str) -> str:
    """What localstripe's Stripe.js does with a typed card: a token made with the publishable key alone."""
    token = httpx.post(f"{localstripe.url}/v1/tokens", data={
        "card[number]": number, "card[exp_month]": "12", "card[exp_year]": "2030", "card[cvc]": "123",
        "key": PUBLISHABLE_KEY}, timeout=10).raise_for_status().json()
    return token["card"]["id"]


def process_with(saleor, card: str | None) -> dict:
    payload = {**recorded_payload("process_vnd"), "data": {"paymentMethodId": card} if card else None}
    response = saleor.post(json.dumps(payload).encode())
    assert response.status_code == 200, response.content
    return response.json()


def test_the_card_stripe_js_gave_is_charged_once_for_exactly_125000_dong(saleor, localstripe):
    # given a card payment started for a 125.000 ₫ checkout, and the shopper's card tokenised by Stripe.js
    intent_id = saleor.answer("initialize_vnd")["pspReference"]
    card = typed_card(localstripe, CARD_OK)
    # when Saleor asks the app to process the transaction with that card
    answer = process_with(saleor, card)
    # then the intent is confirmed and charged 125000 đồng, and Saleor is told so
    assert (answer["result"], answer["amount"], answer["pspReference"]) == ("CHARGE_SUCCESS", "125000", intent_id)
    intent = localstripe.intent(intent_id)
    assert (intent["status"], intent["latest_charge"]["amount"]) == ("succeeded", 125000)
    charge = intent["latest_charge"]["id"]
    # when the same card comes again (a form sent twice), or another one
    again = process_with(saleor, card)
    other = process_with(saleor, typed_card(localstripe, CARD_OK))
    # then the answer is the same and Stripe charged nothing more
    assert again == answer and other == answer
    assert localstripe.intent(intent_id)["latest_charge"]["id"] == charge
    assert Payment.objects.get(payment_intent_id=intent_id).charged_minor == 125000


def test_a_declined_card_is_a_charge_failure_with_stripes_reason_and_nothing_is_charged(saleor, localstripe):
    # given a card payment started
    intent_id = saleor.answer("initialize_vnd")["pspReference"]
    # when the shopper's card is declined
    answer = process_with(saleor, typed_card(localstripe, CARD_DECLINED))
    # then Saleor hears a failure with Stripe's reason, and the intent took nothing
    assert (answer["result"], answer["message"]) == ("CHARGE_FAILURE", "Your card was declined.")
    intent = localstripe.intent(intent_id)
    assert intent["status"] == "requires_payment_method"
    assert Payment.objects.get(payment_intent_id=intent_id).charged_minor == 0


def test_a_card_that_needs_3d_secure_asks_the_shopper_to_act_with_the_same_client_secret(saleor, localstripe):
    # given a card payment started
    started = saleor.answer("initialize_vnd")
    # when the card needs the bank's confirmation
    answer = process_with(saleor, typed_card(localstripe, CARD_3DS))
    # then Saleor hears the shopper must act, with what Stripe.js needs for it
    assert answer["result"] == "CHARGE_ACTION_REQUIRED"
    assert answer["data"] == started["data"]
    # when the shopper confirms with the bank and the storefront processes again (no card this time)
    localstripe.authenticate(started["pspReference"], started["data"]["clientSecret"])
    # then it is charged
    assert process_with(saleor, None)["result"] == "CHARGE_SUCCESS"


@pytest.mark.parametrize("given", ["tok_123", "pm_", "pm_1; DROP", 42, "card_" + "x" * 300])
def test_anything_but_a_stripe_payment_method_id_is_ignored_and_the_intent_only_read(saleor, localstripe, given):
    # given a card payment started
    intent_id = saleor.answer("initialize_vnd")["pspReference"]
    # when the process data names no PaymentMethod or card id
    payload = {**recorded_payload("process_vnd"), "data": {"paymentMethodId": given}}
    answer = saleor.post(json.dumps(payload).encode()).json()
    # then the intent is only read: it still waits for the shopper
    assert answer["result"] == "CHARGE_ACTION_REQUIRED"
    assert localstripe.intent(intent_id)["status"] == "requires_payment_method"
