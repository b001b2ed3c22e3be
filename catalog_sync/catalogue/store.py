"""The read model's only writer and its readers, in records (``catalogue.records``).

Writers (the app's webhooks and ``ocop search reindex`` call them):
- ``apply_*`` keep a record unless the read model already holds a newer state of it: a newer
  row (by Saleor's ``updated_at``) or a removal at or after it (a tombstone). Replaying an event
  is harmless.
- ``remove_*`` drop the object at once (listings, pages and search read the same rows) and
  leave a tombstone so that an older event arriving late cannot bring it back.
- ``rebuild`` replaces the whole catalogue inside one transaction: the new catalogue is written
  aside of what readers see (PostgreSQL's snapshots) and becomes visible in one swap at commit,
  so a reader never sees an empty or half-built catalogue. Single writers wait for a running
  rebuild (an advisory lock) and are then applied on top of it.
The search backend's indexing hooks are called from here (``search.get_backend()``).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL

from . import cache, models, rows
from .records import CollectionRecord, ProducerRecord, ProductRecord

log = logging.getLogger(__name__)

_CATALOGUE_LOCK = 0x0CA7A106  # pg advisory lock: shared by single writes, exclusive for a rebuild
_BATCH = 1000

Progress = Callable[[int], None]  # called with the number of products written so far


def _lock(key: str | None = None) -> None:
    """Wait for a running rebuild, then serialise writers of one object (its id as ``key``).

    Every writer starts here, so this is also where caches learn the catalogue changes.
    """
    cache.changed()
    with connection.cursor() as cursor:
        if key is None:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CATALOGUE_LOCK])
        else:
            cursor.execute(
                "SELECT pg_advisory_xact_lock_shared(%s), pg_advisory_xact_lock(hashtextextended(%s, 0))",
                [_CATALOGUE_LOCK, key],
            )


def _tombstone(kind: str, object_id: str) -> datetime.datetime | None:
    return (
        models.Tombstone.objects.filter(kind=kind, object_id=object_id)
        .values_list("removed_at", flat=True)
        .first()
    )


def _is_stale(
    kind: str,
    model: type[models.models.Model],
    object_id: str,
    updated_at: datetime.datetime,
    at: datetime.datetime | None = None,
) -> bool:
    removed_at = _tombstone(kind, object_id)
    if removed_at is not None and removed_at > max(updated_at, at or updated_at):
        return True
    current = model._default_manager.filter(pk=object_id).values_list("updated_at", flat=True).first()
    return current is not None and current > updated_at


def _bury(kind: str, model: type[models.models.Model], object_id: str, at: datetime.datetime) -> bool:
    current = model._default_manager.filter(pk=object_id).values_list("updated_at", flat=True).first()
    if current is not None and current > at:
        return False  # the object changed after this removal: the removal is the older event
    removed_at = _tombstone(kind, object_id)
    if removed_at is None or removed_at < at:
        models.Tombstone.objects.update_or_create(kind=kind, object_id=object_id, defaults={"removed_at": at})
    model._default_manager.filter(pk=object_id).delete()
    return current is not None


def _search():  # the backend, imported late: search modules read the models
    from .search import get_backend

    return get_backend()


# --- products ---------------------------------------------------------------------------------


def apply_product(record: ProductRecord, *, at: datetime.datetime | None = None) -> bool:
    """Keep this product as given; False when the read model already holds something newer.

    ``at``: when the event happened (the webhook's ``issued_at``), if it can be later than
    ``record.updated_at``: Saleor publishes a product in a channel without changing the
    product's ``updated_at``, so only the event's time tells that re-publishing came after a
    removal. Removals are compared with the later of the two; rows with ``updated_at``.
    """
    with transaction.atomic():
        _lock(f"product:{record.id}")
        if _is_stale(models.Tombstone.Kind.PRODUCT, models.Product, record.id, record.updated_at, at):
            log.info("catalogue: ignored an older state of product %s", record.id)
            return False
        product, variants = rows.product_row(record)
        # a variant Saleor moved from another product leaves that one too
        models.Variant.objects.filter(Q(product_id=record.id) | Q(pk__in=[v.id for v in variants])).delete()
        product.save()
        models.Variant.objects.bulk_create(variants)
        models.Tombstone.objects.filter(kind=models.Tombstone.Kind.PRODUCT, object_id=record.id).delete()
        _search().index_products([record])
    return True


def remove_product(product_id: str, *, at: datetime.datetime) -> bool:
    """Take the product off every listing, page and search now; True when it was there."""
    with transaction.atomic():
        _lock(f"product:{product_id}")
        removed = _bury(models.Tombstone.Kind.PRODUCT, models.Product, product_id, at)
        if removed:
            _search().remove_products([product_id])
    return removed


# --- producers and collections ------------------------------------------------------------------


def apply_producer(record: ProducerRecord, *, at: datetime.datetime | None = None) -> bool:
    with transaction.atomic():
        _lock(f"producer:{record.id}")
        if _is_stale(models.Tombstone.Kind.PRODUCER, models.Producer, record.id, record.updated_at, at):
            return False
        rows.producer_row(record).save()
        # a renamed page (namesakes of two provinces told apart): its products are the page's, whose slug the
        # portal grants by, at once (their own webhooks come only when they change)
        models.Product.objects.filter(producer_id=record.id).exclude(producer_slug=record.slug).update(
            producer_slug=record.slug)
        models.Tombstone.objects.filter(kind=models.Tombstone.Kind.PRODUCER, object_id=record.id).delete()
    return True


def remove_producer(producer_id: str, *, at: datetime.datetime) -> bool:
    with transaction.atomic():
        _lock(f"producer:{producer_id}")
        return _bury(models.Tombstone.Kind.PRODUCER, models.Producer, producer_id, at)


def apply_collection(record: CollectionRecord, *, at: datetime.datetime | None = None) -> bool:
    with transaction.atomic():
        _lock(f"collection:{record.id}")
        if _is_stale(models.Tombstone.Kind.COLLECTION, models.Collection, record.id, record.updated_at, at):
            return False
        collection, memberships = rows.collection_rows(record)
        models.CollectionProduct.objects.filter(collection_id=record.id).delete()
        collection.save()
        models.CollectionProduct.objects.bulk_create(memberships)
        models.Tombstone.objects.filter(kind=models.Tombstone.Kind.COLLECTION, object_id=record.id).delete()
    return True


def remove_collection(collection_id: str, *, at: datetime.datetime) -> bool:
    with transaction.atomic():
        _lock(f"collection:{collection_id}")
        return _bury(models.Tombstone.Kind.COLLECTION, models.Collection, collection_id, at)


# --- rebuild ------------------------------------------------------------------------------------


def _batches[T](items: Iterable[T], size: int = _BATCH) -> Iterable[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _among(ids: Iterable[str]) -> RawSQL:
    """``…__in=_among(ids)``: the ids as one array parameter (not one parameter per id: a rebuild
    passes thousands, and each would be parsed and sent on its own)."""
    return RawSQL("SELECT unnest(%s::varchar[])", (list(ids),))


def _fresh[T](kind: str, model: type[models.models.Model], records: list[T]) -> list[T]:
    """The records to write: all but those the read model holds in a newer state.

    Saleor's reply is the authority in a rebuild, so earlier removals do not hold back what it
    says is for sale (their tombstones go); only a newer row, written by an event handled after
    the records were read, is kept.
    """
    ids = [r.id for r in records]  # type: ignore[attr-defined]
    current = dict(model._default_manager.filter(pk__in=_among(ids)).values_list("pk", "updated_at"))
    models.Tombstone.objects.filter(kind=kind, object_id__in=_among(ids)).delete()
    return [r for r in records if not (r.id in current and current[r.id] > r.updated_at)]  # type: ignore[attr-defined]


def _delete_others(model: type[models.models.Model], keep: set[str]) -> None:
    model._default_manager.exclude(pk__in=_among(keep)).delete() if keep else model._default_manager.all().delete()


def _columns(model: type[models.models.Model]) -> list[Any]:
    return [f for f in model._meta.concrete_fields if not f.generated]


def _copy(model: type[models.models.Model], rows: Iterable[dict[str, Any]], table: str | None = None) -> None:
    """Write ``rows`` (column values by attribute name, as ``rows.product_values`` gives them; no model
    instances) with PostgreSQL's COPY (``table``: a staging table with the model's columns)."""
    fields = _columns(model)
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    order = [f.attname for f in fields]
    json_fields = [(i, f) for i, f in enumerate(fields) if isinstance(f, models.models.JSONField)]
    with connection.cursor() as cursor, cursor.cursor.copy(
            f"COPY {table or model._meta.db_table} ({names}) FROM STDIN") as copy:
        for row in rows:
            values = [row[name] for name in order]
            for i, field in json_fields:
                values[i] = field.get_db_prep_save(values[i], connection)
            copy.write_row(values)


def _write_products(records: Iterable[ProductRecord], progress: Progress | None) -> set[str]:
    """Upsert the products a batch at a time: COPY into a staging table, then one INSERT … ON CONFLICT
    (a statement per batch, not a parameter per value: the reindex writes 20,000 products)."""
    seen: set[str] = set()
    fields = _columns(models.Product)
    quote = connection.ops.quote_name
    table, staging = quote(models.Product._meta.db_table), quote("catalogue_product_rebuild")
    names = ", ".join(quote(f.column) for f in fields)
    updates = ", ".join(f"{quote(f.column)} = EXCLUDED.{quote(f.column)}" for f in fields if not f.primary_key)
    with connection.cursor() as cursor:
        # (identifiers from the models' own metadata, quoted: nothing here comes from outside)
        cursor.execute(f"CREATE TEMPORARY TABLE {staging} ON COMMIT DROP AS "  # noqa: S608
                       f"SELECT {names} FROM {table} WITH NO DATA")
    written = 0
    for batch in _batches(records):
        seen.update(r.id for r in batch)
        fresh = _fresh(models.Tombstone.Kind.PRODUCT, models.Product, batch)
        variants = [v for r in fresh for v in rows.variant_values(r)]
        models.Variant.objects.filter(
            Q(product_id__in=_among(r.id for r in fresh)) | Q(pk__in=_among(v["id"] for v in variants))
        ).delete()
        _copy(models.Product, map(rows.product_values, fresh), staging)
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {staging} "  # noqa: S608
                           f"ON CONFLICT (id) DO UPDATE SET {updates}")
            cursor.execute(f"TRUNCATE {staging}")
        _copy(models.Variant, variants)
        written += len(batch)
        if progress:
            progress(written)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {staging}")
    return seen


def rebuild(
    products: Iterable[ProductRecord],
    producers: Iterable[ProducerRecord],
    collections: Iterable[CollectionRecord],
    progress: Progress | None = None,
) -> int:
    """Replace the catalogue with exactly these records, without downtime; returns the product count.

    What is not given is gone afterwards, except an object the read model holds in a newer
    state than the one given (an event applied while the records were being read from Saleor).
    """
    with transaction.atomic():
        _lock()
        seen = _write_products(products, progress)
        _delete_others(models.Product, seen)

        producer_records = list(producers)
        fresh_producers = _fresh(models.Tombstone.Kind.PRODUCER, models.Producer, producer_records)
        producer_ids = {r.id for r in producer_records}
        _delete_others(models.Producer, producer_ids)
        models.Producer.objects.filter(pk__in=[r.id for r in fresh_producers]).delete()
        models.Producer.objects.bulk_create([rows.producer_row(r) for r in fresh_producers])

        collection_records = list(collections)
        fresh_collections = _fresh(models.Tombstone.Kind.COLLECTION, models.Collection, collection_records)
        _delete_others(models.Collection, {r.id for r in collection_records})
        models.Collection.objects.filter(pk__in=[r.id for r in fresh_collections]).delete()
        pairs = [rows.collection_rows(r) for r in fresh_collections]
        models.Collection.objects.bulk_create([c for c, _ in pairs])
        models.CollectionProduct.objects.bulk_create([m for _, ms in pairs for m in ms])

        count = models.Product.objects.count()
        _search().rebuild_index()
    # Fresh planner statistics for the swapped-in catalogue, and (outside a transaction) the old
    # rows' space reclaimed and the visibility map set, so facet counts stay index-only scans.
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for model in (models.Product, models.Variant, models.CollectionProduct, models.SearchWord):
            cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")
    return count


def apply_changes(records: Sequence[ProductRecord], gone: Iterable[str], *, at: datetime.datetime) -> tuple[int, int]:
    """What Saleor changed since a moment (``ocop search reindex --since``), in one transaction: returns
    (products written, products removed).

    ``records`` were read after ``at``: each is written unless the read model holds a newer row of it or
    a removal handled after ``at`` (an event applied while the records were being read). The ``gone``
    products are removed with a tombstone at ``at``, unless their row changed after it. Single writers
    wait meanwhile, as for a rebuild."""
    with transaction.atomic():
        _lock()
        ids = [r.id for r in records]
        current = dict(models.Product.objects.filter(pk__in=_among(ids)).values_list("pk", "updated_at"))
        removed_later = set(models.Tombstone.objects.filter(
            kind=models.Tombstone.Kind.PRODUCT, object_id__in=_among(ids), removed_at__gt=at,
        ).values_list("object_id", flat=True))
        fresh = [r for r in records
                 if r.id not in removed_later and not (r.id in current and current[r.id] > r.updated_at)]
        if fresh:
            _write_products(fresh, None)
            _search().index_products(fresh)
        removed = [product_id for product_id in dict.fromkeys(gone)
                   if _bury(models.Tombstone.Kind.PRODUCT, models.Product, product_id, at)]
        if removed:
            _search().remove_products(removed)
    return len(fresh), len(removed)


def product_ids() -> set[str]:
    """The ids of every product the read model holds."""
    return set(models.Product.objects.values_list("pk", flat=True))


# --- readers ------------------------------------------------------------------------------------


def product_by_slug(slug: str) -> ProductRecord | None:
    row = models.Product.objects.filter(slug=slug).order_by("-updated_at").prefetch_related("variants").first()
    return rows.product_record(row, list(row.variants.all())) if row else None


def product_by_certificates(certificate_ids: Sequence[str]) -> ProductRecord | None:
    """The product for sale under one of these certificates (a renewal chain's), the latest changed first."""
    row = (models.Product.objects.filter(certificate_id__in=list(certificate_ids)).order_by("-updated_at", "id")
           .prefetch_related("variants").first())
    return rows.product_record(row, list(row.variants.all())) if row else None


def products_by_ids(ids: Sequence[str]) -> list[ProductRecord]:
    """The products among these ids that are for sale, in the order of ``ids``."""
    found = {row.id: row for row in models.Product.objects.filter(pk__in=list(ids)).prefetch_related("variants")}
    return [rows.product_record(found[i], list(found[i].variants.all())) for i in dict.fromkeys(ids) if i in found]


def producer_by_slug(slug: str) -> ProducerRecord | None:
    row = models.Producer.objects.filter(slug=slug).order_by("-updated_at").first()
    return rows.producer_record(row) if row else None


def producers_by_ids(ids: Sequence[str]) -> list[ProducerRecord]:
    found = {row.id: row for row in models.Producer.objects.filter(pk__in=list(ids))}
    return [rows.producer_record(found[i]) for i in dict.fromkeys(ids) if i in found]


def collection_by_slug(slug: str) -> CollectionRecord | None:
    row = models.Collection.objects.filter(slug=slug).order_by("-updated_at").prefetch_related("memberships").first()
    return rows.collection_record(row, list(row.memberships.all())) if row else None


def published_collections() -> list[CollectionRecord]:
    """Every showcase published in the channel, by name."""
    return [
        rows.collection_record(row, list(row.memberships.all()))
        for row in models.Collection.objects.order_by("name", "id").prefetch_related("memberships")
    ]
