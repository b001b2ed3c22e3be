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

from django.db import models
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from catalog_sync.domain.validity import VIETNAM_TZ
from catalog_sync.domain.withdrawals import LogEntry, reason_vi

from .models import Certificate
from .offices import PROVINCE_CHOICES


class WithdrawalEventQuerySet(models.QuerySet["WithdrawalEvent"]):
    def in_province(self, province: str | None) -> WithdrawalEventQuerySet:
        return self.filter(province=province) if province else self

    def between(self, first: datetime.date, last: datetime.date) -> WithdrawalEventQuerySet:
        """Events on Vietnam-local days ``first`` to ``last``, both included."""
        start = datetime.datetime.combine(first, datetime.time.min, tzinfo=VIETNAM_TZ)
        end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, tzinfo=VIETNAM_TZ)
        return self.filter(at__gte=start, at__lt=end)


class WithdrawalEvent(models.Model):
    class Action(models.TextChoices):
        WITHDRAWN = "withdrawn", "Rút khỏi bán"
        RESTORED = "restored", "Bán lại"

    # The plugin's audit entry id; with ``at``, unique even if Saleor's database is ever started afresh.
    saleor_event_id = models.BigIntegerField()
    product = models.CharField("Sản phẩm (ID Saleor)", max_length=100, db_index=True)
    product_name = models.CharField("Sản phẩm", max_length=250, blank=True)
    certificate_id = models.CharField("Giấy chứng nhận", max_length=255, blank=True, db_index=True)
    # The certificate's current province in the registry when the event arrived ("" when unknown).
    province = models.CharField("Tỉnh, thành phố", max_length=40, blank=True, choices=PROVINCE_CHOICES)
    action = models.CharField("Việc", max_length=10, choices=Action.choices)
    reason = models.TextField("Lý do")
    at = models.DateTimeField("Lúc")
    received_at = models.DateTimeField(auto_now_add=True)

    objects = WithdrawalEventQuerySet.as_manager()

    class Meta:
        verbose_name = "Rút khỏi bán / bán lại"
        verbose_name_plural = "Rút khỏi bán / bán lại"
        constraints = [models.UniqueConstraint(fields=["saleor_event_id", "at"], name="withdrawal_event_once")]
        indexes = [models.Index(fields=["province", "at"], name="withdrawal_event_province_at")]
        ordering = ["-at", "-saleor_event_id"]

    def __str__(self) -> str:
        return f"{self.action} {self.product_name or self.product} ({self.at:%Y-%m-%d %H:%M})"

    @property
    def reason_vi(self) -> str:
        return reason_vi(self.reason)


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
