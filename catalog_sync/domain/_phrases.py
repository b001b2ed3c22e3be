"""Whole-word phrase matching over folded text (private helper of this package).

A text is split into words twice over: with diacritics (``accent_key``) and folded
(``fold`` of each word). A ``Phrase`` is a run of words compared against one of the two,
so most phrases match with or without diacritics while a short, ambiguous word such as
"chè" (tea) can insist on its diacritics and not match "chế" (processed).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from .text import accent_key, fold, match_key


@dataclass(frozen=True)
class Words:
    accented: tuple[str, ...]
    folded: tuple[str, ...]


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    accented: bool = False

    @classmethod
    def folded(cls, text: str) -> "Phrase":
        return cls(tuple(match_key(text).split()))

    @classmethod
    def exact(cls, text: str) -> "Phrase":
        return cls(tuple(accent_key(text).split()), accented=True)


@dataclass(frozen=True)
class Hit[T]:
    start: int
    end: int
    target: T

    @property
    def length(self) -> int:
        return self.end - self.start

    def covers(self, other: "Hit[object]") -> bool:
        """True when this hit spans ``other`` and is strictly longer."""
        return self.start <= other.start and other.end <= self.end and self.length > other.length


def words(text: str) -> Words:
    accented = tuple(accent_key(text).split())
    return Words(accented, tuple(fold(word) for word in accented))


def find[T](text_words: Words, phrases: Iterable[tuple[Phrase, T]]) -> list[Hit[T]]:
    """Every occurrence of every phrase in the text, as word spans."""
    hits: list[Hit[T]] = []
    for phrase, target in phrases:
        haystack = text_words.accented if phrase.accented else text_words.folded
        size = len(phrase.words)
        if size == 0:
            continue
        for start in range(len(haystack) - size + 1):
            if haystack[start : start + size] == phrase.words:
                hits.append(Hit(start, start + size, target))
    return hits


def best[T](hits: list[Hit[T]]) -> T | None:
    """The target of the longest hit; None if there is none or the longest ones disagree."""
    if not hits:
        return None
    longest = max(hit.length for hit in hits)
    targets = {hit.target for hit in hits if hit.length == longest}
    return targets.pop() if len(targets) == 1 else None
