"""The whole catalogue an anonymous customer sees in channel ``ocop-vn``, read from Saleor page by page.

``CatalogueFetch`` reads the nodes of ``queries/readmodel.graphql`` (products, producers' pages, showcases),
``PAGE_SIZE`` per query and never one query per product, asked without a token (a customer's view); pages of
products are read several at once (``FETCH_THREADS``). What becomes of a node is the read model's business:
``catalog_sync.catalogue.from_saleor`` maps each to a record. ``fragment(name)`` is the GraphQL text of one
of the shared fragments, for a webhook subscription that selects exactly what the mapping reads.
"""

from __future__ import annotations

import datetime
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import spec
from .client import PAGE_SIZE, Connection, SaleorClient
from .generated.fragments import CatalogueCollection, CatalogueProducer, CatalogueProduct, ReindexProduct

# Pages of products read at once by the reindex. Saleor's API runs 2 workers in docker-compose.yml, each
# answering one request at a time, and a new connection goes to whichever worker accepts it first; each page
# goes on a new connection (kept-alive connections once all landed on one worker, and the reindex took as
# long as reading one page after another). With 3 in flight two could wait on one worker while the other had
# none: the cores stood idle 13-14% of a 20,000-product reindex; with 6, 8-9% (two runs each, same store).
FETCH_THREADS = 6


QUERIES = Path(__file__).resolve().parent / "queries" / "readmodel.graphql"


def fragment(name: str) -> str:
    """The GraphQL text of fragment ``name`` (``CatalogueProduct``, ``CatalogueProducer``, ``CatalogueCollection``),
    for the app's webhook subscriptions to select exactly what the read model's mapping reads."""
    text = QUERIES.read_text(encoding="utf-8")
    start = text.index(f"fragment {name} on ")
    depth, end = 0, start
    for end in range(text.index("{", start), len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0:
            break
    return text[start:end + 1] + "\n"


def every_page[C: Connection[Any]](page: Callable[[str | None], C | None]) -> Iterator[C]:
    """Each connection of a paged query, ``page(after)`` running one query, until Saleor has no next page."""
    after: str | None = None
    while True:
        connection = page(after)
        if connection is None:
            return
        yield connection
        if not connection.page_info.has_next_page:
            return
        after = connection.page_info.end_cursor


@dataclass
class CatalogueFetch:
    """Lazy iterators over the pages of the catalogue a customer sees (``PAGE_SIZE`` nodes per query), each
    page with Saleor's count of all there are."""

    client: SaleorClient
    channel: str = spec.CHANNEL_SLUG
    threads: int = FETCH_THREADS

    def __post_init__(self) -> None:
        self.started_at = datetime.datetime.now(datetime.UTC)
        self.storefront = self.client.storefront()
        # pages by id, several at once: each on a new connection, so that Saleor's least busy worker takes it
        self.spread = self.client.storefront(fresh_connections=True)

    def product_pages(self) -> Iterator[tuple[list[CatalogueProduct] | list[ReindexProduct], int | None]]:
        """Every product, in Saleor's order (oldest first).

        With ``threads`` > 1: the ids a page at a time (a cheap query), and the products of each page by id,
        ``threads`` pages at once; the pages come out in the same order and hold the same products as a
        sequential read gives (``threads=1``). Every read happens after ``started_at``.
        """
        return self._pages_by_id() if self.threads > 1 else self._pages_in_order()

    def _pages_in_order(self) -> Iterator[tuple[list[CatalogueProduct], int | None]]:
        for connection in every_page(lambda after: self.storefront.catalogue_products_page(
                channel=self.channel, first=PAGE_SIZE, after=after).products):
            yield [edge.node for edge in connection.edges], connection.total_count

    def id_pages(self) -> Iterator[tuple[list[str], int | None]]:
        """The ids of every product a customer sees, a page at a time (Saleor's count with the first)."""
        total: int | None = None
        for number, connection in enumerate(every_page(lambda after: self.storefront.catalogue_product_ids(
                channel=self.channel, first=PAGE_SIZE, after=after, with_count=after is None).products)):
            total = connection.total_count if number == 0 else total
            yield [edge.node.id for edge in connection.edges], total

    def products_by_ids(self, ids: list[str]) -> list[ReindexProduct]:
        """The products of ``ids`` (one page at most), in that order; one gone since its id was read is left out."""
        connection = self.spread.reindex_products_by_ids(channel=self.channel, ids=ids, first=PAGE_SIZE).products
        found = {edge.node.id: edge.node for edge in connection.edges} if connection else {}
        return [found[i] for i in ids if i in found]

    def _pages_by_id(self) -> Iterator[tuple[list[ReindexProduct], int | None]]:
        """A thread walks the ids and hands each page to a pool; pages come back in walking order."""
        ahead: queue.Queue[tuple[Future[list[ReindexProduct]], int | None] | BaseException | None] = queue.Queue(
            maxsize=2 * self.threads)
        stop = threading.Event()

        def walk(pool: ThreadPoolExecutor) -> None:
            try:
                for ids, total in self.id_pages():
                    if stop.is_set():
                        return
                    ahead.put((pool.submit(self.products_by_ids, ids), total))
                ahead.put(None)
            except BaseException as error:  # handed to the reader, raised there
                ahead.put(error)

        with ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="reindex") as pool:
            walker = threading.Thread(target=walk, args=(pool,), name="reindex-ids", daemon=True)
            walker.start()
            try:
                while (item := ahead.get()) is not None:
                    if isinstance(item, BaseException):
                        raise item
                    future, total = item
                    yield future.result(), total
            finally:
                stop.set()
                while walker.is_alive():  # let a walker blocked on a full queue see the stop
                    try:
                        item = ahead.get(timeout=0.1)
                    except queue.Empty:
                        continue
                    if isinstance(item, tuple):
                        item[0].cancel()
                walker.join()

    def producer_pages(self) -> Iterator[tuple[list[CatalogueProducer], int | None]]:
        """Every page (producers' and others: the mapping tells them apart)."""
        for connection in every_page(lambda after: self.storefront.catalogue_producers_page(
                first=PAGE_SIZE, after=after).pages):
            yield [edge.node for edge in connection.edges], connection.total_count

    def collection_pages(self) -> Iterator[tuple[Iterator[tuple[CatalogueCollection, list[str] | None]], int | None]]:
        """Every showcase, each with all its product ids when it holds more than the node's first page (those
        asked as the page is walked: walk each page before the next)."""
        for connection in every_page(lambda after: self.storefront.catalogue_collections_page(
                channel=self.channel, first=PAGE_SIZE, after=after).collections):
            yield self._with_product_ids([edge.node for edge in connection.edges]), connection.total_count

    def _with_product_ids(self, nodes: list[CatalogueCollection]) -> Iterator[tuple[CatalogueCollection,
                                                                                   list[str] | None]]:
        for node in nodes:
            more = node.products is not None and node.products.page_info.has_next_page
            yield node, self._collection_product_ids(node) if more else None

    def _collection_product_ids(self, node: CatalogueCollection) -> list[str]:
        """A showcase of more than one page of products: the rest, a page per query."""
        assert node.products is not None
        ids = [edge.node.id for edge in node.products.edges]
        after = node.products.page_info.end_cursor
        while after:
            collection = self.storefront.collection_products_page(
                channel=self.channel, id=node.id, first=PAGE_SIZE, after=after).collection
            products = collection.products if collection else None
            if products is None:
                break
            ids += [edge.node.id for edge in products.edges]
            after = products.page_info.end_cursor if products.page_info.has_next_page else None
        return ids
