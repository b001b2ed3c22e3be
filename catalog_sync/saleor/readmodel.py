"""The catalogue read model's view of Saleor: what an anonymous customer sees in channel ``ocop-vn``.

- ``product_record``, ``producer_record``, ``collection_record``: pure mappings of one GraphQL node
  (the fragments ``CatalogueProduct``, ``CatalogueProducer``, ``CatalogueCollection`` in
  ``queries/readmodel.graphql``, parsed by the generated models) to the read model's records;
  ``product_record`` maps the reindex's ``ReindexProduct`` (``queries/reindex.graphql``: the same
  fields, the attributes as one list) the same way.
  A webhook payload selecting the same fragment maps the same way (``*.model_validate(payload)``).
  They return None for what the read model must not hold (a product nobody can buy now, a page
  that is not a producer's).
- ``iter_catalogue(client)``: every product, producer and showcase, 100 per query, never one
  query per product, asked without a token (a customer's view); pages of products are read
  several at once (``FETCH_THREADS``).
"""

from __future__ import annotations

import datetime
import json
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from catalog_sync.catalogue.records import (
    CollectionRecord,
    Image,
    ProducerRecord,
    ProducerRef,
    ProductRecord,
    VariantRecord,
)
from catalog_sync.domain.groups import GROUPS, PRODUCT_SETS
from catalog_sync.domain.provinces import PROVINCES, resolve_province

from . import spec
from .client import PAGE_SIZE, SaleorClient
from .generated.fragments import CatalogueCollection, CatalogueProducer, CatalogueProduct, ReindexProduct
from .producer_story import photos_from_metadata
from .thumbnails import public_images

OCOP_PRODUCT_TYPES = frozenset(t.slug for t in spec.PRODUCT_TYPES)
_GROUP_SLUGS = frozenset(g.slug for g in GROUPS)
_SET_GROUP = {s.slug: s.group_slug for s in PRODUCT_SETS}
_PROVINCE_SLUGS = frozenset(p.slug for p in PROVINCES)

Progress = Callable[[str, int, int], None]

# Pages of products read at once by the reindex. Saleor's API runs 2 workers in docker-compose.yml, each
# answering one request at a time, and a new connection goes to whichever worker accepts it first; each page
# goes on a new connection (kept-alive connections once all landed on one worker, and the reindex took as
# long as reading one page after another). With 3 in flight two could wait on one worker while the other had
# none: the cores stood idle 13-14% of a 20,000-product reindex; with 6, 8-9% (two runs each, same store).
FETCH_THREADS = 6


QUERIES = Path(__file__).resolve().parent / "queries" / "readmodel.graphql"


def fragment(name: str) -> str:
    """The GraphQL text of fragment ``name`` (``CatalogueProduct``, ``CatalogueProducer``, ``CatalogueCollection``),
    for the app's webhook subscriptions to select exactly what ``*_record`` maps."""
    text = QUERIES.read_text(encoding="utf-8")
    start = text.index(f"fragment {name} on ")
    depth, end = 0, start
    for end in range(text.index("{", start), len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0:
            break
    return text[start:end + 1] + "\n"


# --- mapping: one node -> one record -------------------------------------------------------------


def _value(assigned: Any, field: str) -> Any:
    """The value of an aliased ``assignedAttribute`` (None when unset or of another kind)."""
    return getattr(assigned, field, None) if assigned is not None else None


# CatalogueProduct's aliased assignedAttribute fields, by the attribute's slug
_ALIASES = {spec.CERTIFICATE: "certificate", spec.STARS: "stars", spec.VALID_UNTIL: "valid_until",
            spec.GROUP: "group", spec.PROVINCE: "province", spec.PRODUCER: "producer"}


def _assigned(node: CatalogueProduct | ReindexProduct) -> dict[str, Any]:
    """The product's six OCOP attributes by alias (``certificate``, ``stars``, …; None when the
    customer is not shown it): CatalogueProduct's own fields, or ReindexProduct's list by slug."""
    if isinstance(node, ReindexProduct):
        listed = {a.attribute.slug: a for a in node.assigned_attributes}
        return {alias: listed.get(slug) for slug, alias in _ALIASES.items()}
    return {alias: getattr(node, alias) for alias in _ALIASES.values()}


def _province(choice: Any) -> str | None:
    if choice is None:
        return None
    if choice.slug in _PROVINCE_SLUGS:
        return choice.slug
    found = resolve_province(choice.name or "")
    return found.slug if found else None


def _group_and_set(node: CatalogueProduct | ReindexProduct, group: Any) -> tuple[str | None, str | None]:
    category = node.category.slug if node.category else None
    if category in _GROUP_SLUGS:
        return category, None
    if category in _SET_GROUP:
        return _SET_GROUP[category], category
    choice = _value(group, "choice")
    slug = choice.slug if choice else None
    return (slug, None) if slug in _GROUP_SLUGS else (None, None)


def _money(amount: float) -> Decimal:
    value = Decimal(str(amount))
    return value.to_integral_value() if value == value.to_integral_value() else value


def _json_text(value: Any) -> str | None:
    if value in (None, "", {}):
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def product_record(node: CatalogueProduct | ReindexProduct) -> ProductRecord | None:
    """The read model's record of a product, or None when an anonymous customer cannot buy it now
    (not an OCOP product type, not available for purchase, no priced variant, no certificate)."""
    if node.product_type.slug not in OCOP_PRODUCT_TYPES or not node.is_available_for_purchase:
        return None
    assigned = _assigned(node)
    certificate = _value(assigned["certificate"], "text")
    stars = _value(assigned["stars"], "number")
    valid_until = _value(assigned["valid_until"], "day")
    group, product_set = _group_and_set(node, assigned["group"])
    if not certificate or stars is None or valid_until is None or group is None:
        return None
    variants = tuple(
        VariantRecord(
            id=v.id, name=v.name, sku=v.sku, price=_money(v.pricing.price.gross.amount),
            currency=v.pricing.price.gross.currency, quantity_available=max(v.quantity_available or 0, 0),
            name_en=(v.translation.name or None) if v.translation else None,
        )
        for v in node.variants or []
        if v.pricing and v.pricing.price
    )
    if not variants:
        return None
    page = _value(assigned["producer"], "page")
    translation = node.translation
    return ProductRecord(
        id=node.id, slug=node.slug, name=node.name, group=group, product_set=product_set,
        certificate_id=certificate, stars=int(stars), valid_until=valid_until,
        province=_province(_value(assigned["province"], "choice")), province_at_certification=None,
        producer=ProducerRef(id=page.id, slug=page.slug, title=page.title) if page else None,
        variants=variants, created=node.created, updated_at=node.updated_at,
        name_en=(translation.name or None) if translation else None,
        description=_json_text(node.description),
        description_en=_json_text(translation.description) if translation else None,
        seo_description=node.seo_description or None,
        thumbnail=Image(url=node.thumbnail.url, alt=node.thumbnail.alt or "") if node.thumbnail else None,
        images=tuple(Image(url=m.url, alt=m.alt or "") for m in node.media or [] if m.type_.value == "IMAGE"),
        product_type=node.product_type.slug,
    )


def producer_record(node: CatalogueProducer, *, seen_at: datetime.datetime | None = None) -> ProducerRecord | None:
    """The read model's record of a producer's page, or None for a page of another type or unpublished.

    Saleor's pages carry no ``updatedAt``: ``seen_at`` (a webhook's ``issuedAt``, a reindex's start)
    orders versions, else the page's publication or creation time."""
    if node.page_type.slug != spec.PAGE_TYPE_SLUG or not node.is_published:
        return None
    story = node.story if getattr(node.story, "typename__", None) == "AssignedTextAttribute" else None
    translation = node.translation
    return ProducerRecord(
        id=node.id, slug=node.slug, title=node.title,
        updated_at=seen_at or node.published_at or node.created,
        # the page's content is the story the producer writes in the portal; the ``producer-story`` attribute
        # (staff may fill it in the Dashboard) is shown while the content is empty
        content=_json_text(node.content) or _json_text(getattr(story, "json_", None)),
        content_en=(_json_text(translation.content) if translation else None)
        or _json_text(getattr(story, "english", None)),
        title_en=(translation.title or None) if translation else None,
        province=_province(_value(node.province, "choice")),
        seo_description=node.seo_description or None,
        is_published=node.is_published,
        location=_value(node.location, "text") or None,
        location_en=_value(node.location, "english") or None,
        phone=_value(node.phone, "text") or None,
        email=_value(node.email, "text") or None,
        photos=page_photos(node.photos),
    )


def page_photos(value: str | None) -> tuple[Image, ...]:
    """The producer's photos the shop shows, from the page's public metadata (``producer_story``'s reading of
    ``spec.PHOTOS_METADATA_KEY``): the first ``spec.MAX_PAGE_PHOTOS`` entries, those at an http(s) address."""
    return tuple(Image(url=photo.url, alt=photo.alt)
                 for photo in photos_from_metadata(value, limit=spec.MAX_PAGE_PHOTOS)
                 if photo.url.startswith(("https://", "http://")))


def collection_record(node: CatalogueCollection, *, product_ids: Sequence[str] | None = None,
                      seen_at: datetime.datetime) -> CollectionRecord:
    """The read model's record of a showcase. ``product_ids``: all of them, when the collection holds
    more than the node's first page; ``seen_at`` orders versions (collections carry no ``updatedAt``)."""
    translation = node.translation
    first = [edge.node.id for edge in node.products.edges] if node.products else []
    return CollectionRecord(
        id=node.id, slug=node.slug, name=node.name, product_ids=tuple(product_ids or first), updated_at=seen_at,
        name_en=(translation.name or None) if translation else None,
        description=_json_text(node.description),
        description_en=_json_text(translation.description) if translation else None,
        background=Image(url=node.background_image.url, alt=node.background_image.alt or "")
        if node.background_image else None,
    )


# --- the reindex fetch ------------------------------------------------------------------------


@dataclass
class CatalogueFetch:
    """Lazy iterators over the whole catalogue a customer sees, page by page (``PAGE_SIZE`` per query)."""

    client: SaleorClient
    channel: str = spec.CHANNEL_SLUG
    progress: Progress | None = None
    threads: int = FETCH_THREADS
    # where the shop may load images from: Saleor's thumbnail addresses elsewhere are resolved (thumbnails.py)
    media_origins: Sequence[str] | None = None

    def __post_init__(self) -> None:
        self.started_at = datetime.datetime.now(datetime.UTC)
        self.images = None if self.media_origins is None else public_images(
            self.client.http, self.client.url, self.media_origins)
        self.storefront = self.client.storefront()
        # pages by id, several at once: each on a new connection, so that Saleor's least busy worker takes it
        self.spread = self.client.storefront(fresh_connections=True)
        self.skipped = {"products": 0, "pages": 0}

    def _report(self, phase: str, done: int, total: int | None) -> None:
        if self.progress:
            self.progress(phase, done, max(total or 0, done))

    def products(self) -> Iterator[ProductRecord]:
        """Every product, in Saleor's order (oldest first).

        With ``threads`` > 1 (the default): the ids a page at a time (a cheap query), and the
        products of each page by id, ``threads`` pages at once; the records come out in the same
        order and are the same as a sequential read gives (``threads=1``). Every read happens
        after ``started_at``.
        """
        pages = self._pages_by_id() if self.threads > 1 else self._pages_in_order()
        done = 0
        for nodes, total in pages:
            for node in nodes:
                record = product_record(node)
                done += 1
                if record is None:
                    self.skipped["products"] += 1
                else:
                    yield self.images.product(record) if self.images else record
            self._report("products", done, total)

    def _pages_in_order(self) -> Iterator[tuple[list[CatalogueProduct], int | None]]:
        after: str | None = None
        while True:
            connection = self.storefront.catalogue_products_page(
                channel=self.channel, first=PAGE_SIZE, after=after).products
            if connection is None:
                return
            yield [edge.node for edge in connection.edges], connection.total_count
            if not connection.page_info.has_next_page:
                return
            after = connection.page_info.end_cursor

    def _id_pages(self) -> Iterator[tuple[list[str], int | None]]:
        after: str | None = None
        total: int | None = None
        while True:
            connection = self.storefront.catalogue_product_ids(channel=self.channel, first=PAGE_SIZE, after=after,
                                                               with_count=after is None).products
            if connection is None:
                return
            total = connection.total_count if after is None else total
            yield [edge.node.id for edge in connection.edges], total
            if not connection.page_info.has_next_page:
                return
            after = connection.page_info.end_cursor

    def _products_by_ids(self, ids: list[str]) -> list[ReindexProduct]:
        connection = self.spread.reindex_products_by_ids(channel=self.channel, ids=ids, first=PAGE_SIZE).products
        found = {edge.node.id: edge.node for edge in connection.edges} if connection else {}
        return [found[i] for i in ids if i in found]  # one gone since its id was read: no longer for sale

    def _pages_by_id(self) -> Iterator[tuple[list[ReindexProduct], int | None]]:
        """A thread walks the ids and hands each page to a pool; pages come back in walking order."""
        ahead: queue.Queue[tuple[Future[list[ReindexProduct]], int | None] | BaseException | None] = queue.Queue(
            maxsize=2 * self.threads)
        stop = threading.Event()

        def walk(pool: ThreadPoolExecutor) -> None:
            try:
                for ids, total in self._id_pages():
                    if stop.is_set():
                        return
                    ahead.put((pool.submit(self._products_by_ids, ids), total))
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

    def producers(self) -> Iterator[ProducerRecord]:
        after: str | None = None
        done = 0
        while True:
            connection = self.storefront.catalogue_producers_page(first=PAGE_SIZE, after=after).pages
            if connection is None:
                return
            for edge in connection.edges:
                record = producer_record(edge.node, seen_at=self.started_at)
                done += 1
                if record is None:
                    self.skipped["pages"] += 1
                else:
                    yield record
            self._report("producers", done, connection.total_count)
            if not connection.page_info.has_next_page:
                return
            after = connection.page_info.end_cursor

    def collections(self) -> Iterator[CollectionRecord]:
        after: str | None = None
        done = 0
        while True:
            connection = self.storefront.catalogue_collections_page(
                channel=self.channel, first=PAGE_SIZE, after=after).collections
            if connection is None:
                return
            for edge in connection.edges:
                node = edge.node
                more = node.products is not None and node.products.page_info.has_next_page
                ids = self._collection_product_ids(node) if more else None
                done += 1
                record = collection_record(node, product_ids=ids, seen_at=self.started_at)
                yield self.images.collection(record) if self.images else record
            self._report("showcases", done, connection.total_count)
            if not connection.page_info.has_next_page:
                return
            after = connection.page_info.end_cursor

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


def iter_catalogue(client: SaleorClient, *, progress: Progress | None = None, threads: int = FETCH_THREADS,
                   media_origins: Sequence[str] | None = None) -> CatalogueFetch:
    """Everything the read model holds, fetched lazily from Saleor: ``.products()``, ``.producers()``,
    ``.collections()``; ``threads`` pages of products at once (1: one after another); with ``media_origins``,
    image addresses a browser cannot load resolved to ones it can (``thumbnails.PublicImages``)."""
    return CatalogueFetch(client, progress=progress, threads=threads, media_origins=media_origins)
