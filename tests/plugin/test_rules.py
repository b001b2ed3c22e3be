"""Who is sellable: certificates, renewals and Vietnam-time boundaries (rules.py)."""

from datetime import date, datetime

import pytest
from ocop_certification.rules import VIETNAM_TZ, Verdict, Verdicts

from .builders import cert, feed_of, next_change, utc, verdict

NOW = utc(2026, 1, 15, 3, 0)  # 10:00 on 2026-01-15 in Vietnam


def test_vietnam_tz_is_ho_chi_minh():
    assert str(VIETNAM_TZ) == "Asia/Ho_Chi_Minh"


def test_valid_certificate_is_sellable():
    # given an active certificate valid until 2027-11-12
    certificate = cert("LD-2024-0001")
    # when judged on 2026-01-15
    result = verdict("LD-2024-0001", feed_of(certificate), NOW)
    # then it is sellable with its own certificate
    assert result == Verdict(sellable=True, reason="valid until 2027-11-12", certificate=certificate)


def test_certificate_expiring_today_is_sellable_until_235959_vietnam_time():
    # given a certificate whose last valid day is 2026-01-15
    certificate = cert("LD-2023-0007", issued_on=date(2023, 1, 15), valid_until=date(2026, 1, 15))
    feed = feed_of(certificate)
    # when judged at 23:59:59 Vietnam time (16:59:59Z) / then still sellable
    assert verdict("LD-2023-0007", feed, utc(2026, 1, 15, 16, 59, 59)) == Verdict(
        sellable=True, reason="valid until 2026-01-15", certificate=certificate
    )
    # when judged at 00:00 the next day Vietnam time (17:00:00Z) / then expired
    assert verdict("LD-2023-0007", feed, utc(2026, 1, 15, 17, 0, 0)) == Verdict(
        sellable=False, reason="expired on 2026-01-15 (LD-2023-0007)", certificate=certificate
    )


def test_certificate_that_expired_yesterday_is_not_sellable():
    # given a last valid day of 2026-01-14
    certificate = cert("LD-2023-0008", issued_on=date(2023, 1, 14), valid_until=date(2026, 1, 14))
    # when judged on 2026-01-15 / then expired, naming the last valid day
    assert verdict("LD-2023-0008", feed_of(certificate), NOW) == Verdict(
        sellable=False, reason="expired on 2026-01-14 (LD-2023-0008)", certificate=certificate
    )


def test_revoked_certificate_is_not_sellable_even_within_its_dates():
    # given a revoked certificate still inside its validity dates
    certificate = cert("LD-2024-0002", status="revoked")
    # when judged / then revoked
    assert verdict("LD-2024-0002", feed_of(certificate), NOW) == Verdict(
        sellable=False, reason="revoked (LD-2024-0002)", certificate=certificate
    )


def test_certificate_becomes_sellable_at_midnight_vietnam_time_on_its_issue_day():
    # given a certificate issued on 2026-01-16
    certificate = cert("LD-2026-0001", issued_on=date(2026, 1, 16), valid_until=date(2029, 1, 16))
    feed = feed_of(certificate)
    # when judged one second before 00:00 Vietnam time / then not yet valid
    assert verdict("LD-2026-0001", feed, utc(2026, 1, 15, 16, 59, 59)) == Verdict(
        sellable=False, reason="not yet valid (LD-2026-0001)", certificate=certificate
    )
    # when judged at 00:00 Vietnam time / then sellable
    assert verdict("LD-2026-0001", feed, utc(2026, 1, 15, 17, 0, 0)).sellable is True


def test_product_follows_a_valid_renewal_of_its_expired_certificate():
    # given A expired and B renewing it (B.supersedes = A)
    old = cert("LD-2022-0001", stars=3, issued_on=date(2022, 11, 12), valid_until=date(2025, 11, 12))
    renewal = cert("LD-2025-0100", stars=5, issued_on=date(2025, 11, 10), valid_until=date(2028, 11, 10),
                   supersedes="LD-2022-0001")
    # when a product linked to A is judged
    result = verdict("LD-2022-0001", feed_of(old, renewal), NOW)
    # then it is sellable through the renewal
    assert result == Verdict(sellable=True, reason="valid until 2028-11-10", certificate=renewal)


def test_old_certificate_keeps_product_sellable_until_its_renewal_starts():
    # given A valid through 2026-05-31 and its renewal B starting 2026-06-01
    old = cert("LD-2023-0001", issued_on=date(2023, 5, 31), valid_until=date(2026, 5, 31))
    renewal = cert("LD-2026-0200", issued_on=date(2026, 6, 1), valid_until=date(2029, 6, 1),
                   supersedes="LD-2023-0001")
    feed = feed_of(old, renewal)
    # when judged before the renewal starts / then A keeps it sellable
    assert verdict("LD-2023-0001", feed, NOW) == Verdict(
        sellable=True, reason="valid until 2026-05-31", certificate=old
    )
    # when judged at 00:00 Vietnam time on 2026-06-01 / then the renewal takes over without a gap
    assert verdict("LD-2023-0001", feed, utc(2026, 5, 31, 17, 0)) == Verdict(
        sellable=True, reason="valid until 2029-06-01", certificate=renewal
    )


def test_gap_between_expiry_and_renewal_reports_the_expired_certificate_until_the_renewal_starts():
    # given A ended 2026-05-31 and its renewal B starts only on 2026-06-10
    old = cert("LD-2023-0001", issued_on=date(2023, 5, 31), valid_until=date(2026, 5, 31))
    renewal = cert("LD-2026-0200", issued_on=date(2026, 6, 10), valid_until=date(2029, 6, 10),
                   supersedes="LD-2023-0001")
    # when judged on 2026-06-05 / then not sellable: the certificate in force has expired
    assert verdict("LD-2023-0001", feed_of(old, renewal), utc(2026, 6, 5, 3, 0)) == Verdict(
        sellable=False, reason="expired on 2026-05-31 (LD-2023-0001)", certificate=old
    )
    # and from the renewal's first day it is sellable again
    assert verdict("LD-2023-0001", feed_of(old, renewal), utc(2026, 6, 9, 17, 0)).sellable


def test_chain_of_two_renewals_leads_to_the_newest_valid_certificate():
    # given A <- B <- C, with A and B expired and C valid
    a = cert("LD-2019-0001", issued_on=date(2019, 1, 10), valid_until=date(2022, 1, 10))
    b = cert("LD-2022-0001", issued_on=date(2022, 1, 5), valid_until=date(2025, 1, 5), supersedes="LD-2019-0001")
    c = cert("LD-2025-0001", issued_on=date(2025, 1, 3), valid_until=date(2028, 1, 3), supersedes="LD-2022-0001")
    feed = feed_of(a, b, c)
    # when products linked to A or B are judged / then both sell under C
    expected = Verdict(sellable=True, reason="valid until 2028-01-03", certificate=c)
    assert verdict("LD-2019-0001", feed, NOW) == expected
    assert verdict("LD-2022-0001", feed, NOW) == expected


def test_renewals_are_followed_forward_only():
    # given A (valid) <- B (revoked)
    a = cert("LD-2024-0001")
    b = cert("LD-2025-0001", status="revoked", issued_on=date(2025, 6, 1), valid_until=date(2028, 6, 1),
             supersedes="LD-2024-0001")
    # when a product linked to B is judged / then A, which B replaced, does not rescue it
    assert verdict("LD-2025-0001", feed_of(a, b), NOW) == Verdict(
        sellable=False, reason="revoked (LD-2025-0001)", certificate=b
    )


def test_a_revoked_renewal_ends_the_chain_even_while_the_older_certificate_is_in_date():
    # given A still in date and its renewal B, in force since 2025, revoked
    a = cert("LD-2024-0001")
    b = cert("LD-2025-0001", status="revoked", issued_on=date(2025, 6, 1), valid_until=date(2028, 6, 1),
             supersedes="LD-2024-0001")
    # when a product linked to A is judged / then B governs, and its revocation ends the sale
    assert verdict("LD-2024-0001", feed_of(a, b), NOW) == Verdict(
        sellable=False, reason="revoked (LD-2025-0001)", certificate=b
    )


def test_cycle_in_supersedes_terminates_with_the_newest_certificates_reason():
    # given A and B superseding each other, both expired
    a = cert("LD-2019-0001", issued_on=date(2019, 1, 10), valid_until=date(2022, 1, 10), supersedes="LD-2022-0001")
    b = cert("LD-2022-0001", issued_on=date(2022, 1, 5), valid_until=date(2025, 1, 5), supersedes="LD-2019-0001")
    feed = feed_of(a, b)
    # when judged from either end / then the walk ends and reports the newest (B)
    expected = Verdict(sellable=False, reason="expired on 2025-01-05 (LD-2022-0001)", certificate=b)
    assert verdict("LD-2019-0001", feed, NOW) == expected
    assert verdict("LD-2022-0001", feed, NOW) == expected


def test_certificate_superseding_itself_does_not_loop():
    a = cert("LD-2024-0001", supersedes="LD-2024-0001")
    assert verdict("LD-2024-0001", feed_of(a), NOW) == Verdict(
        sellable=True, reason="valid until 2027-11-12", certificate=a
    )


@pytest.mark.parametrize("certificate_id", [None, "", "   "])
def test_product_without_certificate_id_is_not_sellable(certificate_id):
    # given no certificate id / when judged / then "no certificate"
    assert verdict(certificate_id, feed_of(cert()), NOW) == Verdict(
        sellable=False, reason="no certificate", certificate=None
    )


def test_unknown_certificate_id_is_not_sellable():
    # given an id the feed does not list / when judged / then "unknown certificate <id>"
    assert verdict("QN-2025-9999", feed_of(cert()), NOW) == Verdict(
        sellable=False, reason="unknown certificate QN-2025-9999", certificate=None
    )


def test_certificate_id_is_matched_without_surrounding_spaces():
    certificate = cert("LD-2024-0001")
    assert verdict(" LD-2024-0001 ", feed_of(certificate), NOW).certificate == certificate


def test_renewal_is_found_even_when_the_old_certificate_left_the_feed():
    # given only the renewal, naming an old id the feed no longer lists
    renewal = cert("LD-2025-0100", issued_on=date(2025, 11, 10), valid_until=date(2028, 11, 10),
                   supersedes="LD-2022-0001")
    # when a product linked to the old id is judged / then it follows the renewal
    assert verdict("LD-2022-0001", feed_of(renewal), NOW) == Verdict(
        sellable=True, reason="valid until 2028-11-10", certificate=renewal
    )


def test_naive_now_is_refused():
    naive = datetime(2026, 1, 15, 10, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        verdict("LD-2024-0001", feed_of(cert()), naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        next_change(feed_of(cert()), naive)


def test_next_change_is_the_earliest_end_of_a_certificate_in_force_after_the_instant():
    # given certificates ending in the past, soon (active), sooner (revoked at once) and later
    feed = feed_of(
        cert("A-1", issued_on=date(2022, 12, 31), valid_until=date(2025, 12, 31)),
        cert("A-2", issued_on=date(2023, 3, 31), valid_until=date(2026, 3, 31)),
        cert("A-3", status="revoked", issued_on=date(2023, 2, 28), valid_until=date(2026, 2, 28)),
        cert("A-4"),
    )
    # when asked after 2026-01-15 / then 00:00 Vietnam time on 2026-04-01, not the revoked A-3
    assert next_change(feed, NOW) == datetime(2026, 4, 1, 0, 0, tzinfo=VIETNAM_TZ)
    # when asked exactly at that instant / then strictly later: A-4's end
    assert next_change(feed, utc(2026, 3, 31, 17, 0)) == datetime(2027, 11, 13, 0, 0, tzinfo=VIETNAM_TZ)
    # when asked after every end / then None
    assert next_change(feed, utc(2027, 11, 12, 17, 0)) is None


def test_next_change_includes_a_renewal_taking_effect_after_a_gap():
    # given A ended 2026-05-31 and its renewal B takes effect on 2026-06-10
    old = cert("LD-2023-0001", issued_on=date(2023, 5, 31), valid_until=date(2026, 5, 31))
    renewal = cert("LD-2026-0200", issued_on=date(2026, 6, 10), valid_until=date(2029, 6, 10),
                   supersedes="LD-2023-0001")
    feed = feed_of(old, renewal)
    # when asked on 2026-06-05 / then the next change is B's first day at 00:00 Vietnam time
    assert next_change(feed, utc(2026, 6, 5, 3, 0)) == utc(2026, 6, 9, 17, 0)
    # and before A ended, A's end came first
    assert next_change(feed, utc(2026, 5, 1, 0, 0)) == utc(2026, 5, 31, 17, 0)
    # and after both, B's end
    assert next_change(feed, utc(2026, 6, 9, 17, 0)) == utc(2029, 6, 10, 17, 0)


# --------------------------------------------------------------------------- revocations dated ahead


def test_a_revocation_dated_ahead_keeps_the_product_sellable_until_midnight_vietnam_time_on_its_day():
    # given a certificate valid until 2027-11-12, revoked from 2026-03-01
    certificate = cert("LD-2024-0001", status="revoked", revoked_on=date(2026, 3, 1))
    feed = feed_of(certificate)
    # when judged one second before 00:00 Vietnam time on 2026-03-01 / then still sellable, saying until when
    assert verdict("LD-2024-0001", feed, utc(2026, 2, 28, 16, 59, 59)) == Verdict(
        sellable=True, reason="valid until 2026-02-28; revoked from 2026-03-01 (LD-2024-0001)", certificate=certificate
    )
    # when judged at 00:00 Vietnam time on 2026-03-01 (17:00Z the day before) / then revoked from that day
    assert verdict("LD-2024-0001", feed, utc(2026, 2, 28, 17, 0, 0)) == Verdict(
        sellable=False, reason="revoked from 2026-03-01 (LD-2024-0001)", certificate=certificate
    )


def test_a_revocation_dated_today_or_earlier_withdraws_at_once():
    certificate = cert("LD-2024-0001", status="revoked", revoked_on=date(2026, 1, 15))
    assert verdict("LD-2024-0001", feed_of(certificate), NOW) == Verdict(
        sellable=False, reason="revoked from 2026-01-15 (LD-2024-0001)", certificate=certificate
    )


def test_a_certificate_that_expires_before_its_revocation_day_ends_as_expired():
    # given a certificate ending 2026-01-14, revoked from 2026-06-01
    certificate = cert("LD-2023-0008", status="revoked", issued_on=date(2023, 1, 14), valid_until=date(2026, 1, 14),
                       revoked_on=date(2026, 6, 1))
    # when judged on 2026-01-15 / then expired; from 2026-06-01 revoked
    assert verdict("LD-2023-0008", feed_of(certificate), NOW).reason == "expired on 2026-01-14 (LD-2023-0008)"
    assert verdict("LD-2023-0008", feed_of(certificate), utc(2026, 6, 1, 3, 0)).reason == (
        "revoked from 2026-06-01 (LD-2023-0008)")


def test_the_run_is_queued_for_midnight_vietnam_time_on_the_revocation_day():
    # given a certificate in force until 2027-11-12 but revoked from 2026-03-01
    feed = feed_of(cert("LD-2024-0001", status="revoked", revoked_on=date(2026, 3, 1)))
    # when asked on 2026-01-15 / then the next change is 00:00 Vietnam time on 2026-03-01
    assert next_change(feed, NOW) == datetime(2026, 3, 1, 0, 0, tzinfo=VIETNAM_TZ)
    # and from that instant on nothing changes any more (its later expiry no longer matters)
    assert next_change(feed, utc(2026, 2, 28, 17, 0)) is None


def test_a_renewal_revoked_ahead_governs_its_chain_until_its_revocation_day():
    # given A expired, renewed by B which is revoked from 2026-02-01
    old = cert("LD-2022-0001", issued_on=date(2022, 11, 12), valid_until=date(2025, 11, 12))
    renewal = cert("LD-2025-0100", status="revoked", issued_on=date(2025, 11, 10), valid_until=date(2028, 11, 10),
                   supersedes="LD-2022-0001", revoked_on=date(2026, 2, 1))
    book = Verdicts(feed_of(old, renewal))
    # when a product linked to A is judged before and on that day
    before = book.verdict("LD-2022-0001", NOW)
    after = book.verdict("LD-2022-0001", utc(2026, 1, 31, 17, 0))
    # then it is sellable through B until then, and withdrawn from then, naming B
    assert (before.sellable, before.certificate) == (True, renewal)
    assert after == Verdict(sellable=False, reason="revoked from 2026-02-01 (LD-2025-0100)", certificate=renewal)
