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


def _format_characters() -> str:
    """Every invisible format character (Unicode category Cf) in the planes text uses."""
    planes = (*range(0x20000), *range(0xE0000, 0xE1000))
    return "".join(chr(code) for code in planes if unicodedata.category(chr(code)) == "Cf")


# Invisible characters that must vanish from names: every format character (category Cf:
# zero-width space and joiners, word joiner, BOM used as ZWNBSP, soft hyphen, and the
# bidirectional marks, embeddings, overrides and isolates U+200E/U+200F, U+061C,
# U+202A-U+202E and U+2066-U+2069 that make "HTX \u202egnohT\u202c" display as "HTX Thong").
# Vietnamese needs none of them: its diacritics are combining marks (category Mn), which
# NFC composes and which are kept. Control characters (category Cc) other than the
# whitespace that is collapsed anyway never belong in a name either.
FORMAT_CHARACTERS = _format_characters()
_WHITESPACE_CONTROLS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85"  # str.split() splits on them
_CONTROLS = "".join(chr(code) for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in _WHITESPACE_CONTROLS)
_INVISIBLE = dict.fromkeys(map(ord, FORMAT_CHARACTERS + _CONTROLS), None)
_TRANSLATE = {**{ord(k): v for k, v in _SPACE_LIKE.items()}, **_INVISIBLE}
_FORMAT_RUN = re.compile(f"[{re.escape(FORMAT_CHARACTERS)}]")

_NON_ALNUM_RUN = re.compile(r"[\W_]+")
# The combining diacritical marks block (every Vietnamese tone and vowel mark), removed in one pass.
_COMMON_MARKS = re.compile("[{}]+".format("".join(
    chr(code) for code in range(0x300, 0x370) if unicodedata.combining(chr(code)))))


def normalize_text(value: str) -> str:
    """NFC, no-break spaces made plain, invisible format and control characters removed,
    whitespace collapsed."""
    value = unicodedata.normalize("NFC", value).translate(_TRANSLATE)
    return " ".join(value.split())


def format_characters(value: str) -> list[str]:
    """The distinct invisible format characters ``normalize_text`` removes from ``value``, in
    order of appearance, each as "U+202E RIGHT-TO-LEFT OVERRIDE" (for notes shown to staff).

    >>> format_characters("HTX \u202egnohT\u202c")
    ['U+202E RIGHT-TO-LEFT OVERRIDE', 'U+202C POP DIRECTIONAL FORMATTING']
    """
    if _FORMAT_RUN.search(value) is None:
        return []
    found = dict.fromkeys(_FORMAT_RUN.findall(value))
    return [f"U+{ord(ch):04X} {unicodedata.name(ch, 'FORMAT CHARACTER')}" for ch in found]


def fold(value: str) -> str:
    """Search form: normalised, casefolded, diacritics stripped and đ/Đ mapped to d.

    >>> fold("Đồ uống")
    'do uong'
    """
    value = normalize_text(value).casefold().replace("đ", "d")
    stripped = _COMMON_MARKS.sub("", unicodedata.normalize("NFD", value))
    if not stripped.isascii():  # marks outside the common block (Vietnamese has none): one by one
        stripped = "".join(ch for ch in stripped if not unicodedata.combining(ch))
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
