"""Vietnamese typed without diacritics: the other spellings one folded query word may stand for.

Query words arrive folded (``domain.text.match_key``: no diacritics, đ → d, lower case). What is
left of the ways a shopper types Vietnamese:

- Telex keystrokes left in the text by a keyboard whose input method is off: ``nuowcs`` for
  "nước", ``mawms`` for "mắm", ``duwaf`` for "dừa" (``aa ee oo`` for â ê ô, ``aw ow uw w`` for
  ă ơ ư, ``dd`` for đ, a tone key ``s f r x j`` — or ``z``, no tone — after the vowels);
- VNI keystrokes: digits after the letters they mark, ``nu7o7c1`` for "nước", ``ma8m1`` for
  "mắm", ``du7a2`` for "dừa" (1–5 tones, 6 ^, 7 horn, 8 breve, 9 đ);
- ``y`` and ``i`` after a consonant, where both spellings occur: ``ký``/``kí``, ``lý``/``lí``,
  ``mỹ``/``mĩ``, ``quý``/``quí``.

Each function gives the folded syllable the keys stand for, or nothing when the word is not
written that way; the caller keeps only spellings the catalogue has (``vocabulary``).
"""

from __future__ import annotations

import re

# A folded Vietnamese syllable: initial consonant(s), one to three vowels, a final consonant.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
_TONE_KEYS = "sfrxjz"
_VOWELS = "aeiouy"
_TELEX_MARKS = (("dd", "d"), ("aa", "a"), ("ee", "e"), ("oo", "o"))
_VNI = re.compile(r"[a-z]+(?:[1-9]{1,2}[a-z]*)+")
_Y_OR_I = re.compile(r"(b|d|h|k|l|m|n|s|t|v|qu)([yi])")


def is_syllable(word: str) -> bool:
    return _SYLLABLE.fullmatch(word) is not None


def telex(word: str) -> str | None:
    """The syllable a Telex-typed word stands for (``nuowcs`` → ``nuoc``), or None."""
    if not word.isascii() or not word.isalpha():
        return None
    letters = word
    # the tone key: the last letter, or any tone letter after the first vowel (``nuowsc``; w is ư)
    first_vowel = next((i for i, ch in enumerate(letters) if ch in _VOWELS + "w"), None)
    if first_vowel is None:
        return None
    toned = [i for i, ch in enumerate(letters) if ch in _TONE_KEYS and i > first_vowel]
    if toned:
        i = toned[-1]
        letters = letters[:i] + letters[i + 1 :]
    for keys, letter in _TELEX_MARKS:
        letters = letters.replace(keys, letter)
    # w after a vowel marks it (ă ơ ư); a w on its own is ư
    letters = re.sub(r"(?<=[aou])w", "", letters).replace("w", "u")
    return letters if letters != word and is_syllable(letters) else None


def vni(word: str) -> str | None:
    """The syllable a VNI-typed word stands for (``nu7o7c1`` → ``nuoc``), or None."""
    if not word.isascii() or _VNI.fullmatch(word) is None:
        return None
    letters = re.sub(r"[1-9]", "", word)
    return letters if is_syllable(letters) else None


def other_y_or_i(word: str) -> str | None:
    """``ky`` for ``ki`` and back: the other way of writing a syllable ending in y/i after a consonant."""
    match = _Y_OR_I.fullmatch(word)
    if match is None:
        return None
    return match.group(1) + ("i" if match.group(2) == "y" else "y")


def undoubled(word: str) -> str:
    """The word with every doubled letter written once (``mattong`` → ``matong``)."""
    return re.sub(r"([a-z])\1+", r"\1", word)


def spellings(word: str) -> list[str]:
    """Every other folded spelling ``word`` may stand for, the likeliest first."""
    found: list[str] = []
    for decoded in (telex(word), vni(word)):
        if decoded and decoded not in found:
            found.append(decoded)
    for base in [word, *found]:
        other = other_y_or_i(base)
        if other and other not in found and other != word:
            found.append(other)
    return found
