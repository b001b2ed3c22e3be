import math
from decimal import Decimal

import pytest

from catalog_sync.domain.stars import (
    MAX_STARS,
    MIN_CERTIFIED_STARS,
    is_certified,
    stars_from_score,
)


def test_star_constants():
    assert MIN_CERTIFIED_STARS == 3
    assert MAX_STARS == 5


@pytest.mark.parametrize(
    ("score", "stars"),
    [
        (100, 5),
        (90, 5),
        (89.99, 4),
        (70, 4),
        (69.5, 3),
        (50, 3),
        (49.999, 2),
        (30, 2),
        (29.99, 1),
        (0, 1),
        (0.0, 1),
        (Decimal("90.0"), 5),
        (Decimal("69.9"), 3),
    ],
)
def test_stars_from_score_follows_decision_148_bands(score, stars):
    assert stars_from_score(score) == stars


@pytest.mark.parametrize("score", [-0.01, -1, 100.01, 101, math.inf, -math.inf, math.nan])
def test_stars_from_score_rejects_scores_outside_0_to_100_naming_the_score(score):
    with pytest.raises(ValueError, match=r"score .* is outside 0\.\.100") as error:
        stars_from_score(score)
    assert repr(score) in str(error.value)


@pytest.mark.parametrize("score", ["85", None, True])
def test_stars_from_score_rejects_non_numbers(score):
    with pytest.raises(TypeError, match="score must be a number"):
        stars_from_score(score)


@pytest.mark.parametrize(
    ("stars", "certified"),
    [(0, False), (1, False), (2, False), (3, True), (4, True), (5, True), (6, False)],
)
def test_only_three_to_five_stars_is_certified(stars, certified):
    assert is_certified(stars) is certified
