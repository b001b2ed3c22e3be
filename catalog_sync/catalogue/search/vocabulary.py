"""The catalogue's own words: what a mistyped, run-together or keyboard-mangled query word is read as.

Every folded word of the searchable texts (name, producer, the rest) is kept in ``SearchWord``
by the indexing hooks of both backends, marked ``named`` when it is in a product's name or its
producer's: only those are read as what a typo stands for (a description's words would bring
more noise than help). Search reads them into a ``Vocabulary`` held in the process, again only
when a word was added (a set, a sorted list for prefixes, and a table of one-letter
deletions for typo neighbours: the symmetric-delete method, so finding the words
one edit away costs a few dictionary look-ups, not a scan; two edits, allowed in words of eight
letters or more, are looked for among the long words of about that length).

Edits are Damerau's (optimal string alignment): a letter added, dropped or changed, or two
neighbouring letters swapped, each one edit.
"""

from __future__ import annotations

import bisect
import logging
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from django.core.cache import cache as django_cache
from django.db import connection, transaction

from .. import models

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
        self.words: frozenset[str] = frozenset()
        self.named: frozenset[str] = frozenset()
        self.sorted: list[str] = []
        self._deleted: dict[str, list[str]] = defaultdict(list)  # one letter deleted -> named words
        self._long: dict[int, list[str]] = {}  # length -> named words of six letters or more
        words = frozenset(w for w in words if w)
        self.extend(words, words if named is None else frozenset(named))

    def extend(self, words: frozenset[str], named: frozenset[str]) -> None:
        """Add words (and named words) to the vocabulary; only the new ones cost anything."""
        self.words = self.words | words
        self.sorted = sorted(self.words)
        for word in named - self.named:
            if len(word) < MIN_TYPO_TARGET:
                continue
            for variant in _deletions(word, 1):
                self._deleted[variant].append(word)
            if len(word) >= _TWO_EDIT_TARGET:
                self._long.setdefault(len(word), []).append(word)
        self.named = self.named | named

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
        for variant in _deletions(word, 1):
            candidates.update(self._deleted.get(variant, ()))
        if edits >= 2:  # two edits: long words only, read by length (few: syllables have at most seven letters)
            for length in range(len(word) - edits, len(word) + edits + 1):
                candidates.update(self._long.get(length, ()))
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
        self.checked = 0.0
        self.vocabulary: Vocabulary = _EMPTY


_loaded = _Loaded()
_VERSION_KEY = "catalogue:words"
_VERSION_TTL = 1.0  # a new word written by another process is read within a second


def _version_key() -> str:
    return f"{_VERSION_KEY}:{connection.settings_dict['NAME']}"


def _words_changed() -> None:
    _loaded.checked = 0.0  # this process reads the version again at once
    try:
        django_cache.set(_version_key(), uuid.uuid4().hex, None)
    except Exception:  # the cache being down must never stop a write
        log.warning("search vocabulary: could not mark the words changed", exc_info=True)


def _words_version() -> str | None:
    """The version of the words (changed only when a word is added or becomes named), or None."""
    try:
        version = django_cache.get(_version_key())
        if version is None:
            django_cache.add(_version_key(), uuid.uuid4().hex, None)
            version = django_cache.get(_version_key())
        return str(version) if version is not None else None
    except Exception:
        log.warning("search vocabulary: no version of the words; reading them", exc_info=True)
        return None


def current() -> Vocabulary:
    """The catalogue's words as they are now.

    Kept in the process under a version of the words, which changes only when a write adds a
    word (most product edits add none); reading them again extends what is kept (words are only
    ever added, except by a rebuild, which starts afresh).
    """
    database = str(connection.settings_dict["NAME"])
    now = time.monotonic()
    if _loaded.key is not None and _loaded.key[0] == database and now - _loaded.checked < _VERSION_TTL:
        return _loaded.vocabulary
    version = _words_version()
    key = (database, version or "")
    if version is None or _loaded.key != key:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT word, named FROM {_WORDS}")  # noqa: S608  (table name from the model)
            found = cursor.fetchall()
        words = frozenset(word for word, _ in found)
        named = frozenset(word for word, is_named in found if is_named)
        kept = _loaded.vocabulary
        if _loaded.key is not None and _loaded.key[0] == database and kept.words <= words and kept.named <= named:
            kept.extend(words, named)
        else:
            _loaded.vocabulary = Vocabulary(words, named)
        _loaded.key = key
    _loaded.checked = now if version is not None else 0.0
    return _loaded.vocabulary


COLLECT = f"""
INSERT INTO {_WORDS} (word, length, named)
SELECT u.lexeme, length(u.lexeme), bool_or(u.weights && ARRAY['A', 'B'])
FROM {_PRODUCT} p CROSS JOIN LATERAL unnest(p.document) AS u
WHERE length(u.lexeme) BETWEEN 1 AND 100 AND %s
GROUP BY u.lexeme
ON CONFLICT (word) DO UPDATE SET named = TRUE WHERE excluded.named AND NOT {_WORDS}.named
"""  # noqa: S608  (table names from the models)


def collect(product_ids: list[str] | None) -> None:
    """Keep every word of these products' texts (of every product when None), and whether it is named."""
    where, params = ("p.id = ANY(%s)", [product_ids]) if product_ids is not None else ("TRUE", [])
    with connection.cursor() as cursor:
        cursor.execute(COLLECT.replace("%s", where), params)
        added = cursor.rowcount
    if added:  # a new word, or a word newly named: searches read the words again
        _words_changed()
        transaction.on_commit(_words_changed)


def rebuild() -> None:
    models.SearchWord.objects.all().delete()
    collect(None)
    _words_changed()
    transaction.on_commit(_words_changed)
