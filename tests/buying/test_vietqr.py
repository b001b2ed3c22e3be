"""Paying by VietQR bank transfer at /checkout/pay/, against Saleor's replies recorded by
tests/tier2/test_vietqr_checkout.py (the app ocop.market installed in a real Saleor 3.23, the payOS stand-in)."""

import pytest
from django.test import Client

from . import journeys, vietqr_journey

pytestmark = pytest.mark.django_db


def test_a_shopper_pays_by_vietqr_and_gets_the_confirmation(client, replayed):
    # given the demo's goods and Saleor's replies recorded (the transfer arrived between the page and the button)
    products, _transport = replayed("21_buying_vietqr")
    # when / then: the journey (tests/buying/vietqr_journey.py)
    number, total = vietqr_journey.paid_journey(client, products.goods, transfer=lambda code: None)
    # then the browser is sent to its order's confirmation (the order Saleor placed from the paid checkout)
    assert number.isdigit() and total == journeys.price(products.goods) + journeys.SHIPPING


def test_a_forged_transfer_is_never_processed(replayed):
    # given a browser that posts a payment it did not get from the VietQR page (not signed by the shop)
    response = Client().post("/checkout/pay/", {"transfer": "VHJhbnNhY3Rpb25JdGVtOjE="})
    # then nothing is asked of Saleor, and the shopper is sent back to the payment step
    assert (response.status_code, response["Location"]) == (302, "/checkout/pay/")


def test_the_status_of_a_forged_transfer_is_refused_naming_the_parameter(replayed):
    response = Client().get("/checkout/pay/status/", {"transfer": "nope"})
    assert (response.status_code, response.json()) == (400, {"error": "transfer: not a payment of this browser"})
