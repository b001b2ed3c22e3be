"""The catalogue's own words: what a mistyped, run-together or keyboard-mangled query word is read as.

Every folded word of the searchable texts (name, producer, the rest) is kept in ``SearchWord``
by the indexing hooks of both backends, marked ``named`` when it is in a product's name or its
producer's: only those are read as what a typo stands for (a description's words would bring
more noise than help). Search reads them once per catalogue version into a
``Vocabulary`` held in the process (a set, a sorted list for prefixes, and a table of one- and
two-letter deletions for typo neighbours: the symmetric-delete method, so finding the words
one or two edits away costs a few dictionary look-ups, not a scan).

Edits are Damerau's (optimal string alignment): a letter added, dropped or changed, or two
neighbouring letters swapped, each one edit.
"""

from __future__ import annotations

import bisect
import logging
import threading
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from django.db import connection

from .. import cache, models

log = logging.getLogger(__name__)

_WORDS = models.SearchWord._meta.db_table
_PRODUCT = models.Product._meta.db_table
MIN_TYPO_TARGET = 3  # a typo is read as a catalogue word of three letters or more
_ONSET_PAIRS = {"ch", "gh", "kh", "nh", "ph", "th", "ng"}  # two letters that begin a syllable together
_TWO_EDIT_TARGET = 6  # words this long are indexed for two edits (a query of eight letters may drop two)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (optimal string alignment), or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _deletions(word: str, depth: int) -> set[str]:
    found = {word}
    for n in range(1, depth + 1):
        if len(word) - n < 1:
            break
        found.update("".join(word[i] for i in range(len(word)) if i not in gone)
                     for gone in combinations(range(len(word)), n))
    return found


class Vocabulary:
    """``words``: every catalogue word; ``named``: those a typo may stand for (all of them when None)."""

    def __init__(self, words: Iterable[str], named: Iterable[str] | None = None) -> None:
        self.words = frozenset(w for w in words if w)
        self.sorted = sorted(self.words)
        self._deleted: dict[str, list[str]] = defaultdict(list)
        for word in self.words if named is None else set(named):
            if len(word) < MIN_TYPO_TARGET:
                continue
            for variant in _deletions(word, 2 if len(word) >= _TWO_EDIT_TARGET else 1):
                self._deleted[variant].append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def starts_a_word(self, prefix: str) -> bool:
        """Some catalogue word begins with ``prefix`` (or is it)."""
        i = bisect.bisect_left(self.sorted, prefix)
        return i < len(self.sorted) and self.sorted[i].startswith(prefix)

    def neighbours(self, word: str, edits: int) -> list[str]:
        """The named words of three letters or more at most ``edits`` edits from ``word`` (not itself)."""
        if edits <= 0:
            return []
        candidates: set[str] = set()
        for variant in _deletions(word, edits):
            candidates.update(self._deleted.get(variant, ()))
        candidates.discard(word)
        return sorted(
            (w for w in candidates if edit_distance(word, w, edits) <= edits),
            key=lambda w: (edit_distance(word, w, edits), w),
        )

    def nearest(self, word: str, edits: int = 2, limit: int = 5) -> list[str]:
        """Up to ``limit`` catalogue words closest to ``word``: fewest edits, same first letter, same length."""
        found = self.neighbours(word, edits)
        found.sort(key=lambda w: (edit_distance(word, w, edits), w[:1] != word[:1], abs(len(w) - len(word)), w))
        return found[:limit]

    def split(self, word: str, *, max_parts: int = 4) -> list[str] | None:
        """``word`` as catalogue words run together (``nuocmam`` → nuoc, mam), the last one maybe cut short.

        Fewest parts first; among those, the fewest consonant pairs cut in two (``hat|hao`` cuts the
        ``th`` of ``ha|thao``); then the longest first part. None when it does not split.
        """
        n = len(word)
        if n < 2 or n > 40:
            return None
        best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
        best[n] = (0, 0, [])
        for start in range(n - 1, -1, -1):
            options = []
            for end in range(n, start, -1):
                part = word[start:end]
                rest = best[end]
                if rest is None:
                    continue
                if part in self.words or (end == n and start > 0 and len(part) >= 2 and self.starts_a_word(part)):
                    cut = bool(rest[2]) and (part[-1] + rest[2][0][0]) in _ONSET_PAIRS
                    options.append((rest[0] + 1, rest[1] + cut, [part, *rest[2]]))
            if options:
                best[start] = min(options, key=lambda option: option[:2])
        parts = best[0][2] if best[0] is not None else None
        if parts is None or len(parts) < 2 or len(parts) > max_parts:
            return None
        return parts


_EMPTY = Vocabulary(())


class _Loaded(threading.local):
    def __init__(self) -> None:
        self.key: tuple[str, str] | None = None
        self.vocabulary: Vocabulary = _EMPTY


_loaded = _Loaded()


def current() -> Vocabulary:
    """The vocabulary of the catalogue as it is now (read again when the catalogue changes)."""
    try:
        version = cache.version()
    except Exception:  # the cache being down: read the words every time rather than guess
        log.warning("search vocabulary: no catalogue version; reading the words", exc_info=True)
        version = None
    key = (str(connection.settings_dict["NAME"]), version or "")
    if version is None or _loaded.key != key:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT word, named FROM {_WORDS}")  # noqa: S608  (table name from the model)
            found = cursor.fetchall()
            _loaded.vocabulary = Vocabulary((word for word, _ in found), named=(word for word, named in found if named))
        _loaded.key = key
    return _loaded.vocabulary


COLLECT = f"""
INSERT INTO {_WORDS} (word, length, named)
SELECT u.lexeme, length(u.lexeme), bool_or(u.weights && ARRAY['A', 'B'])
FROM {_PRODUCT} p CROSS JOIN LATERAL unnest(p.document) AS u
WHERE length(u.lexeme) BETWEEN 1 AND 100 AND %s
GROUP BY u.lexeme
ON CONFLICT (word) DO UPDATE SET named = {_WORDS}.named OR excluded.named
"""  # noqa: S608  (table names from the models)


def collect(product_ids: list[str] | None) -> None:
    """Keep every word of these products' texts (of every product when None), and whether it is named."""
    where, params = ("p.id = ANY(%s)", [product_ids]) if product_ids is not None else ("TRUE", [])
    with connection.cursor() as cursor:
        cursor.execute(COLLECT.replace("%s", where), params)


def rebuild() -> None:
    models.SearchWord.objects.all().delete()
    collect(None)
