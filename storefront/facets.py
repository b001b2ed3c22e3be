"""The filter panel of a listing: each filter's choices with the count of products beside it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalog_sync.catalogue.records import FacetValue, SearchResult
from catalog_sync.core.formats import money
from catalog_sync.domain.groups import GROUPS, PRODUCT_SETS
from catalog_sync.domain.provinces import PROVINCES

from .listing import STAR_LEVELS, ListingState
from .names import group_name, province_name, set_name


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    count: int
    selected: bool
    input_id: str


@dataclass(frozen=True)
class Filter:
    parameter: str  # the query-string parameter the choices set
    legend: str
    choices: tuple[Choice, ...]


def choices_html(choices: tuple[Choice, ...], parameter: str) -> SafeString:
    """The checkboxes of one filter, each with its count (built here: a panel has dozens)."""
    return format_html_join(
        "",
        '<div class="choice"><input type="checkbox" id="{}" name="{}" value="{}"{}>'
        ' <label for="{}">{} <span class="count">({})</span></label></div>',
        ((c.input_id, parameter, c.value, SafeString(" checked") if c.selected else "", c.input_id, c.label,
          str(c.count)) for c in choices),
    )


@dataclass(frozen=True)
class PriceBand:
    label: str
    count: int
    url: str
    selected: bool


def _counts(values: tuple[FacetValue, ...] | None) -> dict[str, int]:
    return {value.value: value.count for value in values or ()}


def _choices(parameter: str, options: list[tuple[str, str]], counts: dict[str, int], selected: set[str],
             *, keep_empty: bool) -> tuple[Choice, ...]:
    return tuple(
        Choice(value, label, counts.get(value, 0), value in selected, f"f-{parameter}-{value}")
        for value, label in options
        if keep_empty or counts.get(value, 0) > 0 or value in selected
    )


def filters(result: SearchResult, state: ListingState) -> tuple[Filter, ...]:
    query = state.query
    facets = result.facets
    groups = set(query.groups)
    set_options = [(s.slug, set_name(s.slug)) for s in PRODUCT_SETS if not groups or s.group_slug in groups]
    stars_label = [(str(n), ngettext("%(stars)d star", "%(stars)d stars", n) % {"stars": n}) for n in STAR_LEVELS]
    province_options = sorted(((p.slug, province_name(p.slug)) for p in PROVINCES), key=lambda item: item[1])
    return (
        Filter("stars", _("Stars"), _choices("stars", stars_label, _counts(facets.get("stars")),
                                             {str(n) for n in query.stars}, keep_empty=True)),
        Filter("group", _("Product group"), _choices(
            "group", [(g.slug, group_name(g.slug)) for g in GROUPS], _counts(facets.get("group")), groups,
            keep_empty=True)),
        Filter("set", _("Product set"), _choices("set", set_options, _counts(facets.get("set")), set(query.sets),
                                                 keep_empty=False)),
        Filter("province", _("Province"), _choices("province", province_options, _counts(facets.get("province")),
                                                   set(query.provinces), keep_empty=False)),
    )


def in_stock_count(result: SearchResult) -> int:
    return _counts(result.facets.get("in_stock")).get("1", 0)


def _band_bounds(key: str) -> tuple[Decimal, Decimal | None] | None:
    """A price band key as its bounds: ``"100000-200000"`` is 100.000 ₫ up to, not including, 200.000 ₫."""
    low, sep, high = key.partition("-")
    if not sep:
        return None
    try:
        return Decimal(low or 0), (Decimal(high) if high else None)
    except InvalidOperation:
        return None


def price_bands(result: SearchResult, state: ListingState) -> tuple[PriceBand, ...]:
    """The price facet's bands as links; a band sets ``price_min`` and ``price_max`` (both included)."""
    bands = []
    for value in result.facets.get("price_band", ()):
        bounds = _band_bounds(value.value)
        if bounds is None or (value.count == 0 and not _selected(state, *bounds)):
            continue
        low, high = bounds
        if high is None:
            label = _("from %(price)s") % {"price": money(low)}
        elif low == 0:
            label = _("under %(price)s") % {"price": money(high)}
        else:
            label = f"{money(low)} – {money(high)}"
        url = state.url(price_min=str(int(low)), price_max=None if high is None else str(int(high) - 1), page=None)
        bands.append(PriceBand(label, value.count, url, _selected(state, low, high)))
    return tuple(bands)


def _selected(state: ListingState, low: Decimal, high: Decimal | None) -> bool:
    return state.query.price_min == low and state.query.price_max == (None if high is None else high - 1)
