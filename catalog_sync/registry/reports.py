"""Figures for trade-promotion staff: what expires soon, and counts of valid certificates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from catalog_sync.domain.groups import group_by_slug
from catalog_sync.domain.provinces import province_by_slug
from catalog_sync.domain.validity import vietnam_today

from .models import Certificate

# The programme notifies producers at least 30 days before expiry.
DEFAULT_NOTICE_DAYS = 30


def _in_province(queryset: QuerySet[Certificate], province: str | None) -> QuerySet[Certificate]:
    return queryset.filter(province=province) if province else queryset


def expiring_within(days: int, today: datetime.date | None = None, province: str | None = None
                    ) -> QuerySet[Certificate]:
    return _in_province(
        Certificate.objects.expiring_within(days, today=today)
        .select_related("producer", "decision")
        .order_by("valid_until", "id"),
        province,
    )


@dataclass(frozen=True)
class CountRow:
    key: str
    label: str
    count: int


def _label(dimension: str, key: str) -> str:
    if not key:
        return "—"
    try:
        if dimension == "group":
            return group_by_slug(key).name_vi
        if dimension == "province":
            return province_by_slug(key).name
    except KeyError:
        return key
    if dimension == "stars":
        return "★" * int(key)
    return key


def counts_by(dimension: str, today: datetime.date | None = None, province: str | None = None) -> list[CountRow]:
    """Valid certificates today (of one province when given), counted by ``stars``, ``group`` or ``province``."""
    if dimension not in {"stars", "group", "province"}:
        raise ValueError(f"cannot count by {dimension!r}: use stars, group or province")
    rows = (
        _in_province(Certificate.objects.active_on(today or vietnam_today()), province)
        .values(dimension)
        .annotate(n=Count("id"))
        .order_by(dimension)
    )
    result = [CountRow(str(r[dimension]), _label(dimension, str(r[dimension])), r["n"]) for r in rows]
    if dimension == "stars":
        return sorted(result, key=lambda r: r.key, reverse=True)
    return sorted(result, key=lambda r: (-r.count, r.label))


STARS = (3, 4, 5)


@dataclass(frozen=True)
class StarsRow:
    key: str
    label: str
    by_stars: tuple[int, ...]  # counts of 3, 4 and 5 stars

    @property
    def total(self) -> int:
        return sum(self.by_stars)


def stars_by_province(today: datetime.date | None = None, province: str | None = None) -> list[StarsRow]:
    """Valid certificates today per province, split by star level; most certificates first."""
    counts: dict[str, dict[int, int]] = {}
    rows = (
        _in_province(Certificate.objects.active_on(today or vietnam_today()), province)
        .values("province", "stars")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts.setdefault(row["province"], {})[row["stars"]] = row["n"]
    result = [StarsRow(key, _label("province", key), tuple(c.get(s, 0) for s in STARS)) for key, c in counts.items()]
    return sorted(result, key=lambda r: (-r.total, r.label))


@dataclass(frozen=True)
class MonthRow:
    month: datetime.date  # its first day
    label: str  # MM/YYYY
    count: int


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def last_valid_days_by_month(today: datetime.date | None = None, months: int = 12, province: str | None = None
                             ) -> list[MonthRow]:
    """Certificates valid today whose last valid day falls in each of the next ``months`` months (this one first)."""
    today = today or vietnam_today()
    first = today.replace(day=1)
    end = _add_months(first, months)
    days = (
        _in_province(Certificate.objects.active_on(today), province)
        .filter(valid_until__lt=end)
        .values_list("valid_until", flat=True)
    )
    counts: dict[datetime.date, int] = {}
    for day in days:
        counts[day.replace(day=1)] = counts.get(day.replace(day=1), 0) + 1
    return [MonthRow(m, f"{m:%m/%Y}", counts.get(m, 0)) for m in (_add_months(first, i) for i in range(months))]
