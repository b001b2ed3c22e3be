"""Certificate validity in Vietnam time.

A certificate is valid for 36 months from the signing date of the recognition decision.
Unless a record states its last valid day, the term follows the Civil Code 2015
(Art. 147-148): the signing day itself is not counted, and a term in months ends at the end
of the corresponding day of the last month, or on that month's last day when it has no
corresponding day. The Code's rule moving a deadline off a weekend applies to obligations,
not to a certificate, and is not applied. A certificate stops being sellable at 00:00
Vietnam time on the day after its last valid day; a revoked one from its revocation day
(which may lie ahead: it stays valid until then).
"""

import calendar
import enum
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
VALIDITY_MONTHS = 36


class CertificateStatus(enum.StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"
    NOT_YET_VALID = "not_yet_valid"


def _require_date(name: str, value: object) -> None:
    # datetime is a subclass of date; a datetime here would hide a time-zone decision.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(f"{name} must be a date (not a datetime), got {value!r}")


def last_valid_day(signed_on: date, months: int = VALIDITY_MONTHS) -> date:
    """The last day a term of ``months`` months that starts on ``signed_on`` is in force.

    The corresponding day of the last month, clamped to that month's length:
    12/11/2024 -> 12/11/2027, 29/02/2024 -> 28/02/2027, 31/01/2023 (+1) -> 28/02/2023.
    """
    _require_date("signed_on", signed_on)
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise ValueError(f"months must be a positive whole number, got {months!r}")
    month_index = signed_on.month - 1 + months
    year, month = signed_on.year + month_index // 12, month_index % 12 + 1
    day = min(signed_on.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def status_on(
    day: date,
    *,
    issued_on: date,
    valid_until: date,
    revoked_on: date | None = None,
) -> CertificateStatus:
    """Status of a certificate on a Vietnam-local ``day``.

    Revocation wins from ``revoked_on`` (inclusive) onward; otherwise NOT_YET_VALID before
    ``issued_on``, EXPIRED after ``valid_until`` and ACTIVE from one to the other inclusive.
    """
    _require_date("day", day)
    _require_date("issued_on", issued_on)
    _require_date("valid_until", valid_until)
    if revoked_on is not None:
        _require_date("revoked_on", revoked_on)
    if valid_until < issued_on:
        raise ValueError(f"valid_until {valid_until} is before issued_on {issued_on}")
    if revoked_on is not None and day >= revoked_on:
        return CertificateStatus.REVOKED
    if day < issued_on:
        return CertificateStatus.NOT_YET_VALID
    if day > valid_until:
        return CertificateStatus.EXPIRED
    return CertificateStatus.ACTIVE


def vietnam_today(now: datetime | None = None) -> date:
    """The Vietnam-local date at ``now`` (an aware datetime; default: the current instant)."""
    if now is None:
        now = datetime.now(UTC)
    if not isinstance(now, datetime):
        raise TypeError(f"now must be a datetime, got {now!r}")
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be timezone-aware, got naive {now.isoformat()}")
    return now.astimezone(VIETNAM_TZ).date()


def sellable_until(valid_until: date) -> datetime:
    """The aware instant a certificate stops being sellable: 00:00 Vietnam time next day.

    valid_until 2027-11-12 -> 2027-11-13T00:00+07:00 (2027-11-12T17:00Z).
    """
    _require_date("valid_until", valid_until)
    return datetime.combine(valid_until + timedelta(days=1), time(0), tzinfo=VIETNAM_TZ)
