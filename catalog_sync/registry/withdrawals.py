"""What the certification plugin withdrew from sale and restored, as the web service learnt it.

The plugin keeps each withdrawal and restore in its audit trail inside Saleor and writes the newest
into the product's private metadata (``ocop.withdrawals``); the app's PRODUCT_UPDATED webhook
carries them here (catalog_sync/app). Each entry is stored once, by the plugin's audit id and time,
so a redelivered or replayed webhook, or a later one still carrying older entries, adds nothing.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from catalog_sync.domain.validity import VIETNAM_TZ
from catalog_sync.domain.withdrawals import LogEntry

from .models import Certificate
from .withdrawal_events import WithdrawalEvent


def record(product: str, entries: Iterable[LogEntry]) -> int:
    """Store the entries of ``product`` (a Saleor product id) not stored yet; how many were new."""
    entries = list(entries)
    if not entries:
        return 0
    provinces = dict(Certificate.objects.filter(pk__in={e.certificate_id for e in entries})
                     .values_list("pk", "province"))
    rows = [WithdrawalEvent(saleor_event_id=e.id, product=product, product_name=e.product_name[:250],
                            certificate_id=e.certificate_id[:255], province=provinces.get(e.certificate_id, ""),
                            action=e.action, reason=e.reason, at=e.at) for e in entries]
    stored = set(WithdrawalEvent.objects.filter(saleor_event_id__in={r.saleor_event_id for r in rows})
                 .values_list("saleor_event_id", "at"))
    WithdrawalEvent.objects.bulk_create(rows, ignore_conflicts=True)
    return len({(r.saleor_event_id, r.at) for r in rows} - stored)


@dataclass(frozen=True)
class MonthCounts:
    month: datetime.date  # its first day
    label: str  # MM/YYYY
    withdrawn: int
    restored: int


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def by_month(today: datetime.date, months: int = 12, province: str | None = None) -> list[MonthCounts]:
    """Products withdrawn and restored in each of the last ``months`` months (Vietnam time), oldest first."""
    first = _add_months(today.replace(day=1), -(months - 1))
    rows = (WithdrawalEvent.objects.in_province(province).between(first, today)
            .annotate(month=TruncMonth("at", tzinfo=VIETNAM_TZ)).values("month", "action")
            .annotate(n=Count("id")))
    counts: dict[tuple[datetime.date, str], int] = {}
    for row in rows:
        month = row["month"]
        counts[(month.date() if isinstance(month, datetime.datetime) else month, row["action"])] = row["n"]
    result = []
    for i in range(months):
        month = _add_months(first, i)
        result.append(MonthCounts(month, f"{month:%m/%Y}", counts.get((month, "withdrawn"), 0),
                                  counts.get((month, "restored"), 0)))
    return result


MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value: str) -> datetime.date:
    """The first day of month ``YYYY-MM``."""
    match = MONTH_PATTERN.match(value)
    if not match or not 1 <= int(match[2]) <= 12:
        raise ValueError(f"month: not a month (use YYYY-MM, e.g. 2026-11): {value!r}")
    return datetime.date(int(match[1]), int(match[2]), 1)


def log(province: str | None = None, month: datetime.date | None = None) -> QuerySet[WithdrawalEvent]:
    """The log, newest first, of one province and one month (Vietnam time) when given."""
    events = WithdrawalEvent.objects.in_province(province)
    if month is not None:
        events = events.between(month, _add_months(month, 1) - datetime.timedelta(days=1))
    return events.order_by("-at", "-saleor_event_id")
