"""When a showcase is shown: checked when a page is read, so an ended showcase is never shown, even in the
minute before the worker unpublishes it in Saleor.

A collection with no ``Showcase`` row (made in Saleor's Dashboard) is shown as Saleor publishes it.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections.abc import Iterable

from django.utils import timezone

from catalog_sync.catalogue import cache
from catalog_sync.catalogue.records import CollectionRecord

from .models import Showcase


def now() -> datetime.datetime:
    """The clock the schedule and the pages read (tests set it)."""
    return timezone.now()


def _windows() -> tuple[tuple[str, datetime.datetime | None, datetime.datetime | None, bool], ...]:
    rows = Showcase.objects.exclude(saleor_id=None).values_list("saleor_id", "starts_at", "ends_at", "status")
    return tuple((sid or "", start, end, status == Showcase.Status.SCHEDULED) for sid, start, end, status in rows)


def windows() -> tuple[tuple[str, datetime.datetime | None, datetime.datetime | None, bool], ...]:
    """(collection id, start, end, approved) of every curated showcase, kept under the catalogue's version."""
    return cache.cached(("showcase-windows",), _windows)


def hidden_at(at: datetime.datetime) -> set[str]:
    """Collection ids that must not be shown at ``at``: curated showcases not approved, not started or ended."""
    return {sid for sid, start, end, approved in windows()
            if not approved or (start is not None and at < start) or (end is not None and at >= end)}


def showing[R: CollectionRecord](records: Iterable[R], at: datetime.datetime | None = None) -> list[R]:
    hidden = hidden_at(at or now())
    return [record for record in records if record.id not in hidden]


def shown(record: CollectionRecord | None, at: datetime.datetime | None = None) -> bool:
    return record is not None and record.id not in hidden_at(at or now())


def period(at: datetime.datetime | None = None) -> int:
    """Which stretch between two showcase starts or ends ``at`` falls in: pages kept whole are kept per period,
    so a page kept before a showcase ends is not served after it."""
    bounds = sorted(b for _, start, end, _ in windows() for b in (start, end) if b is not None)
    return bisect_right(bounds, at or now())
