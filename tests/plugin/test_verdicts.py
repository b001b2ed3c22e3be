"""Verdicts remembered per feed and kept current as days pass (rules.Verdicts)."""

import random
from datetime import date, datetime, time, timedelta

import pytest
from ocop_certification import rules
from ocop_certification.rules import VIETNAM_TZ, Verdicts

from .builders import cert, feed_of, next_change, utc, verdict

START = date(2026, 1, 1)


def vietnam(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=VIETNAM_TZ)


def random_feed(rng: random.Random, size: int = 60):
    """Certificates with chains, gaps, revocations (dated or not), cycles, dangling supersedes and one never
    ending."""
    certificates = []
    for index in range(size):
        issued_on = START + timedelta(days=rng.randrange(-40, 40))
        valid_until = date.max if index == 0 else issued_on + timedelta(days=rng.randrange(0, 60))
        supersedes = None
        roll = rng.random()
        if roll < 0.35 and index:
            supersedes = f"C-{rng.randrange(0, size)}"  # a renewal (sometimes a cycle or itself)
        elif roll < 0.45:
            supersedes = f"GONE-{index}"  # renews a certificate that left the feed
        revoked = rng.random() < 0.2
        # half the revocations are dated (some before the certificate starts, some after it ends)
        revoked_on = issued_on + timedelta(days=rng.randrange(-10, 70)) if revoked and rng.random() < 0.5 else None
        certificates.append(cert(f"C-{index}", stars=3 + index % 3, issued_on=issued_on, valid_until=valid_until,
                                 status="revoked" if revoked else "active", supersedes=supersedes,
                                 revoked_on=revoked_on))
    return feed_of(*certificates)


@pytest.mark.parametrize("seed", range(12))
def test_remembered_verdicts_equal_fresh_ones_on_every_day_in_any_order(seed):
    # given a random feed and ids both known and unknown (and blank)
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    feed = random_feed(rng)
    ids = [*feed.certificates, *(f"GONE-{i}" for i in range(60)), "NOPE", " C-3 ", "", None]
    book = Verdicts(feed)
    # when it is asked on days moving forwards, backwards and jumping, at any hour
    days = [START + timedelta(days=offset) for offset in range(-45, 105)]
    days += rng.sample(days, 40)
    for day in days:
        now = vietnam(day, rng.choice([0, 10, 23]))
        # then every verdict and the next change equal the ones computed from scratch
        assert [book.verdict(i, now) for i in ids] == [verdict(i, feed, now) for i in ids], day
        assert book.next_change(now) == next_change(feed, now), day


def test_moving_to_the_next_day_rejudges_only_the_chains_that_start_or_end(monkeypatch):
    # given 100 products' certificates; A-5 ends on 2026-01-15 and is renewed by B-5 from 2026-01-16
    certificates = [cert(f"A-{i}", issued_on=date(2024, 1, 1), valid_until=date(2027, 1, 1)) for i in range(100)]
    certificates[5] = cert("A-5", issued_on=date(2023, 1, 15), valid_until=date(2026, 1, 15))
    certificates.append(cert("B-5", issued_on=date(2026, 1, 16), valid_until=date(2029, 1, 16), supersedes="A-5"))
    feed = feed_of(*certificates)
    book = Verdicts(feed)
    for i in range(100):
        book.verdict(f"A-{i}", utc(2026, 1, 15, 3, 0))
    judged: list[str] = []
    original = rules._judge
    monkeypatch.setattr(rules, "_judge", lambda cleaned, *rest: judged.append(cleaned) or original(cleaned, *rest))
    # when all 100 are asked again on the next day
    after = [book.verdict(f"A-{i}", utc(2026, 1, 15, 17, 0)) for i in range(100)]
    # then only A-5 was judged again, and it now follows its renewal
    assert judged == ["A-5"]
    assert after[5] == verdict("A-5", feed, utc(2026, 1, 15, 17, 0))
    assert after[5].certificate.id == "B-5"


@pytest.mark.parametrize("seed", range(4))
def test_verdicts_judged_ahead_answer_without_judging_again_and_as_fresh_ones_do(seed, monkeypatch):
    # given a random feed judged ahead of the run at an instant (as a fresh process does while it reads the catalogue)
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    feed = random_feed(rng)
    now = vietnam(START + timedelta(days=rng.randrange(-20, 60)))
    book = Verdicts(feed)
    book.judge_all(now)
    judged: list[str] = []
    original = rules._judge
    monkeypatch.setattr(rules, "_judge", lambda cleaned, *rest: judged.append(cleaned) or original(cleaned, *rest))
    # when every certificate of the feed and the next change are asked at that instant
    answers = [book.verdict(i, now) for i in feed.certificates]
    # then none is judged again, and each answer is the one computed from scratch
    assert judged == []
    monkeypatch.undo()
    assert answers == [verdict(i, feed, now) for i in feed.certificates]
    assert book.next_change(now) == next_change(feed, now)


def test_a_never_ending_certificate_schedules_no_change():
    feed = feed_of(cert("A-1", issued_on=date(2025, 1, 1), valid_until=date.max))
    assert next_change(feed, utc(2026, 1, 15, 3, 0)) is None
    assert Verdicts(feed).next_change(utc(2026, 1, 15, 3, 0)) is None


def test_naive_instants_are_refused():
    book = Verdicts(feed_of(cert()))
    with pytest.raises(ValueError, match="timezone-aware"):
        book.verdict("LD-2024-0001", datetime(2026, 1, 15, 10, 0))
    with pytest.raises(ValueError, match="timezone-aware"):
        book.next_change(datetime(2026, 1, 15, 10, 0))
