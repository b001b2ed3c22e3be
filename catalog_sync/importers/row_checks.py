"""Checks on one row's cells that keep a bad row from reaching the registry: NUL characters,
texts longer than their registry column, dates whose term ends past the calendar; and the
summary of a run of blank rows."""

from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from catalog_sync.domain.text import match_key
from catalog_sync.domain.validity import last_valid_day, sellable_until

from .model import Skip

_match_key = lru_cache(maxsize=8192)(match_key)
Reject = Callable[[str, str], None]

NUL = "holds a NUL character (binary data, never part of a text): the row cannot be stored"


def has_nul(cells: Sequence[Any]) -> bool:
    return any(isinstance(value, str) and "\x00" in value for value in cells)


def nul_columns(cells: Sequence[Any]) -> list[int]:
    return [index for index, value in enumerate(cells) if isinstance(value, str) and "\x00" in value]


def blank_run(first: int, last: int) -> Skip:
    if first == last:
        return Skip(first, "blank row")
    return Skip(first, f"blank rows {first}-{last} ({last - first + 1:,} rows)", last_row=last)


def check_length(
    text: str, field: str, label: str, limit: int, reject: Reject, *, key: bool = False
) -> None:
    """Reject a text longer than its registry column (``key``: its folded key is stored too)."""
    # casefolding makes a character at most three: a text of a third of the limit always fits
    folded = key and limit // 3 < len(text) <= limit
    length = max(len(text), len(_match_key(text)) if folded else 0)
    if length > limit:
        reject(field, f"{label} is {length:,} characters long; the registry holds at most {limit}")


def check_term(decision_date: date | None, valid_until: date | None, reject: Reject) -> None:
    """Reject a date whose certificate would end past the calendar (31/12/9999 + 36 months)."""
    if decision_date is None:
        return
    try:
        sellable_until(valid_until or last_valid_day(decision_date))
    except (OverflowError, ValueError):
        field = "valid_until" if valid_until else "decision_date"
        day = valid_until or decision_date
        reject(field, f"{day:%d/%m/%Y} is too far ahead: the certificate's term would end after the year 9999")
