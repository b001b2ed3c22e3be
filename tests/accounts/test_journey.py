"""The customer's whole journey with Saleor's recorded replies: register, the emailed confirmation, sign in,
buy cash on delivery, the order under the account, another's order not found, the guest lookup, a reset."""

import pytest
from django.test import Client

from . import journeys
from .conftest import placed_on

pytestmark = pytest.mark.django_db


def test_a_customer_registers_confirms_buys_and_finds_the_order_and_a_guest_looks_it_up(replayed, deliver_email):
    goods, transport = replayed
    # given an order a guest placed with another email
    guest_number = journeys.guest_order(goods)
    customer = Client()
    # when / then: the journeys (tests/accounts/journeys.py)
    journeys.register_and_confirm(customer, deliver_email)
    number = journeys.signed_in_journey(customer, goods, guest_number, lambda number: placed_on(transport, number))
    journeys.lookup_journey(number, guest_number, goods)
    journeys.password_reset_journey(customer, deliver_email)
    journeys.english_pages(customer)
