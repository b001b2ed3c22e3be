"""The writes of a run: withdraw, restore and re-label in bulk, audit each change (and carry it to the
product's private metadata, withdrawal_log.py), and record each product's certification state.

Listings are unpublished and restored through Saleor's models; rows written by the hundred or the
thousand (withdrawals, audit entries, attribute values, products' logs) go as one set-based statement
per table (bulk.py), named by the models' ``_meta``. Nothing here uses Saleor's deprecated plugin
hooks or private helpers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import NamedTuple

from django.db import connection
from django.db.models import Q

from . import bulk, reconcile, rules, withdrawal_log
from .config import STARS_ATTRIBUTE, VALID_UNTIL_ATTRIBUTE
from .loading import BATCH, Loaded
from .models import AuditEntry, ProductCertification, SyncRun, Withdrawal, WithdrawnListing


@dataclass
class Outcome:
    withdrawn: list[dict] = field(default_factory=list)
    restored: list[dict] = field(default_factory=list)
    updated: list[dict] = field(default_factory=list)
    changed_product_ids: set[int] = field(default_factory=set)


def _item(change: reconcile.Change, loaded: Loaded) -> dict:
    certificate = change.verdict.certificate
    return {
        "product_id": change.product_id,
        "product": loaded.names.get(change.product_id, ""),
        "certificate_id": loaded.linked.get(change.product_id),
        "effective_certificate_id": certificate.id if certificate is not None else None,
        "reason": change.verdict.reason,
    }


def _update_item(update: reconcile.AttributeUpdate, loaded: Loaded) -> dict:
    return {
        "product_id": update.product_id,
        "product": loaded.names.get(update.product_id, ""),
        "stars": update.stars,
        "valid_until": update.valid_until.isoformat(),
    }


def describe(plan: reconcile.Plan, withdraw: list[reconcile.Change], loaded: Loaded) -> Outcome:
    return Outcome(
        withdrawn=[_item(change, loaded) for change in withdraw],
        restored=[_item(change, loaded) for change in plan.restore],
        updated=[_update_item(update, loaded) for update in plan.update],
    )


def apply(run: SyncRun, plan: reconcile.Plan, withdraw: list[reconcile.Change], loaded: Loaded,
          verdicts: rules.Verdicts, now: datetime) -> Outcome:
    """Withdraw, restore and re-label in bulk. Call inside transaction.atomic()."""
    from saleor.product.models import Product

    outcome = describe(plan, withdraw, loaded)
    audit: list[_Audit] = []
    if withdraw:
        _withdraw(run, withdraw, loaded, now, audit)
    if plan.restore:
        _restore(run, plan.restore, loaded, now, audit)
    if plan.update:
        _update_attributes(plan.update)
    touched = _carry_to_products(audit, _save_audit(audit), now)
    changed = {c.product_id for c in withdraw} | {c.product_id for c in plan.restore}
    changed |= {u.product_id for u in plan.update}
    _record_certification_state(run, loaded, verdicts, now, changed)
    if changed - touched:  # products re-labelled only (the others were updated with their log)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {connection.ops.quote_name(Product._meta.db_table)} "  # noqa: S608  (names from the models)
                "SET updated_at = %s, search_index_dirty = true WHERE id = ANY(%s::bigint[])",
                [now, bulk.id_array(sorted(changed - touched))],
            )
    outcome.changed_product_ids = changed
    return outcome


class _Audit(NamedTuple):  # an AuditEntry's row, before it is inserted (a tuple: cheap by the hundred)
    action: str
    product_id: int
    product_name: str
    certificate_id: str
    reason: str
    run_id: int
    at: datetime


def _audit(action: str, change: reconcile.Change, loaded: Loaded, run: SyncRun, now: datetime) -> _Audit:
    certificate = change.verdict.certificate
    return _Audit(
        action=action,
        product_id=change.product_id,
        product_name=loaded.names.get(change.product_id, "")[:250],
        certificate_id=(certificate.id if certificate is not None else loaded.linked.get(change.product_id)) or "",
        reason=change.verdict.reason,
        run_id=run.pk,
        at=now,
    )


def _save_audit(audit: list[_Audit]) -> dict[int, int]:
    """Insert the run's audit entries in one statement; returns each one's id by product (a run
    changes a product once: withdrawn or restored, never both)."""
    ids = dict(bulk.insert_rows(AuditEntry, {name: [getattr(item, name) for item in audit] for name in _Audit._fields},
                                returning=["product_id", "id"]))
    if len(ids) != len(audit):
        raise RuntimeError(f"{len(audit)} audit entries for {len(ids)} products in one run")
    return ids


def _carry_to_products(audit: list[_Audit], audit_ids: dict[int, int], now: datetime) -> set[int]:
    """Append each audit entry (ids by product from _save_audit) to its product's private metadata
    (withdrawal_log.py), so the PRODUCT_UPDATED webhook sent after commit carries it; in the same
    statement the product is marked updated and due for Saleor's search index. Returns the
    products updated."""
    from saleor.product.models import Product

    by_product: dict[int, list[dict]] = defaultdict(list)
    for item in audit:
        by_product[item.product_id].append(withdrawal_log.entry(
            entry_id=audit_ids[item.product_id], action=item.action, reason=item.reason,
            certificate_id=item.certificate_id,
            product=item.product_name, at=item.at, run_id=item.run_id))
    ids = sorted(by_product)
    touched: set[int] = set()
    for start in range(0, len(ids), BATCH):
        # Under a row lock: a metadata edit made meanwhile (the Dashboard, an app) is kept.
        rows = (Product.objects.select_for_update().filter(id__in=ids[start : start + BATCH]).order_by("pk")
                .values_list("id", "private_metadata"))
        changed: dict[str, list] = {"id": [], "private_metadata": []}
        for product_id, private_metadata in rows:
            metadata = dict(private_metadata or {})
            metadata[withdrawal_log.METADATA_KEY] = withdrawal_log.merged(
                metadata.get(withdrawal_log.METADATA_KEY), by_product[product_id])
            changed["id"].append(product_id)
            changed["private_metadata"].append(metadata)
        changed["updated_at"] = [now] * len(changed["id"])
        changed["search_index_dirty"] = [True] * len(changed["id"])
        bulk.update_rows(Product, "id", changed)
        touched.update(changed["id"])
    return touched


# What a withdrawal stores of each listing, to put it back on restore.
_LISTING_STATE = ("channel_id", "is_published", "published_at", "available_for_purchase_at")


def _withdraw(run: SyncRun, changes: list[reconcile.Change], loaded: Loaded, now: datetime,
              audit: list[_Audit]) -> None:
    from saleor.product.models import ProductChannelListing

    ids = [change.product_id for change in changes]
    # Re-read the listings under a row lock, so what we store is exactly what we change.
    current: dict[int, list[tuple]] = defaultdict(list)
    for product_id, *listing in (ProductChannelListing.objects.select_for_update().filter(product_id__in=ids)
                                 .order_by("pk").values_list("product_id", *_LISTING_STATE)):
        current[product_id].append(listing)
    # A product we had withdrawn and staff published again by hand keeps its first withdrawal
    # (and the listing state stored then): it is only unpublished again.
    new = [change for change in changes if change.product_id not in loaded.open_withdrawals]
    withdrawal_ids = dict(bulk.insert_rows(Withdrawal, {
        "product_id": [change.product_id for change in new],
        "certificate_id": [(change.verdict.certificate.id if change.verdict.certificate else None)
                           or loaded.linked.get(change.product_id) or "" for change in new],
        "reason": [change.verdict.reason for change in new],
        "run_id": [run.pk] * len(new),
        "withdrawn_at": [now] * len(new),
    }, returning=["product", "id"]))
    before = [(withdrawal_ids[change.product_id], listing)
              for change in new for listing in current.get(change.product_id, ())]
    columns: dict[str, list] = {"withdrawal_id": [withdrawal_id for withdrawal_id, _ in before]}
    for index, name in enumerate(_LISTING_STATE):
        columns[name] = [listing[index] for _, listing in before]
    bulk.insert_rows(WithdrawnListing, columns)
    ProductChannelListing.objects.filter(product_id__in=ids).update(is_published=False, available_for_purchase_at=None)
    audit.extend(_audit(AuditEntry.Action.WITHDRAW, change, loaded, run, now) for change in changes)


def _restore(run: SyncRun, changes: list[reconcile.Change], loaded: Loaded, now: datetime,
             audit: list[_Audit]) -> None:
    from saleor.product.models import ProductChannelListing

    ids = [change.product_id for change in changes]
    open_withdrawals = Withdrawal.objects.filter(product_id__in=ids, restored_at__isnull=True)
    stored = {
        (row["withdrawal__product_id"], row["channel_id"]): row
        for row in WithdrawnListing.objects.filter(withdrawal__in=open_withdrawals).values(
            "withdrawal__product_id", "channel_id", "is_published", "published_at", "available_for_purchase_at"
        )
    }
    listings = list(ProductChannelListing.objects.select_for_update().filter(product_id__in=ids).order_by("pk"))
    to_save = []
    for listing in listings:
        before = stored.get((listing.product_id, listing.channel_id))
        if before is None:  # listed in a new channel since the withdrawal: leave it as staff set it
            continue
        listing.is_published = before["is_published"]
        listing.published_at = before["published_at"]
        listing.available_for_purchase_at = before["available_for_purchase_at"]
        to_save.append(listing)
    ProductChannelListing.objects.bulk_update(
        to_save, ["is_published", "published_at", "available_for_purchase_at"], batch_size=BATCH
    )
    open_withdrawals.update(restored_at=now, restored_by=run)
    audit.extend(_audit(AuditEntry.Action.RESTORE, change, loaded, run, now) for change in changes)


def _update_attributes(updates: list[reconcile.AttributeUpdate]) -> None:
    """Keep ocop-stars and ocop-valid-until equal to the certificate's, as Saleor stores them:
    one value per product and attribute, slug ``product-<pk>_<attribute pk>``; numeric in
    ``numeric`` (name = the number), a date as 00:00 UTC in ``date_time`` (name = ISO date)."""
    from saleor.attribute.models import Attribute

    attributes = {a.slug: a for a in Attribute.objects.filter(slug__in=[STARS_ATTRIBUTE, VALID_UNTIL_ATTRIBUTE])}
    stars = attributes.get(STARS_ATTRIBUTE)
    valid_until = attributes.get(VALID_UNTIL_ATTRIBUTE)
    if stars is not None:
        _set_values(stars, {u.product_id: {"name": str(u.stars), "numeric": float(u.stars)} for u in updates})
    if valid_until is not None:
        _set_values(
            valid_until,
            {
                u.product_id: {
                    "name": u.valid_until.isoformat(),
                    "date_time": datetime.combine(u.valid_until, time.min, tzinfo=UTC),
                }
                for u in updates
            },
        )


def _set_values(attribute, wanted: dict[int, dict]) -> None:
    """Each product's own value of ``attribute`` set to ``wanted[product_id]`` and assigned to it
    (only), in three statements whatever the number of products: upsert the values by their
    unique (slug, attribute), drop the product's other assignments for the attribute, assign."""
    from saleor.attribute.models import AssignedProductAttributeValue, AttributeValue

    product_ids = list(wanted)
    slugs = [f"product-{product_id}_{attribute.pk}" for product_id in product_ids]
    fields = sorted({name for values in wanted.values() for name in values})
    columns: dict[str, list] = {"attribute_id": [attribute.pk] * len(slugs), "slug": slugs}
    for name in fields:
        columns[name] = [values.get(name) for values in wanted.values()]
    own = dict(
        bulk.insert_rows(AttributeValue, columns, conflict=["slug", "attribute"], update=fields,
                         returning=["slug", "id"])
    )
    value_ids = [own[slug] for slug in slugs]
    assigned = AssignedProductAttributeValue._meta
    values = AttributeValue._meta
    with connection.cursor() as cursor:
        # Re-point each product's assignment for this attribute to its own value.
        cursor.execute(
            f"DELETE FROM {connection.ops.quote_name(assigned.db_table)} AS a "  # noqa: S608  (names from the models)
            f"USING {connection.ops.quote_name(values.db_table)} AS v "
            "WHERE v.id = a.value_id AND v.attribute_id = %s AND a.product_id = ANY(%s::bigint[]) "
            "AND NOT (a.value_id = ANY(%s::bigint[]))",
            [attribute.pk, bulk.id_array(product_ids), bulk.id_array(value_ids)],
        )
    bulk.insert_rows(AssignedProductAttributeValue, {"product_id": product_ids, "value_id": value_ids},
                     conflict=["value", "product"])


def _record_certification_state(run: SyncRun, loaded: Loaded, verdicts: rules.Verdicts, now: datetime,
                                changed: set[int]) -> None:
    """Upsert each OCOP product's certification state (only the rows that changed).

    When the last completed run used this same feed, only time can have changed a verdict:
    then only new or re-linked products, changed ones, sellable ones past their last valid day
    or awaiting a revocation, and not-yet-valid ones are re-evaluated — the steady-state run
    stays cheap.
    """
    previous_feed = (
        SyncRun.objects.filter(status__in=[SyncRun.Status.DONE, SyncRun.Status.HELD], dry_run=False)
        .exclude(pk=run.pk)
        .exclude(feed_generated_at=None)
        .order_by("-id")
        .values_list("feed_generated_at", flat=True)
        .first()
    )
    states = loaded.states
    if previous_feed == verdicts.feed.generated_at:
        today = now.astimezone(rules.VIETNAM_TZ).date()
        due = set(
            ProductCertification.objects.filter(
                Q(sellable=True, valid_until__lt=today)
                | Q(sellable=True, reason__contains=rules.REVOKED_FROM)
                | Q(sellable=False, reason__startswith="not yet valid")
            ).values_list("product_id", flat=True)
        )
        candidates = changed | due | loaded.relinked
        states = [state for state in states if state[0] in candidates]  # state[0]: product_id
    columns = ("product_id", "certificate_id", "effective_certificate_id", "sellable", "reason", "stars",
               "valid_until")
    query = ProductCertification.objects.all()
    if len(states) < len(loaded.states):
        query = query.filter(product_id__in=[state.product_id for state in states])
    existing = {row[0]: row[1:] for row in query.values_list(*columns)}
    rows = []
    verdict = verdicts.on(now)
    for state in states:
        decision = verdict(state.certificate_id)
        certificate = decision.certificate
        values = (
            state.certificate_id or "",
            certificate.id if certificate is not None else "",
            decision.sellable,
            decision.reason,
            certificate.stars if certificate is not None else None,
            certificate.valid_until if certificate is not None else None,
        )
        if existing.get(state.product_id) != values:
            rows.append((state.product_id, *values))
    if not rows:
        return
    names = ("product_id", "certificate_id", "effective_certificate_id", "sellable", "reason", "stars", "valid_until")
    columns: dict[str, list] = {name: list(values) for name, values in zip(names, zip(*rows, strict=True), strict=True)}
    columns["checked_at"] = [now] * len(rows)
    columns["last_run_id"] = [run.pk] * len(rows)
    bulk.insert_rows(
        ProductCertification,
        columns,
        conflict=["product"],
        update=["certificate_id", "effective_certificate_id", "sellable", "reason", "stars", "valid_until",
                "checked_at", "last_run"],
    )
