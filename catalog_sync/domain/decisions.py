"""Which level of government issued a recognition decision, read from the issuer's name.

OCOP products are recognised by a district People's Committee (3★, until the districts
were abolished on 1 July 2025), a provincial one (4★, and 3★ since) or the Ministry of
Agriculture (5★): "Bộ Nông nghiệp và Phát triển nông thôn" until 1 March 2025, "Bộ Nông
nghiệp và Môi trường" since, written "Bộ NN&PTNT", "Bộ NN và PTNT", "BNN&PTNT" and the like.

The authority is read from the words that open its name (after "Chủ tịch" or "Quyết định
của"), on the accented text: folded, "Bố Trạch" (a district) and "Bộ" (a ministry) are both
"bo", so the ministry is only recognised by the accented word "Bộ" or by its abbreviations,
never by a place name that happens to fold to the same letters.
"""

import enum

from . import _phrases
from ._phrases import Phrase
from .provinces import resolve_province


class IssuerLevel(enum.StrEnum):
    DISTRICT = "district"
    PROVINCE = "province"
    CENTRAL = "central"


def _folded(*texts: str) -> tuple[Phrase, ...]:
    return tuple(Phrase.folded(text) for text in texts)


# Words opening the name that are not the authority itself.
_PREAMBLE = (
    Phrase.exact("quyết định của"),
    *_folded("quyet dinh cua", "cua", "chu tich", "pho chu tich", "ct"),
)
_COMMITTEE = _folded("ủy ban nhân dân", "uỷ ban nhân dân", "ubnd", "hội đồng nhân dân", "hdnd")
_MINISTRY = (
    Phrase.exact("bộ"),  # only accented: "bố", "bồ", "bổ" open place names
    *_folded("bnn", "bnnptnt", "bnn ptnt", "bnnmt", "bnn mt", "bo nn", "bo nong nghiep", "bo truong"),
    *_folded("thủ tướng", "chính phủ", "trung ương", "quốc gia", "ttg"),
)
_DISTRICT = _folded("huyện", "quận", "thị xã", "tx")
_PROVINCE = _folded("tỉnh")
_CITY = _folded("thành phố", "tp")


def _skip(words: _phrases.Words, start: int, phrases: tuple[Phrase, ...]) -> int:
    """The position after the longest of ``phrases`` found at ``start`` (``start`` if none)."""
    hits = [hit for hit in _phrases.find(words, ((p, 0) for p in phrases)) if hit.start == start]
    return max((hit.end for hit in hits), default=start)


def level_from_issuer(issuer: str) -> IssuerLevel | None:
    """DISTRICT, PROVINCE or CENTRAL from the issuing authority's name; None when the name
    does not say.

    >>> level_from_issuer("UBND huyện Bố Trạch")
    <IssuerLevel.DISTRICT: 'district'>
    >>> level_from_issuer("Bộ NN&PTNT")
    <IssuerLevel.CENTRAL: 'central'>
    """
    words = _phrases.words(issuer)
    position = 0
    while (after := _skip(words, position, _PREAMBLE)) > position:
        position = after
    if _skip(words, position, _MINISTRY) > position:
        return IssuerLevel.CENTRAL
    position = _skip(words, position, _COMMITTEE)
    if _skip(words, position, _DISTRICT) > position:
        return IssuerLevel.DISTRICT
    if _skip(words, position, _PROVINCE) > position:
        return IssuerLevel.PROVINCE
    after_city = _skip(words, position, _CITY)
    if after_city > position:
        # a centrally-run city (Hà Nội, Huế, ...) is a province; any other city is a district
        province = resolve_province(" ".join(words.accented[after_city:]))
        return IssuerLevel.PROVINCE if province is not None and province.is_city else IssuerLevel.DISTRICT
    return None
