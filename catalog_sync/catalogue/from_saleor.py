"""The read model's records from Saleor's nodes: what an anonymous customer sees in channel ``ocop-vn``.

- ``product_record``, ``producer_record``, ``collection_record``: pure mappings of one GraphQL node
  (the fragments ``CatalogueProduct``, ``CatalogueProducer``, ``CatalogueCollection`` in Saleor's
  ``queries/readmodel.graphql``, parsed by the generated models) to the read model's records;
  ``product_record`` maps the reindex's ``ReindexProduct`` (``queries/reindex.graphql``: the same
  fields, the attributes as one list) the same way.
  A webhook payload selecting the same fragment maps the same way (``*.model_validate(payload)``).
  They return None for what the read model must not hold (a product nobody can buy now, a page
  that is not a producer's).
- ``iter_catalogue(client)``: every product, producer and showcase as records, read by the Saleor client's
  ``CatalogueFetch`` (100 per query, several pages of products at once, asked without a token);
  ``changed_records(client, since, held=...)``: the same for what Saleor changed since a moment.
The Saleor client never imports the read model: the mapping lives here, with the records.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from catalog_sync.domain.groups import GROUPS, PRODUCT_SETS
from catalog_sync.domain.provinces import PROVINCES, resolve_province
from catalog_sync.saleor import SaleorClient, spec
from catalog_sync.saleor.catalogue_read import FETCH_THREADS, CatalogueFetch
from catalog_sync.saleor.changes import changes_since
from catalog_sync.saleor.generated.fragments import (
    CatalogueCollection,
    CatalogueProducer,
    CatalogueProduct,
    ReindexProduct,
)
from catalog_sync.saleor.producer_story import photos_from_metadata

from .public_images import PublicImages, public_images
from .records import CollectionRecord, Image, ProducerRecord, ProducerRef, ProductRecord, VariantRecord

OCOP_PRODUCT_TYPES = frozenset(t.slug for t in spec.PRODUCT_TYPES)
_GROUP_SLUGS = frozenset(g.slug for g in GROUPS)
_SET_GROUP = {s.slug: s.group_slug for s in PRODUCT_SETS}
_PROVINCE_SLUGS = frozenset(p.slug for p in PROVINCES)

Progress = Callable[[str, int, int], None]


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


# --- the whole catalogue, and what changed since a moment -------------------------------------------


class CatalogueRead:
    """Lazy iterators over the records of the whole catalogue a customer sees (``CatalogueFetch``'s pages,
    mapped); ``skipped`` counts the products and pages the read model must not hold."""

    def __init__(self, client: SaleorClient, *, progress: Progress | None = None, threads: int = FETCH_THREADS,
                 media_origins: Sequence[str] | None = None) -> None:
        self.fetch = CatalogueFetch(client, threads=threads)
        self.started_at = self.fetch.started_at
        self.progress = progress
        # where the shop may load images from: Saleor's thumbnail addresses elsewhere are resolved (public_images.py)
        self.images = images_for(client, media_origins)
        self.skipped = {"products": 0, "pages": 0}

    def _report(self, phase: str, done: int, total: int | None) -> None:
        if self.progress:
            self.progress(phase, done, max(total or 0, done))

    def products(self) -> Iterator[ProductRecord]:
        """Every product for sale, in Saleor's order (oldest first), whichever way the pages are read."""
        done = 0
        for nodes, total in self.fetch.product_pages():
            for node in nodes:
                record = product_record(node)
                done += 1
                if record is None:
                    self.skipped["products"] += 1
                else:
                    yield self.images.product(record) if self.images else record
            self._report("products", done, total)

    def producers(self) -> Iterator[ProducerRecord]:
        done = 0
        for nodes, total in self.fetch.producer_pages():
            for node in nodes:
                record = producer_record(node, seen_at=self.started_at)
                done += 1
                if record is None:
                    self.skipped["pages"] += 1
                else:
                    yield record
            self._report("producers", done, total)

    def collections(self) -> Iterator[CollectionRecord]:
        done = 0
        for page, total in self.fetch.collection_pages():
            for node, ids in page:
                done += 1
                record = collection_record(node, product_ids=ids, seen_at=self.started_at)
                yield self.images.collection(record) if self.images else record
            self._report("showcases", done, total)


def images_for(client: SaleorClient, media_origins: Sequence[str] | None) -> PublicImages | None:
    """With ``media_origins``, Saleor's image addresses resolved through ``client``'s connections to ones a
    browser may load; None without."""
    return None if media_origins is None else public_images(client.http, client.url, media_origins)


def iter_catalogue(client: SaleorClient, *, progress: Progress | None = None, threads: int = FETCH_THREADS,
                   media_origins: Sequence[str] | None = None) -> CatalogueRead:
    """Everything the read model holds, fetched lazily from Saleor: ``.products()``, ``.producers()``,
    ``.collections()``; ``threads`` pages of products at once (1: one after another); with ``media_origins``,
    image addresses a browser cannot load resolved to ones it can (``public_images.PublicImages``)."""
    return CatalogueRead(client, progress=progress, threads=threads, media_origins=media_origins)


@dataclass
class ChangedRecords:
    """What the read model must change to match Saleor again since a moment."""

    started_at: datetime.datetime  # every read happened after this moment
    records: list[ProductRecord] = field(default_factory=list)  # read, and for sale now
    gone: list[str] = field(default_factory=list)  # no longer listed, or read and not for sale now
    read: int = 0  # products read in full


def changed_records(client: SaleorClient, since: datetime.datetime, *, held: set[str],
                    progress: Progress | None = None, media_origins: Sequence[str] | None = None) -> ChangedRecords:
    """Saleor's changes since ``since`` (``changes.changes_since``) for a read model holding ``held``, mapped."""
    changes = changes_since(client, since, held=held, progress=progress)
    images = images_for(client, media_origins)
    result = ChangedRecords(started_at=changes.started_at, read=changes.read)
    for product_id, node in changes.products:
        record = product_record(node) if node is not None else None
        if record is None:
            result.gone.append(product_id)
        else:
            result.records.append(images.product(record) if images else record)
    not_for_sale = set(result.gone)
    result.gone += [product_id for product_id in changes.unlisted if product_id not in not_for_sale]
    return result
