"""What the read model must change to match Saleor again, read since a moment (``ocop search reindex --since``).

Never a full read of the catalogue: only the products Saleor changed since then (``updatedAt``), plus
what a comparison of the id sets finds (the cheap query of ids only, a page at a time, as the full
reindex walks them): the ids Saleor lists that the read model lacks (a product published again: Saleor
does not change ``updatedAt`` when a listing is published) are read too, and the ids the read model
holds that Saleor no longer lists are to be removed. The products are read by id, ``threads`` pages
at once, as the full reindex reads them (``catalogue_read.CatalogueFetch``); the read model maps them as it
maps the full reindex's (``catalog_sync.catalogue.from_saleor``). A product Saleor lists that is not for sale
(no priced variant, not an OCOP type) is never held, so each run reads it again: the full reindex's "left
out" count says how many there are (none in a healthy catalogue).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from . import spec
from .catalogue_read import FETCH_THREADS, CatalogueFetch
from .client import PAGE_SIZE, SaleorClient
from .generated.fragments import ReindexProduct

Progress = Callable[[str, int, int], None]


@dataclass
class Changes:
    """Saleor's answer since a moment: the products read, those no longer listed, and how much was read."""

    started_at: datetime.datetime  # every read happened after this moment
    products: list[tuple[str, ReindexProduct | None]] = field(default_factory=list)  # asked, in order; None: gone
    unlisted: list[str] = field(default_factory=list)  # held, and no longer listed (sorted)
    read: int = 0  # products read in full
    listed: int = 0  # ids Saleor lists in the channel


def _pages(ids: Iterable[str]) -> Iterator[list[str]]:
    page: list[str] = []
    for product_id in ids:
        page.append(product_id)
        if len(page) == PAGE_SIZE:
            yield page
            page = []
    if page:
        yield page


def changes_since(client: SaleorClient, since: datetime.datetime, *, held: set[str],
                  channel: str = spec.CHANNEL_SLUG, threads: int = FETCH_THREADS,
                  progress: Progress | None = None) -> Changes:
    """What changed in Saleor since ``since`` (aware) for a read model holding the product ids ``held``.

    The changed products are read while the ids are walked; then those the read model lacks."""
    if since.tzinfo is None:
        raise ValueError("since must be an aware date-time")
    fetch = CatalogueFetch(client, channel=channel, threads=threads)
    changes = Changes(started_at=fetch.started_at)
    asked: set[str] = set()
    with ThreadPoolExecutor(max_workers=max(threads, 1), thread_name_prefix="reindex-since") as pool:
        reads: list[tuple[list[str], Future]] = []

        def read(ids: list[str]) -> None:
            for page in _pages(i for i in ids if i not in asked):
                asked.update(page)
                reads.append((page, pool.submit(fetch.products_by_ids, page)))

        read(_changed_ids(fetch, channel, since))
        listed: set[str] = set()
        for ids, total in fetch.id_pages():
            listed.update(ids)
            if progress:
                progress("listed", len(listed), max(total or 0, len(listed)))
        changes.listed = len(listed)
        read(sorted(listed - held))
        done = 0
        for page, future in reads:
            nodes = {node.id: node for node in future.result()}
            for product_id in page:
                changes.products.append((product_id, nodes.get(product_id)))
                changes.read += product_id in nodes
            done += len(page)
            if progress:
                progress("changed", done, len(asked))
    changes.unlisted = sorted(held - listed)
    return changes


def _changed_ids(fetch: CatalogueFetch, channel: str, since: datetime.datetime) -> list[str]:
    """The ids of the products a customer sees whose ``updatedAt`` is at or after ``since``, in Saleor's order."""
    ids: list[str] = []
    after: str | None = None
    while True:
        connection = fetch.storefront.reindex_changed_ids(channel=channel, since=since, first=PAGE_SIZE,
                                                          after=after).products
        if connection is None:
            return ids
        ids += [edge.node.id for edge in connection.edges]
        if not connection.page_info.has_next_page:
            return ids
        after = connection.page_info.end_cursor
