from decimal import Decimal

import pytest

from catalog_sync.payments.money import AmountError, from_minor, to_minor


@pytest.mark.parametrize(("amount", "currency", "minor"), [
    ("125000", "VND", 125000),  # 125.000 ₫: the đồng has no minor unit
    (Decimal("125000.000"), "VND", 125000),
    ("12.34", "USD", 1234),
    ("12.3", "usd", 1230),
    ("1000", "JPY", 1000),
    ("1.234", "KWD", 1234),
])
def test_amounts_go_to_stripe_in_the_currencys_smallest_unit(amount, currency, minor):
    assert to_minor(amount, currency) == minor


@pytest.mark.parametrize(("minor", "currency", "amount"), [
    (125000, "VND", Decimal("125000")),
    (1234, "USD", Decimal("12.34")),
    (1200, "USD", Decimal("12.00")),
])
def test_amounts_come_back_to_saleor_as_decimals(minor, currency, amount):
    assert from_minor(minor, currency) == amount
    assert str(from_minor(minor, currency)) == str(amount)


@pytest.mark.parametrize(("amount", "currency", "message"), [
    ("125000.5", "VND", "amount 125000.5 VND has more decimals than VND has (0)"),
    ("12.345", "USD", "amount 12.345 USD has more decimals than USD has (2)"),
    ("0", "VND", "amount '0' VND must be positive"),
    ("-5", "USD", "amount '-5' USD must be positive"),
    ("abc", "USD", "amount 'abc' is not a number"),
])
def test_an_amount_stripe_cannot_take_is_refused_naming_it(amount, currency, message):
    with pytest.raises(AmountError) as refused:
        to_minor(amount, currency)
    assert str(refused.value) == message
