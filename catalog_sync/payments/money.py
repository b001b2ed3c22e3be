"""Saleor's decimal amounts ⇄ a gateway's integer amounts in the currency's smallest unit (Stripe's, payOS's).

Stripe's zero-decimal currencies (VND among them: 125.000 ₫ is ``125000``) and three-decimal ones
are listed by Stripe (https://docs.stripe.com/currencies#zero-decimal); every other currency has
two decimals (USD 12.34 is ``1234``).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

ZERO_DECIMAL = frozenset({
    "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF",
    "XPF",
})
THREE_DECIMAL = frozenset({"BHD", "JOD", "KWD", "OMR", "TND"})


class AmountError(ValueError):
    """An amount Stripe cannot be asked for (names the amount and the currency)."""


def decimals(currency: str) -> int:
    code = currency.upper()
    if code in ZERO_DECIMAL:
        return 0
    if code in THREE_DECIMAL:
        return 3
    return 2


def to_minor(amount: Decimal | str | int | float, currency: str) -> int:
    """``125000`` for 125.000 VND, ``1234`` for USD 12.34; refuses fractions the currency does not have."""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        raise AmountError(f"amount {amount!r} is not a number") from None
    if not value.is_finite() or value <= 0:
        raise AmountError(f"amount {amount!r} {currency} must be positive")
    scaled = value.scaleb(decimals(currency))
    if scaled != scaled.to_integral_value():
        raise AmountError(f"amount {amount} {currency} has more decimals than {currency} has "
                          f"({decimals(currency)})")
    return int(scaled)


def from_minor(minor: int, currency: str) -> Decimal:
    """The decimal amount Saleor expects: ``Decimal("125000")`` VND, ``Decimal("12.34")`` USD."""
    places = decimals(currency)
    return Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def amount_text(amount: Decimal, currency: str) -> str:
    """As Saleor holds it in that currency: ``125000`` đồng, ``12.34`` dollars."""
    try:
        return str(from_minor(to_minor(amount, currency), currency))
    except AmountError:
        return str(amount)
