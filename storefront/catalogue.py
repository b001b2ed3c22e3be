"""The catalogue (``/products/``) and search (``/search/``) pages: filters, facets, sorting, pages."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from catalog_sync.catalogue.records import Sort

from . import jsonld, reading
from .cards import product_card
from .facets import filters, in_stock_count, price_bands
from .listing import SORTS, ListingState, parse_listing, with_page
from .pages import language, page, unavailable


def search_url(text: str) -> str:
    """The search page of ``text`` (under ``/en/`` on English pages)."""
    return reverse("storefront:search") + "?" + urlencode({"q": text})


@dataclass(frozen=True)
class PageLink:
    number: int
    url: str
    current: bool


@dataclass(frozen=True)
class Pagination:
    page: int
    pages: int
    previous_url: str | None
    next_url: str | None
    links: tuple[PageLink | None, ...]  # None: a gap ("…")


def pagination(state: ListingState, total: int) -> Pagination:
    pages = max(1, math.ceil(total / state.query.per_page))
    current = min(state.query.page, pages)
    numbers = sorted({1, pages, *range(max(1, current - 2), min(pages, current + 2) + 1)})
    links: list[PageLink | None] = []
    for index, number in enumerate(numbers):
        if index and number - numbers[index - 1] > 1:
            links.append(None)
        links.append(PageLink(number, state.page_url(number), number == current))
    return Pagination(
        page=current,
        pages=pages,
        previous_url=state.page_url(current - 1) if current > 1 else None,
        next_url=state.page_url(current + 1) if current < pages else None,
        links=tuple(links),
    )


def sort_labels(with_text: bool) -> list[tuple[str, str]]:
    labels = {
        "relevance": _("Best match") if with_text else _("Featured"),
        "newest": _("Newest"),
        "price": _("Price: low to high"),
        "-price": _("Price: high to low"),
        "stars": _("Stars: most first"),
    }
    return [(value, labels[value]) for value in SORTS]


def render_listing(request: HttpRequest, *, template: str, with_text: bool, default_sort: Sort = "relevance",
                   context: dict[str, Any] | None = None) -> HttpResponse:
    lang = language()
    state = parse_listing(request.GET, language=lang, default_sort=default_sort, with_text=with_text)
    query_string = request.META.get("QUERY_STRING", "")
    if not state.errors and (f"?{query_string}" if query_string else "") != state.url():
        # a filter form sends every field, empty or default ones too: one short URL per state
        return redirect(request.path + state.url())
    try:
        read = reading.search(state.query)
    except reading.CatalogueUnavailable:
        return unavailable(request)
    result = read.value
    status = 400 if state.errors else 200
    errors = list(state.errors)
    pager = pagination(state, result.total)
    if state.query.page > pager.pages:
        # a page past the end: say so, and show the way back to the first page
        errors.append(_("There is no page %(page)d: this list has %(pages)d.")
                      % {"page": state.query.page, "pages": pager.pages})
        status = 404
        state = with_page(state, 1)
    first_position = (state.query.page - 1) * state.query.per_page + 1
    corrections = []
    if with_text and state.query.text and not result.total and not read.stale:
        corrections = [(c.text, search_url(c.text)) for c in reading.corrections(state.query.text, lang)]
    cards = [product_card(record, lang) for record in result.products] if status != 404 else []
    item_list = jsonld.item_list([card.record for card in cards], request.build_absolute_uri,
                                 language=lang, first_position=first_position)
    return page(request, template, {
        "state": state,
        "search_query": state.query.text,
        "result": result,
        "cards": cards,
        "errors": errors,
        "filters": filters(result, state),
        "price_bands": price_bands(result, state),
        "in_stock_count": in_stock_count(result),
        "pagination": pager,
        "sorts": sort_labels(with_text),
        "item_list": item_list,
        "canonical_query": state.url(),
        "first_position": first_position,
        "corrections": corrections,
        **(context or {}),
    }, status=status, stale=read.stale)


@require_GET
def product_list(request: HttpRequest) -> HttpResponse:
    return render_listing(request, template="storefront/catalogue.html", with_text=False)
