"""``ocop search reindex``: the read model rebuilt from Saleor (mode ``full``), or brought up to date with what
Saleor changed since a moment (mode ``since``: what the web beat runs every 15 minutes)."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Literal

from catalog_sync.catalogue import store
from catalog_sync.catalogue.from_saleor import changed_records, iter_catalogue
from catalog_sync.saleor import SaleorClient

Progress = Callable[[str, int, int], None]

# the web beat's run: every 15 minutes over the last hour, so a lost webhook never leaves the shop wrong for longer
BEAT_EVERY = datetime.timedelta(minutes=15)
BEAT_WINDOW = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class Outcome:
    """What ``--json`` prints, exactly these keys."""

    mode: Literal["full", "since"]
    read: int  # products read in full from Saleor
    written: int  # products written into the read model
    removed: int  # products taken out of the read model
    seconds: float

    def as_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class FullOutcome(Outcome):
    skipped_products: int = 0  # read, but not for sale (left out)
    skipped_pages: int = 0  # pages that are not a producer's

    def as_json(self) -> dict:
        return Outcome(self.mode, self.read, self.written, self.removed, self.seconds).as_json()


def reindex_full(client: SaleorClient, progress: Progress | None = None, *,
                 media_origins: tuple[str, ...] | None = None) -> FullOutcome:
    """Every product, producer and showcase, built aside and swapped in (``store.rebuild``)."""
    start = time.perf_counter()
    held = store.product_ids()
    fetch = iter_catalogue(client, progress=progress, media_origins=media_origins)
    count = store.rebuild(fetch.products(), fetch.producers(), fetch.collections())
    removed = len(held - store.product_ids())
    return FullOutcome("full", count + fetch.skipped["products"], count, removed,
                       round(time.perf_counter() - start, 3), fetch.skipped["products"], fetch.skipped["pages"])


def reindex_since(client: SaleorClient, since: datetime.datetime, progress: Progress | None = None, *,
                  media_origins: tuple[str, ...] | None = None) -> Outcome:
    """The products Saleor changed since ``since`` and those the id sets differ by, applied in one transaction."""
    start = time.perf_counter()
    changes = changed_records(client, since, held=store.product_ids(), progress=progress,
                              media_origins=media_origins)
    written, removed = store.apply_changes(changes.records, changes.gone, at=changes.started_at)
    return Outcome("since", changes.read, written, removed, round(time.perf_counter() - start, 3))
