"""OCOP star levels (Decision 148/QĐ-TTg, 2023).

Score out of 100: 90-100 five stars, 70-<90 four, 50-<70 three, 30-<50 two, <30 one.
Only three stars and up is certified and may carry the OCOP mark.
"""

MIN_CERTIFIED_STARS = 3
MAX_STARS = 5

# (lowest score for the level, stars), highest first.
_THRESHOLDS = ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1))


def stars_from_score(score: float) -> int:
    """Star level for an evaluation score in 0..100; ValueError outside that range."""
    if isinstance(score, bool | str):
        raise TypeError(f"score must be a number, got {score!r}")
    try:
        in_range = 0 <= score <= 100  # False for NaN
    except TypeError:
        raise TypeError(f"score must be a number, got {score!r}") from None
    if not in_range:
        raise ValueError(f"score {score!r} is outside 0..100")
    for lowest, stars in _THRESHOLDS:
        if score >= lowest:
            return stars
    raise AssertionError("unreachable")  # pragma: no cover


def is_certified(stars: int) -> bool:
    """True for the certified levels, 3 to 5 stars."""
    return MIN_CERTIFIED_STARS <= stars <= MAX_STARS
