"""What every search backend offers, and the parts of a query both backends read the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Protocol

from catalog_sync.domain.text import match_key

from .. import rows
from ..records import FacetValue, ProductRecord, SearchQuery, SearchResult, Suggestion
from . import keystrokes
from .vocabulary import Vocabulary

FACETS = ("stars", "group", "set", "province", "price_band", "in_stock")
TYPO_MIN_LENGTH = 3  # query words this long tolerate one edit (Damerau: added, dropped, changed, swapped)
TWO_TYPOS_MIN_LENGTH = 8  # and words this long two
MAX_QUERY_WORDS = 12  # what is read is bounded: longer queries keep their first words
MAX_WORD_LENGTH = 40  # and longer words their first letters
MAX_PER_PAGE = 100
_WORD = re.compile(r"\w+")


def query_words(text: str) -> list[str]:
    """The query's words in search form (folded, lower case), at most ``MAX_QUERY_WORDS``."""
    return [word[:MAX_WORD_LENGTH] for word in _WORD.findall(match_key(text or "")[:2000])[:MAX_QUERY_WORDS]]


def allowed_edits(word: str) -> int:
    """How many edits a query word of this length may carry: 0 below three letters, 2 from eight."""
    if len(word) >= TWO_TYPOS_MIN_LENGTH:
        return 2
    return 1 if len(word) >= TYPO_MIN_LENGTH else 0


@dataclass(frozen=True)
class Term:
    """One word of a query as both backends match it.

    ``word`` matches a whole word or the start of one; ``spellings`` (the same word typed with
    Telex or VNI keys, or with y for i) match whole words and rank as the word itself; ``edits``
    is the number of typos tolerated in ``word``; ``prefix``: whether ``word`` may be the start
    of a longer word.
    """

    word: str
    spellings: tuple[str, ...] = ()
    edits: int = 0
    prefix: bool = True  # False for a syllable read from Telex or VNI keys: the shopper finished it


def _term(word: str, vocabulary: Vocabulary) -> list[Term]:
    others = [w for w in keystrokes.spellings(word) if w in vocabulary]
    if word in vocabulary or vocabulary.starts_a_word(word) or not vocabulary:
        return [Term(word, tuple(others), allowed_edits(word))]
    if others:  # typed with the input method off, or y for i: read as the syllable it stands for
        main, rest = others[0], others[1:]
        return [Term(main, tuple(rest), allowed_edits(main), prefix=False)]
    for candidate in (word, keystrokes.undoubled(word)):  # syllables run together
        parts = vocabulary.split(candidate)
        if parts:
            return [Term(p, tuple(w for w in keystrokes.spellings(p) if w in vocabulary), allowed_edits(p))
                    for p in parts]
    return [Term(word, (), allowed_edits(word))]


def query_terms(text: str, vocabulary: Vocabulary) -> list[Term]:
    """The query as terms: folded words, each read against the catalogue's own words."""
    terms: list[Term] = []
    for word in query_words(text):
        terms.extend(_term(word, vocabulary))
    terms = terms[:MAX_QUERY_WORDS]
    # A catalogue word followed by another is finished: matched whole (and with typos), not as the
    # start of longer words; the last word, and a word the catalogue does not have, may be cut short.
    return [replace(t, prefix=False) if t.prefix and t.word in vocabulary and i < len(terms) - 1 else t
            for i, t in enumerate(terms)]


def typo_terms_allowed(terms: list[Term]) -> int:
    """How many terms of a query one product may match by a typo alone: one in four words, two in six.

    Vietnamese syllables are so close to each other (``nuoc``/``quoc``, ``mam``/``mai``) that a
    product matching every word by a typo is almost never the one meant.
    """
    return len(terms) if len(terms) < 2 else max(1, len(terms) // 3)


def terms_phrase(terms: list[Term]) -> str:
    return " ".join(t.word for t in terms)


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
