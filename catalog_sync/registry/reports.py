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


def expiring_within(days: int, today: datetime.date | None = None) -> QuerySet[Certificate]:
    return (
        Certificate.objects.expiring_within(days, today=today)
        .select_related("producer", "decision")
        .order_by("valid_until", "id")
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


def counts_by(dimension: str, today: datetime.date | None = None) -> list[CountRow]:
    """Valid certificates today, counted by ``stars``, ``group`` or ``province``."""
    if dimension not in {"stars", "group", "province"}:
        raise ValueError(f"cannot count by {dimension!r}: use stars, group or province")
    rows = (
        Certificate.objects.active_on(today or vietnam_today())
        .values(dimension)
        .annotate(n=Count("id"))
        .order_by(dimension)
    )
    result = [CountRow(str(r[dimension]), _label(dimension, str(r[dimension])), r["n"]) for r in rows]
    if dimension == "stars":
        return sorted(result, key=lambda r: r.key, reverse=True)
    return sorted(result, key=lambda r: (-r.count, r.label))
