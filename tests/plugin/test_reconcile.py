"""The plan for a sync run (reconcile.py)."""

from datetime import date, datetime

import pytest
from ocop_certification.reconcile import AttributeUpdate, Change, Plan, ProductState, plan
from ocop_certification.rules import Verdict

from .builders import cert, feed_of, utc

NOW = utc(2026, 1, 15, 3, 0)
VALID = cert("LD-2024-0001", stars=4, valid_until=date(2027, 11, 12))
EXPIRED = cert("LD-2022-0009", stars=3, issued_on=date(2022, 11, 12), valid_until=date(2025, 11, 12))
FEED = feed_of(VALID, EXPIRED)
EXPIRED_VERDICT = Verdict(sellable=False, reason="expired on 2025-11-12 (LD-2022-0009)", certificate=EXPIRED)
VALID_VERDICT = Verdict(sellable=True, reason="valid until 2027-11-12", certificate=VALID)


def product(product_id: int, certificate_id: str | None, *, withdrawn_by_us: bool = False,
            published_somewhere: bool = True, stars: int | None = None,
            valid_until: date | None = None) -> ProductState:
    if certificate_id == VALID.id:
        stars, valid_until = stars or VALID.stars, valid_until or VALID.valid_until
    elif certificate_id == EXPIRED.id:
        stars, valid_until = stars or EXPIRED.stars, valid_until or EXPIRED.valid_until
    return ProductState(product_id=product_id, certificate_id=certificate_id, withdrawn_by_us=withdrawn_by_us,
                        published_somewhere=published_somewhere, stars=stars, valid_until=valid_until)


def test_unsellable_published_product_is_withdrawn():
    # given a published product on an expired certificate
    # when planned
    result = plan([product(7, EXPIRED.id)], FEED, NOW)
    # then it is withdrawn with the verdict's reason
    assert result == Plan(withdraw=[Change(7, EXPIRED_VERDICT)], restore=[], update=[], sellable_before=1)


def test_product_unpublished_by_hand_is_never_touched():
    # given an unsellable product that staff unpublished themselves
    result = plan([product(7, EXPIRED.id, published_somewhere=False)], FEED, NOW)
    # then nothing is planned and it does not count as sellable
    assert result == Plan(withdraw=[], restore=[], update=[], sellable_before=0)


def test_product_we_withdrew_is_not_withdrawn_again():
    result = plan([product(7, EXPIRED.id, withdrawn_by_us=True, published_somewhere=False)], FEED, NOW)
    assert result == Plan(withdraw=[], restore=[], update=[], sellable_before=0)


def test_product_we_withdrew_and_staff_published_again_is_withdrawn_again():
    # given a product we withdrew, published again by hand while its certificate is still expired
    result = plan([product(7, EXPIRED.id, withdrawn_by_us=True, published_somewhere=True)], FEED, NOW)
    # then it is withdrawn again: a listing never outlives its certificate
    assert result == Plan(withdraw=[Change(7, EXPIRED_VERDICT)], restore=[], update=[], sellable_before=1)


def test_product_we_withdrew_is_restored_once_sellable():
    # given a product we withdrew, whose certificate is valid again
    result = plan([product(7, VALID.id, withdrawn_by_us=True, published_somewhere=False)], FEED, NOW)
    # then it is restored
    assert result == Plan(withdraw=[], restore=[Change(7, VALID_VERDICT)], update=[], sellable_before=0)


def test_sellable_product_unpublished_by_hand_is_never_published():
    # given a sellable product that staff unpublished (not withdrawn by us)
    result = plan([product(7, VALID.id, published_somewhere=False)], FEED, NOW)
    # then nothing happens
    assert result == Plan(withdraw=[], restore=[], update=[], sellable_before=0)


def test_sellable_published_product_needs_nothing():
    assert plan([product(7, VALID.id)], FEED, NOW) == Plan(withdraw=[], restore=[], update=[], sellable_before=1)


@pytest.mark.parametrize(
    ("certificate_id", "reason"),
    [(None, "no certificate"), ("QN-2025-9999", "unknown certificate QN-2025-9999")],
)
def test_product_without_a_known_certificate_is_withdrawn_and_its_attributes_left_alone(certificate_id, reason):
    result = plan([product(7, certificate_id, stars=4, valid_until=date(2027, 1, 1))], FEED, NOW)
    assert result == Plan(
        withdraw=[Change(7, Verdict(sellable=False, reason=reason, certificate=None))],
        restore=[],
        update=[],
        sellable_before=1,
    )


def test_attributes_follow_the_effective_certificate():
    # given a product on an expired certificate renewed with 5 stars until 2028-11-10
    renewal = cert("LD-2025-0100", stars=5, issued_on=date(2025, 11, 10), valid_until=date(2028, 11, 10),
                   supersedes=EXPIRED.id)
    feed = feed_of(VALID, EXPIRED, renewal)
    # when planned
    result = plan([product(7, EXPIRED.id)], feed, NOW)
    # then it stays sellable and its stars and last valid day are updated to the renewal's
    assert result == Plan(withdraw=[], restore=[], update=[AttributeUpdate(7, 5, date(2028, 11, 10))],
                          sellable_before=1)


def test_attributes_are_updated_even_when_the_product_is_not_sellable():
    # given an expired certificate whose attributes were never written on the product
    state = ProductState(product_id=7, certificate_id=EXPIRED.id, withdrawn_by_us=True, published_somewhere=False,
                         stars=None, valid_until=None)
    result = plan([state], FEED, NOW)
    # then only the attribute update is planned
    assert result.update == [AttributeUpdate(7, 3, date(2025, 11, 12))]
    assert (result.withdraw, result.restore) == ([], [])


def test_attributes_already_matching_are_not_updated():
    assert plan([product(7, VALID.id, stars=4, valid_until=date(2027, 11, 12))], FEED, NOW).update == []


def test_plan_lists_are_ordered_by_product_id():
    # given products in a shuffled order
    products = [product(30, EXPIRED.id), product(10, EXPIRED.id), product(20, EXPIRED.id),
                product(5, VALID.id, withdrawn_by_us=True, published_somewhere=False),
                product(1, VALID.id, withdrawn_by_us=True, published_somewhere=False)]
    # when planned / then each list is sorted by product id
    result = plan(iter(products), FEED, NOW)
    assert [change.product_id for change in result.withdraw] == [10, 20, 30]
    assert [change.product_id for change in result.restore] == [1, 5]


def test_product_listed_twice_is_refused():
    with pytest.raises(ValueError, match="product 7 is listed more than once"):
        plan([product(7, VALID.id), product(7, VALID.id)], FEED, NOW)


def test_naive_now_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        plan([product(7, VALID.id)], FEED, datetime(2026, 1, 15, 10, 0))


def test_withdraw_share_counts_against_products_sellable_before_the_run():
    # given 10 published products, 2 of them on an expired certificate, and 1 we withdrew earlier
    products = [product(i, VALID.id) for i in range(1, 9)]
    products += [product(9, EXPIRED.id), product(10, EXPIRED.id)]
    products += [product(11, EXPIRED.id, withdrawn_by_us=True, published_somewhere=False)]
    # when planned
    result = plan(products, FEED, NOW)
    # then 2 of 10 would be withdrawn: 20 %
    assert result.sellable_before == 10
    assert len(result.withdraw) == 2
    assert result.withdraw_share() == 0.2
    assert result.exceeds(0.10) is True
    assert result.exceeds(0.20) is False  # "more than" the share, not "as much as"
    assert result.exceeds(0.25) is False


def test_withdraw_share_of_an_empty_catalogue_is_zero():
    result = plan([], FEED, NOW)
    assert result == Plan(withdraw=[], restore=[], update=[], sellable_before=0)
    assert result.withdraw_share() == 0.0
    assert result.exceeds(0.0) is False


def test_exceeds_refuses_a_share_outside_zero_to_one():
    with pytest.raises(ValueError, match="between 0 and 1"):
        Plan(withdraw=[], restore=[], update=[], sellable_before=1).exceeds(10)


def test_plan_refuses_verdicts_of_another_feed():
    from ocop_certification.rules import Verdicts

    with pytest.raises(ValueError, match="another feed"):
        plan([product(7, VALID.id)], FEED, NOW, verdicts=Verdicts(feed_of(VALID)))


def test_plan_with_remembered_verdicts_equals_a_fresh_plan_on_the_next_day():
    from ocop_certification.rules import Verdicts

    # given verdicts remembered from a run the day before EXPIRED's product is checked again
    book = Verdicts(FEED)
    products = [product(1, VALID.id), product(2, EXPIRED.id), product(3, None)]
    plan(products, FEED, utc(2025, 11, 12, 3, 0), verdicts=book)
    # when planned with them the day after EXPIRED's last day
    # then the plan is the one made from scratch
    assert plan(products, FEED, NOW, verdicts=book) == plan(products, FEED, NOW)
