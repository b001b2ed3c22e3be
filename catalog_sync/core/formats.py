"""How the storefront writes money, dates and stars for a shopper (Babel's CLDR data)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_currency
from django.utils.translation import get_language

_LOCALES = {"vi": "vi_VN", "en": "en_US"}


def babel_locale(language: str | None = None) -> str:
    return _LOCALES.get((language or get_language() or "vi")[:2], "vi_VN")


def money(amount: Decimal | int | None, currency: str = "VND", language: str | None = None) -> str:
    """``125.000 ₫`` in Vietnamese, ``₫125,000`` in English; VND has no minor unit."""
    if amount is None:
        return ""
    return _money(Decimal(amount), currency, babel_locale(language))


@lru_cache(maxsize=8192)  # Babel parses the locale's pattern on every call: a listing has dozens of prices
def _money(amount: Decimal, currency: str, locale: str) -> str:
    # CLDR puts a no-break space before the sign; pages keep prices on one line with CSS instead,
    # so the text is exactly what shoppers type and read: "125.000 ₫".
    return format_currency(amount, currency, locale=locale).replace("\xa0", " ")


def long_date(day: datetime.date, language: str | None = None) -> str:
    """``31/05/2026`` in Vietnamese, ``May 31, 2026`` in English."""
    if babel_locale(language) == "vi_VN":
        return f"{day:%d/%m/%Y}"
    return format_date(day, format="medium", locale=babel_locale(language))
