"""Text normalisation and folding for Vietnamese names.

``normalize_text`` cleans text for storage and display; ``fold`` and ``match_key`` produce
keys for search and for comparing names written in different ways (NFC or decomposed
Unicode, with or without diacritics, any case, odd spacing and punctuation).
"""

import re
import unicodedata

# Characters that render as a space but are not ASCII spaces. (str.split() already treats
# them as whitespace; they are listed so the intent is explicit and independent of that.)
_SPACE_LIKE = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u202f": " ",  # narrow no-break space
}
# Invisible characters that must vanish: zero-width space/joiners, word joiner, BOM used as
# ZWNBSP, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATE = {**{ord(k): v for k, v in _SPACE_LIKE.items()}, **_INVISIBLE}

_NON_ALNUM_RUN = re.compile(r"[\W_]+")


def normalize_text(value: str) -> str:
    """NFC, no-break spaces made plain, zero-width characters removed, whitespace collapsed."""
    value = unicodedata.normalize("NFC", value).translate(_TRANSLATE)
    return " ".join(value.split())


def fold(value: str) -> str:
    """Search form: normalised, casefolded, diacritics stripped and đ/Đ mapped to d.

    >>> fold("Đồ uống")
    'do uong'
    """
    value = normalize_text(value).casefold().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def match_key(value: str) -> str:
    """Comparison key: ``fold`` with every run of non-alphanumerics made one space.

    >>> match_key("Công ty TNHH  Trà Vinh FARM")
    'cong ty tnhh tra vinh farm'
    """
    return _NON_ALNUM_RUN.sub(" ", fold(value)).strip()


def accent_key(value: str) -> str:
    """Like ``match_key`` but keeping diacritics (NFC): tells "chè" (tea) from "chế".

    Not part of the public API contract; used by the matchers in this package.
    """
    value = normalize_text(value).casefold()
    return _NON_ALNUM_RUN.sub(" ", value).strip()
