"""Paying by card at /checkout/pay/, against Saleor's replies recorded by tests/tier2/test_card_checkout.py
(the app ocop.market installed in a real Saleor 3.23, localstripe as Stripe)."""

import pytest
from django.test import Client

from storefront.buying.card import stripe_js

from . import card_journey, journeys

pytestmark = pytest.mark.django_db

STAND_IN = "http://127.0.0.1:8420"


def recorded_cards(transport) -> list[str]:
    """The cards Stripe.js gave in the recorded run, in the order the page posted them."""
    cards = [exchange["request"]["variables"]["data"]["paymentMethodId"] for exchange in transport.exchanges
             if exchange["request"]["operationName"] == "ShopTransactionProcess"
             and exchange["request"]["variables"].get("data")]
    return list(dict.fromkeys(cards))


def test_a_shopper_pays_by_card_after_a_decline_and_their_banks_step_and_a_withdrawn_product_is_never_paid_for(
        client, replayed, settings):
    # given the demo's goods, Saleor's replies recorded, and a Stripe stand-in's Stripe.js
    settings.STRIPE_API_BASE = STAND_IN
    products, transport = replayed("18_buying_card")
    cards = iter(recorded_cards(transport))
    # when / then: the journey (tests/buying/card_journey.py)
    # (the bank's 3-D Secure step is between the shopper and Stripe: Saleor's next reply says it passed)
    card_journey.card_journey(client, products, journeys.leave_read_model, lambda number: next(cards),
                              confirm_with_bank=lambda client_secret: None)


def test_the_card_step_without_a_cart_sends_the_shopper_to_the_cart_and_asks_nothing_of_saleor(replayed):
    # given a browser with no cart
    # when it opens the card step
    response = Client().get("/checkout/pay/")
    # then it is sent to the (empty) cart
    assert (response.status_code, response["Location"]) == (302, "/cart/")


def test_a_forged_payment_is_never_processed(replayed):
    # given a browser that posts a payment it did not get from the card step (not signed by the shop)
    # when it sends it
    response = Client().post("/checkout/pay/", {"payment": "VHJhbnNhY3Rpb25JdGVtOjE=", "payment_method": "pm_x"})
    # then nothing is asked of Saleor, and the shopper is sent back to the card step
    assert (response.status_code, response["Location"]) == (302, "/checkout/pay/")


def test_with_real_stripe_the_page_mounts_the_payment_element_from_stripes_origins(settings):
    # given no stand-in
    settings.STRIPE_API_BASE = None
    # then Stripe.js comes from js.stripe.com, the Payment Element is mounted, and the policy names Stripe's hosts
    script, element, sources = stripe_js()
    assert (script, element) == ("https://js.stripe.com/v3/", "payment")
    assert sources == {"script-src": ["https://js.stripe.com"],
                       "frame-src": ["https://js.stripe.com", "https://hooks.stripe.com"],
                       "connect-src": ["https://api.stripe.com"]}
