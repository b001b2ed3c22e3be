""""Did you mean": the queries to offer when a search found nothing, made of the catalogue's own words.

A query finds nothing when a word of it is too far from every catalogue word (more edits than
its length allows) or when its words never meet in one product. For the first, each such word
is replaced by the nearest catalogue words (two edits at most); for the second, one word is left
out. Only queries that do find products are offered, written as the top product's name writes
those words (with their diacritics, or its English name's under ``/en/``), at most ``limit``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import product

from catalog_sync.domain.text import accent_key, match_key

from .. import rows
from ..records import ProductRecord, SearchQuery
from . import vocabulary as words
from .base import SearchBackend, Term, query_terms

_NEAREST = 4  # catalogue words tried per word that matched nothing
_TRIED = 8  # candidate queries searched at most
_COMBINATIONS = 64


@dataclass(frozen=True)
class Correction:
    text: str  # as shown and searched: "nước mắm"
    total: int  # how many products it finds


def _as_typed(term: Term, vocabulary: words.Vocabulary) -> bool:
    return term.word in vocabulary or vocabulary.starts_a_word(term.word) or bool(term.spellings)


def _candidates(terms: list[Term], vocabulary: words.Vocabulary) -> list[list[str]]:
    """Queries to try: each word not found as typed replaced by the nearest catalogue words (the
    fewest edits first), then the query with one word left out."""
    options: list[list[tuple[int, str]]] = []
    for term in terms:
        if _as_typed(term, vocabulary):
            options.append([(0, term.word)])
        else:
            near = [w for w in vocabulary.nearest(term.word, edits=2, limit=_NEAREST) if len(w) >= 2]
            options.append([(words.edit_distance(term.word, w, 2), w) for w in near])
    if math.prod(len(o) for o in options) > _COMBINATIONS:  # many words to mend: the nearest of each only
        options = [o[:1] for o in options]
    tried: list[list[str]] = []
    if any(len(o) != 1 or o[0][0] for o in options) and all(options):
        combos = sorted(product(*options), key=lambda combo: sum(edits for edits, _ in combo))
        tried.extend([w for _, w in combo] for combo in combos[:_TRIED])
    if len(terms) > 1:
        kept = [[w for j, t in enumerate(terms) if j != i for w in [t.word]] for i in range(len(terms))]
        tried.extend(kept)
    return tried[: _TRIED + len(terms)]


def _written_as(words_: list[str], record: ProductRecord, language: str) -> str:
    """The words as the product's name writes them (diacritics, đ), the others as typed."""
    shown: dict[str, str] = {}
    names = [record.name_en, record.name] if language == "en" else [record.name]
    for name in reversed([n for n in names if n]):
        shown.update(zip(match_key(name).split(), accent_key(name).split(), strict=False))
    return " ".join(shown.get(w, w) for w in words_)


def did_you_mean(backend: SearchBackend, text: str, *, language: str = "vi", limit: int = 3) -> list[Correction]:
    """Up to ``limit`` queries near ``text`` that find products, the closest first."""
    vocabulary = words.current()
    terms = query_terms(text, vocabulary)
    found: list[Correction] = []
    for candidate in _candidates(terms, vocabulary):
        result = backend.search(SearchQuery(text=" ".join(candidate), per_page=1))
        if not result.total or not result.products:
            continue
        top = result.products[0]
        if not set(candidate) <= set(match_key(" ".join(rows.search_texts(top).values())).split()):
            continue  # found through typos again: not a spelling the catalogue has
        shown = _written_as(candidate, top, language)
        if all(c.text != shown for c in found):
            found.append(Correction(text=shown, total=result.total))
        if len(found) >= limit:
            break
    return found
