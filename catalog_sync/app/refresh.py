"""Bring the read model in line with Saleor for one changed object.

The object is read again as an anonymous customer sees it in ``ocop-vn``: present means it is
for sale (or shown) now, absent means it leaves the storefront. Whatever the order in which
events arrive, the last read wins, so an older event never overwrites newer state: a product's
version is the moment it was read (Saleor does not move ``updatedAt`` when a listing is
published or unpublished, so its own stamp cannot order a withdrawal and a restore).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, Protocol

from django.utils import timezone

from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import CollectionRecord, ProducerRecord, ProductRecord

from .events import Change

PRODUCER_PAGE_TYPE = "producer"


class CatalogueReader(Protocol):
    """Reads one object from Saleor as an anonymous customer of ocop-vn sees it."""

    def product(self, product_id: str) -> ProductRecord | None: ...

    def variant_product_id(self, variant_id: str) -> str | None: ...

    def collection(self, collection_id: str) -> CollectionRecord | None: ...

    def producer(self, page_id: str) -> ProducerRecord | None: ...


def apply_change(change: Change, reader: CatalogueReader, *, now: datetime.datetime | None = None) -> str:
    """Apply one change; returns what was done, for the task's log."""
    kind: str = change.kind
    object_id = change.id
    # Taken before reading: what is read reflects Saleor at this moment or later.
    seen = now or timezone.now()
    if kind == "variant":
        product_id = reader.variant_product_id(object_id)
        if product_id is None:
            return f"variant {object_id}: not in the storefront"
        kind, object_id = "product", product_id
    if kind == "page":
        if change.page_type not in (None, PRODUCER_PAGE_TYPE):
            return f"page {object_id}: not a producer"
        kind = "producer"
    steps: dict[str, tuple[Callable[[str], Any], Callable[..., bool], Callable[..., bool]]] = {
        "product": (reader.product, store.apply_product, store.remove_product),
        "collection": (reader.collection, store.apply_collection, store.remove_collection),
        "producer": (reader.producer, store.apply_producer, store.remove_producer),
    }
    read, apply, remove = steps[kind]
    record = None if change.deleted else read(object_id)
    if record is None:
        remove(object_id, at=seen)
        return f"{kind} {object_id}: removed"
    apply(record, at=seen)
    return f"{kind} {object_id}: updated"
