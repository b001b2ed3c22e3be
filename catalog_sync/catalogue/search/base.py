"""What every search backend offers, and the parts of a query both backends read the same way."""

from __future__ import annotations

import re
from typing import Protocol

from catalog_sync.domain.text import match_key

from .. import rows
from ..records import FacetValue, ProductRecord, SearchQuery, SearchResult, Suggestion

FACETS = ("stars", "group", "set", "province", "price_band", "in_stock")
TYPO_MIN_LENGTH = 5  # words this long tolerate one typo
MAX_QUERY_WORDS = 12  # what is read is bounded: longer queries keep their first words
MAX_WORD_LENGTH = 40  # and longer words their first letters
MAX_PER_PAGE = 100
_WORD = re.compile(r"\w+")


def query_words(text: str) -> list[str]:
    """The query's words in search form (folded, lower case), at most ``MAX_QUERY_WORDS``."""
    return [word[:MAX_WORD_LENGTH] for word in _WORD.findall(match_key(text or "")[:2000])[:MAX_QUERY_WORDS]]


def ordered_facet(facet: str, values: list[FacetValue]) -> tuple[FacetValue, ...]:
    """How a facet's choices are shown: stars high to low, price bands low to high, the rest by count."""
    if facet == "stars":
        return tuple(sorted(values, key=lambda v: -int(v.value)))
    if facet == "price_band":
        order = {key: i for i, (key, _, _) in enumerate(rows.PRICE_BANDS)}
        return tuple(sorted(values, key=lambda v: order.get(v.value, len(order))))
    return tuple(sorted(values, key=lambda v: (-v.count, v.value)))


def page_bounds(query: SearchQuery) -> tuple[int, int]:
    """(offset, limit) of the query's page; a page or size out of range is clamped, not an error."""
    per_page = min(max(query.per_page, 1), MAX_PER_PAGE)
    page = max(query.page, 1)
    return (page - 1) * per_page, per_page


class SearchBackend(Protocol):
    def search(self, query: SearchQuery) -> SearchResult: ...

    def suggest(self, text: str, *, language: str = "vi", limit: int = 8) -> list[Suggestion]: ...

    # Indexing hooks, called by catalogue.store inside its transaction.
    def index_products(self, records: list[ProductRecord]) -> None: ...

    def remove_products(self, product_ids: list[str]) -> None: ...

    def rebuild_index(self) -> None: ...
