"""Who is sellable: a product's certificate, followed through its renewals, at an instant.

Pure: standard library and this package's feed types only.

A product is sellable only while the certificate its ``ocop-certificate`` attribute names,
or a renewal that supersedes it (``supersedes`` followed forward: A <- B <- C means C renews
B renews A), is in force: ``issued_on <= Vietnam-local date <= valid_until`` and not revoked
on that date. It stops being sellable at 00:00 Vietnam time on the day after ``valid_until``,
or at 00:00 Vietnam time on ``revoked_on`` (at once when a revoked certificate has no date).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .feed import Feed, FeedCertificate

__all__ = ["REVOKED_FROM", "VIETNAM_TZ", "Verdict", "Verdicts"]

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REVOKED_FROM = "revoked from "  # in the reason of a revocation dated (shown before and after its day)


class Verdict(NamedTuple):  # a tuple: one is made per certificate id a run judges
    sellable: bool
    reason: str
    certificate: FeedCertificate | None  # the effective one, after following renewals


def _vietnam_date(name: str, moment: datetime) -> date:
    if not isinstance(moment, datetime):
        raise TypeError(f"{name} must be a datetime, got {moment!r}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {moment.isoformat()}")
    return moment.astimezone(VIETNAM_TZ).date()


def _revoked_by(certificate: FeedCertificate, today: date) -> bool:
    """Whether the certificate's revocation has taken effect on ``today``."""
    if certificate.status == "active":
        return False
    return certificate.revoked_on is None or certificate.revoked_on <= today


def _is_valid_on(certificate: FeedCertificate, today: date) -> bool:
    return not _revoked_by(certificate, today) and certificate.issued_on <= today <= certificate.valid_until


def _in_force(certificate: FeedCertificate) -> tuple[date, date | None] | None:
    """(first day, first day no longer valid) of the days the certificate can be in force, or
    None when it never is (revoked at once, or revoked from a day before it starts)."""
    end = _first_day_after(certificate.valid_until)
    if certificate.status != "active":
        if certificate.revoked_on is None:
            return None
        end = certificate.revoked_on if end is None else min(end, certificate.revoked_on)
    if end is not None and end <= certificate.issued_on:
        return None
    return certificate.issued_on, end


def _newest_first_key(item: tuple[int, FeedCertificate]) -> tuple[date, int, date, str]:
    depth, certificate = item
    return (certificate.issued_on, depth, certificate.valid_until, certificate.id)


def _chain(certificate_id: str, feed: Feed) -> list[tuple[int, FeedCertificate]]:
    """The named certificate (when in the feed) and every renewal after it, with its depth.

    Breadth-first along ``supersedes`` forward; each id is visited once, so cycles end.
    Renewals are followed even when the named certificate itself is missing from the feed.
    """
    certificates = feed.certificates
    renewals = feed.renewals
    found: list[tuple[int, FeedCertificate]] = []
    seen = {certificate_id}
    frontier = [certificate_id]
    depth = 0
    while frontier:
        following: list[str] = []
        for current in frontier:
            certificate = certificates.get(current)
            if certificate is not None:
                found.append((depth, certificate))
            for renewal in renewals.get(current, ()):
                if renewal not in seen:
                    seen.add(renewal)
                    following.append(renewal)
        frontier = following
        depth += 1
    return found


def _clean_id(certificate_id: str | None) -> str | None:
    if certificate_id is None:
        return None
    if not isinstance(certificate_id, str):
        raise TypeError(f"certificate_id must be a string or None, got {certificate_id!r}")
    return certificate_id.strip() or None


def _effective(certificate_id: str, feed: Feed, today: date) -> FeedCertificate | None:
    if certificate_id not in feed.renewals:  # never renewed (most are): the chain is itself, if known
        return feed.certificates.get(certificate_id)
    chain = _chain(certificate_id, feed)
    if not chain:
        return None
    # The newest certificate that has taken effect governs: a renewal not yet in force leaves
    # the old one in charge, but a renewal in force that is revoked or expired ends the chain.
    started = [item for item in chain if item[1].issued_on <= today]
    return max(started or chain, key=_newest_first_key)[1]


NO_CERTIFICATE = Verdict(sellable=False, reason="no certificate", certificate=None)


def _judge(cleaned: str, feed: Feed, today: date) -> Verdict:
    certificate = _effective(cleaned, feed, today)
    if certificate is None:
        return Verdict(sellable=False, reason=f"unknown certificate {cleaned}", certificate=None)
    revoked_on = certificate.revoked_on if certificate.status != "active" else None
    if _is_valid_on(certificate, today):
        reason = f"valid until {certificate.valid_until.isoformat()}"
        if revoked_on is not None:
            last_day = min(certificate.valid_until, revoked_on - timedelta(days=1))
            reason = f"valid until {last_day.isoformat()}; {REVOKED_FROM}{revoked_on.isoformat()} ({certificate.id})"
        return Verdict(sellable=True, reason=reason, certificate=certificate)
    if _revoked_by(certificate, today):
        if revoked_on is None:
            reason = f"revoked ({certificate.id})"
        else:
            reason = f"{REVOKED_FROM}{revoked_on.isoformat()} ({certificate.id})"
    elif today < certificate.issued_on:
        reason = f"not yet valid ({certificate.id})"
    else:
        reason = f"expired on {certificate.valid_until.isoformat()} ({certificate.id})"
    return Verdict(sellable=False, reason=reason, certificate=certificate)


ONE_DAY = timedelta(days=1)


def _first_day_after(day: date) -> date | None:
    return None if day == date.max else day + ONE_DAY


class Verdicts:
    """Whether a product linked to a certificate id may be sold at an instant, and why, for one
    feed; remembered per certificate id and kept current as days pass.

    A verdict depends only on the feed and the Vietnam-local date. Moving to another date
    re-judges only the ids whose renewal chain holds a certificate that starts, ends or is
    revoked in between, so a long-lived worker judges 20,000 products in milliseconds after its
    first run; a fresh ``Verdicts(feed)`` gives the same answers as a long-lived one.
    """

    def __init__(self, feed: Feed) -> None:
        self.feed = feed
        self._day: date | None = None
        self._known: dict[str, Verdict] = {}
        self._active_changes: list[date] | None = None

    def verdict(self, certificate_id: str | None, now: datetime) -> Verdict:
        return self.on(now)(certificate_id)

    def on(self, now: datetime) -> Callable[[str | None], Verdict]:
        """``verdict`` at ``now`` as a one-argument function (certificate id -> Verdict)."""
        today = _vietnam_date("now", now)
        if today != self._day:
            self._move_to(today)
        known, feed = self._known, self.feed

        def judge(certificate_id: str | None) -> Verdict:
            found = known.get(certificate_id) if certificate_id else None  # type: ignore[arg-type]
            if found is None:
                cleaned = _clean_id(certificate_id)
                if cleaned is None:
                    return NO_CERTIFICATE
                found = known.get(cleaned)
                if found is None:
                    found = known[cleaned] = _judge(cleaned, feed, today)
            return found

        return judge

    def judge_all(self, now: datetime) -> None:
        """Judge every certificate of the feed at ``now`` and find the next change after it, ahead
        of the run that asks (a fresh process does this while the run reads the catalogue)."""
        judge = self.on(now)
        for certificate_id in self.feed.certificates:
            judge(certificate_id)
        self.next_change(now)

    def next_change(self, after: datetime) -> datetime | None:
        """The earliest instant strictly after ``after`` at which a verdict can change by the clock alone.

        That is 00:00 Vietnam time on a day a certificate ends (the day after its last valid
        day, or the day its revocation takes effect) or takes effect (its first day, e.g. a
        renewal that starts after a gap): the moments a sync must run without waiting for the
        feed. A certificate valid until ``date.max`` never ends. By bisection over those days.
        """
        today = _vietnam_date("after", after)
        if self._active_changes is None:
            days: set[date] = set()
            for certificate in self.feed.certificates.values():
                span = _in_force(certificate)
                if span is not None:
                    days.add(span[0])
                    if span[1] is not None:
                        days.add(span[1])
            self._active_changes = sorted(days)
        index = bisect_right(self._active_changes, today)
        if index == len(self._active_changes):
            return None
        return datetime.combine(self._active_changes[index], time(0), tzinfo=VIETNAM_TZ)

    def _move_to(self, today: date) -> None:
        before, self._day = self._day, today
        if before is None or not self._known:
            self._known.clear()
            return
        stale = self._changed_between(min(before, today), max(before, today))
        if len(stale) * 2 > len(self._known):
            self._known.clear()
            return
        for certificate_id in stale:
            self._known.pop(certificate_id, None)

    def _changed_between(self, low: date, high: date) -> set[str]:
        """Ids whose verdict may differ between day ``low`` and day ``high``: every certificate
        starting or ending in (low, high], and every id whose renewals lead to one of them.

        One pass over the certificates with three comparisons each: cheaper than building an
        index of every boundary day for the one day change a worker sees per day."""
        certificates = self.feed.certificates
        # A certificate ends on the day after its last valid day: low < valid_until + 1 <= high.
        starting_or_ending = [
            certificate.id
            for certificate in certificates.values()
            if low < certificate.issued_on <= high
            or low <= certificate.valid_until < high
            or (certificate.revoked_on is not None and certificate.status != "active"
                and low < certificate.revoked_on <= high)
        ]
        stale: set[str] = set()
        for certificate_id in starting_or_ending:
            current: str | None = certificate_id
            while current is not None and current not in stale:  # back along supersedes
                stale.add(current)
                found = certificates.get(current)
                current = found.supersedes if found is not None else None
        return stale
