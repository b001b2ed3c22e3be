from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from catalog_sync.domain.validity import (
    VALIDITY_MONTHS,
    VIETNAM_TZ,
    CertificateStatus,
    last_valid_day,
    sellable_until,
    status_on,
    vietnam_today,
)

ISSUED = date(2024, 11, 12)
VALID_UNTIL = date(2027, 11, 12)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_constants():
    assert VALIDITY_MONTHS == 36
    assert str(VIETNAM_TZ) == "Asia/Ho_Chi_Minh"


@pytest.mark.parametrize(
    ("signed_on", "expected"),
    [
        (date(2024, 11, 12), date(2027, 11, 12)),
        (date(2023, 5, 31), date(2026, 5, 31)),
        (date(2024, 2, 29), date(2027, 2, 28)),  # no 29 February in 2027
        (date(2023, 8, 31), date(2026, 8, 31)),
        (date(2021, 11, 30), date(2024, 11, 30)),
        (date(2025, 1, 1), date(2028, 1, 1)),
        (date(2022, 12, 31), date(2025, 12, 31)),
        (date(2021, 2, 28), date(2024, 2, 28)),  # the 28th stays the 28th in a leap year
        (date(2025, 2, 28), date(2028, 2, 28)),
    ],
)
def test_last_valid_day_is_the_corresponding_day_36_months_later(signed_on, expected):
    assert last_valid_day(signed_on) == expected


@pytest.mark.parametrize(
    ("signed_on", "months", "expected"),
    [
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 3, 31), 1, date(2024, 4, 30)),
        (date(2024, 1, 30), 1, date(2024, 2, 29)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2023, 8, 31), 12, date(2024, 8, 31)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 5, 31), 24, date(2026, 5, 31)),
    ],
)
def test_last_valid_day_clamps_to_month_end_for_any_term(signed_on, months, expected):
    assert last_valid_day(signed_on, months) == expected


@pytest.mark.parametrize("months", [0, -1, True, 1.5, "36"])
def test_last_valid_day_rejects_a_bad_term(months):
    with pytest.raises(ValueError, match="months must be a positive whole number"):
        last_valid_day(date(2024, 1, 1), months)


def test_last_valid_day_rejects_a_datetime():
    with pytest.raises(TypeError, match="signed_on must be a date"):
        last_valid_day(datetime(2024, 11, 12, 9, 0, tzinfo=UTC))


def test_certificate_status_values():
    assert [(s.name, s.value) for s in CertificateStatus] == [
        ("ACTIVE", "active"),
        ("EXPIRED", "expired"),
        ("REVOKED", "revoked"),
        ("NOT_YET_VALID", "not_yet_valid"),
    ]
    assert CertificateStatus("not_yet_valid") is CertificateStatus.NOT_YET_VALID
    assert f"{CertificateStatus.ACTIVE}" == "active"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 11, 11), CertificateStatus.NOT_YET_VALID),
        (date(2024, 11, 12), CertificateStatus.ACTIVE),  # issue day counts
        (date(2026, 1, 1), CertificateStatus.ACTIVE),
        (date(2027, 11, 12), CertificateStatus.ACTIVE),  # last valid day counts
        (date(2027, 11, 13), CertificateStatus.EXPIRED),
        (date(2030, 1, 1), CertificateStatus.EXPIRED),
    ],
)
def test_status_on_without_revocation(day, expected):
    assert status_on(day, issued_on=ISSUED, valid_until=VALID_UNTIL) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 11, 11), CertificateStatus.NOT_YET_VALID),
        (date(2025, 6, 9), CertificateStatus.ACTIVE),  # the day before revocation
        (date(2025, 6, 10), CertificateStatus.REVOKED),  # revocation day itself
        (date(2025, 6, 11), CertificateStatus.REVOKED),
        (date(2028, 1, 1), CertificateStatus.REVOKED),  # revoked wins over expired
    ],
)
def test_status_on_revocation_wins_from_the_revocation_day(day, expected):
    revoked_on = date(2025, 6, 10)
    status = status_on(day, issued_on=ISSUED, valid_until=VALID_UNTIL, revoked_on=revoked_on)
    assert status is expected


def test_status_on_revocation_before_issue_is_revoked_from_that_day():
    # given a certificate revoked before it took effect
    status = status_on(
        date(2024, 11, 1),
        issued_on=ISSUED,
        valid_until=VALID_UNTIL,
        revoked_on=date(2024, 10, 1),
    )
    # then revoked wins over not-yet-valid
    assert status is CertificateStatus.REVOKED


def test_status_on_single_day_certificate():
    day = date(2025, 3, 3)
    assert status_on(day, issued_on=day, valid_until=day) is CertificateStatus.ACTIVE


def test_status_on_rejects_valid_until_before_issued_on():
    with pytest.raises(ValueError, match="valid_until 2024-11-11 is before issued_on 2024-11-12"):
        status_on(ISSUED, issued_on=ISSUED, valid_until=date(2024, 11, 11))


def test_status_on_rejects_a_datetime_day():
    with pytest.raises(TypeError, match="day must be a date"):
        status_on(datetime(2025, 1, 1, tzinfo=UTC), issued_on=ISSUED, valid_until=VALID_UNTIL)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (utc(2027, 11, 12, 16, 59, 59), date(2027, 11, 12)),
        (utc(2027, 11, 12, 17, 0, 0), date(2027, 11, 13)),
        (utc(2025, 12, 31, 17, 0, 0), date(2026, 1, 1)),
        (utc(2025, 1, 1, 0, 0, 0), date(2025, 1, 1)),
        (datetime(2025, 1, 1, 23, 30, tzinfo=VIETNAM_TZ), date(2025, 1, 1)),
        (datetime(2025, 1, 1, 9, 0, tzinfo=timezone(timedelta(hours=-5))), date(2025, 1, 1)),
        (datetime(2025, 1, 1, 19, 0, tzinfo=timezone(timedelta(hours=-5))), date(2025, 1, 2)),
    ],
)
def test_vietnam_today_is_the_local_date_in_utc_plus_7(now, expected):
    assert vietnam_today(now) == expected


def test_vietnam_today_defaults_to_the_current_instant():
    before = datetime.now(UTC).astimezone(VIETNAM_TZ).date()
    today = vietnam_today()
    after = datetime.now(UTC).astimezone(VIETNAM_TZ).date()
    assert today in {before, after}


def test_vietnam_today_rejects_a_naive_datetime():
    with pytest.raises(ValueError, match="now must be timezone-aware"):
        vietnam_today(datetime(2025, 1, 1, 12, 0))


def test_vietnam_today_rejects_a_date():
    with pytest.raises(TypeError, match="now must be a datetime"):
        vietnam_today(date(2025, 1, 1))


def test_sellable_until_is_midnight_vietnam_time_after_the_last_valid_day():
    end = sellable_until(date(2027, 11, 12))
    assert end == datetime(2027, 11, 13, 0, 0, tzinfo=VIETNAM_TZ)
    assert end == utc(2027, 11, 12, 17, 0, 0)
    assert end.isoformat() == "2027-11-13T00:00:00+07:00"
    assert end.tzinfo is VIETNAM_TZ
    assert end.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    ("valid_until", "expected_utc"),
    [
        (date(2026, 12, 31), utc(2026, 12, 31, 17)),  # across the year end
        (date(2028, 2, 28), utc(2028, 2, 28, 17)),  # leap year: the next day is 29 Feb
        (date(2027, 2, 28), utc(2027, 2, 28, 17)),
    ],
)
def test_sellable_until_across_year_and_month_ends(valid_until, expected_utc):
    assert sellable_until(valid_until) == expected_utc
    assert sellable_until(valid_until).date() == valid_until + timedelta(days=1)


def test_full_chain_from_signing_date_to_withdrawal_instant():
    # given a decision signed 31/05/2023
    valid_until = last_valid_day(date(2023, 5, 31))
    # then it is valid through 31/05/2026 and withdrawn at 2026-05-31T17:00Z
    assert valid_until == date(2026, 5, 31)
    assert sellable_until(valid_until) == utc(2026, 5, 31, 17)
