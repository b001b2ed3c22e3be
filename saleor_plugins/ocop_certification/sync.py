"""One sync run: fetch the feed, reconcile the OCOP catalogue with it, record everything.

The run, in order:
1. Take the sync lock (a PostgreSQL advisory lock): a second run waits for the first, then
   finds the feed unchanged and nothing to do — two runs at once behave like one.
2. Fetch the feed with ``If-None-Match``. A good new feed becomes the last good copy. Any
   fault (unreachable, timeout, HTTP error, truncated, malformed, schema, empty, stale, too
   large) is recorded and the run goes on with the last good copy, so expiries still happen.
3. Load every product of type ``ocop-product`` with its ``ocop-*`` attribute values, channel
   listings and open withdrawals (four queries), and ask ``reconcile.plan`` what to do.
4. A plan that would withdraw more than ``max_withdraw_share`` of the sellable OCOP products
   withdraws nothing and is held until staff confirm it (``--confirm-run RUN_ID``) or raise
   the share; restores and attribute updates still go ahead.
5. Apply withdrawals, restores and attribute updates in bulk, in one transaction; after it
   commits, call ``manager.product_updated`` for every changed product.

Everything goes through Saleor's models and public functions; nothing here uses Saleor's
deprecated plugin hooks or private helpers.
"""

from __future__ import annotations

import logging
import os
import time as monotonic_time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from . import reconcile, rules
from .feed import Feed, FeedError, ensure_not_older, fetch_feed, parse_feed
from .models import AuditEntry, FeedState, ProductCertification, SyncRun, Withdrawal, WithdrawnListing
from .plugin import DEFAULT_MAX_WITHDRAW_SHARE, PLUGIN_ID, OcopConfig, parse_share

logger = logging.getLogger(__name__)

OCOP_PRODUCT_TYPES = ("ocop-product", "ocop-service")  # goods, and group 6 tourism services
CERTIFICATE_ATTRIBUTE = "ocop-certificate"
STARS_ATTRIBUTE = "ocop-stars"
VALID_UNTIL_ATTRIBUTE = "ocop-valid-until"
OCOP_ATTRIBUTES = (CERTIFICATE_ATTRIBUTE, STARS_ATTRIBUTE, VALID_UNTIL_ATTRIBUTE)

LOCK_KEY = 0x0C0C_5A1E  # pg advisory lock key: "OCOP sale"
LOCK_WAIT_SECONDS = 600.0
BATCH = 1000


def feed_timeout() -> tuple[float, float]:
    """(connect, read) seconds for the feed; ``OCOP_FEED_TIMEOUT="5,30"`` overrides the default."""
    text = os.environ.get("OCOP_FEED_TIMEOUT", "").strip()
    if text:
        try:
            connect, read = (float(part) for part in text.split(","))
            if connect > 0 and read > 0:
                return connect, read
        except ValueError:
            pass
        logger.warning("OCOP_FEED_TIMEOUT=%r is not 'connect,read' seconds; using 5,30", text)
    return 5.0, 30.0


class SyncRefused(Exception):
    """The run cannot start (plugin inactive, unknown run to confirm, lock not obtained)."""


@dataclass
class Loaded:
    states: list[reconcile.ProductState]
    names: dict[int, str]  # only of the products a plan touches: see load_names
    linked: dict[int, str | None]
    open_withdrawals: dict[int, int]

    def load_names(self, product_ids: Iterable[int]) -> None:
        from saleor.product.models import Product

        wanted = sorted(set(product_ids) - self.names.keys())
        for start in range(0, len(wanted), 10 * BATCH):
            chunk = wanted[start : start + 10 * BATCH]
            self.names.update(Product.objects.filter(id__in=chunk).values_list("id", "name"))


@dataclass
class Outcome:
    withdrawn: list[dict] = field(default_factory=list)
    restored: list[dict] = field(default_factory=list)
    updated: list[dict] = field(default_factory=list)
    changed_product_ids: set[int] = field(default_factory=set)


def plugin_config(manager=None) -> OcopConfig:
    if manager is None:
        manager = get_manager()
    plugin = manager.get_plugin(PLUGIN_ID)
    if plugin is None:
        raise SyncRefused(f"plugin {PLUGIN_ID} is not installed in this Saleor")
    return OcopConfig.from_items(plugin.configuration, active=plugin.active)


def get_manager():
    from saleor.plugins.manager import get_plugins_manager

    return get_plugins_manager(allow_replica=False)


# --------------------------------------------------------------------------- the run


def run_sync(*, dry_run: bool = False, confirm_run: int | None = None, trigger: str = "command",
             require_active: bool = True, now: datetime | None = None) -> SyncRun:
    """One run, recorded as a SyncRun (returned). Raises SyncRefused when it cannot start.

    ``now`` (aware) replaces the current time for the verdicts — for benchmarks and drills only.
    """
    from saleor.core.db.connection import allow_writer

    with allow_writer():
        manager = get_manager()
        config = plugin_config(manager)
        if not config.active and require_active:
            raise SyncRefused(
                f"plugin {PLUGIN_ID} is not active: activate it with pluginUpdate(id: \"{PLUGIN_ID}\", "
                "input: {active: true, configuration: [...]})"
            )
        held_run = None
        if confirm_run is not None:
            held_run = SyncRun.objects.filter(pk=confirm_run).first()
            if held_run is None:
                raise SyncRefused(f"--confirm-run: there is no sync run {confirm_run}")
            if held_run.status != SyncRun.Status.HELD:
                raise SyncRefused(f"--confirm-run: sync run {confirm_run} is {held_run.status}, not held")
        run = SyncRun.objects.create(trigger=trigger, dry_run=dry_run or config.dry_run, confirms=held_run)
        try:
            with advisory_lock():
                _run(run, config, manager, held_run, now)
        except Exception as error:
            logger.exception("OCOP sync run %s failed", run.pk)
            run.status = SyncRun.Status.FAILED
            run.errors = [*run.errors, {"kind": "internal", "message": f"{type(error).__name__}: {error}"}]
            run.finished_at = timezone.now()
            run.summary = summary(run, Outcome())
            run.save()
            if isinstance(error, SyncRefused):
                raise
        return run


class advisory_lock:
    """Session-level PostgreSQL advisory lock, waited for (polling) up to LOCK_WAIT_SECONDS."""

    def __init__(self, wait: float | None = None):
        self.wait = LOCK_WAIT_SECONDS if wait is None else wait

    def __enter__(self):
        deadline = monotonic_time.monotonic() + self.wait
        delay = 0.05
        with connection.cursor() as cursor:
            while True:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
                if cursor.fetchone()[0]:
                    return self
                if monotonic_time.monotonic() >= deadline:
                    raise SyncRefused(f"another OCOP sync run held the lock for more than {self.wait:.0f} s")
                monotonic_time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def __exit__(self, *exc):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        return False


def _run(run: SyncRun, config: OcopConfig, manager, held_run: SyncRun | None, now: datetime | None = None) -> None:
    errors: list[dict] = list(run.errors)
    verdicts = obtain_feed(run, config, errors)
    outcome = Outcome()
    if verdicts is None:
        run.status = SyncRun.Status.FAILED
        errors.append({"kind": "no_feed", "message": "no good copy of the feed yet: nothing was changed"})
        _finish(run, errors, outcome)
        return
    feed = verdicts.feed
    run.feed_generated_at = feed.generated_at

    try:
        max_share = parse_share(config.max_withdraw_share)
    except ValueError as error:
        errors.append({"kind": "config", "message": f"{error}; using {DEFAULT_MAX_WITHDRAW_SHARE}"})
        max_share = float(DEFAULT_MAX_WITHDRAW_SHARE)

    now = now or timezone.now()
    loaded = load_products()
    plan = reconcile.plan(loaded.states, feed, now, verdicts)
    loaded.load_names([c.product_id for c in (*plan.withdraw, *plan.restore)] + [u.product_id for u in plan.update])

    withdraw = list(plan.withdraw)
    if withdraw and plan.exceeds(max_share):
        approved = set(held_run.pending_withdrawals) if held_run is not None else set()
        extra = [change for change in withdraw if change.product_id not in approved]
        if held_run is None or len(extra) / max(plan.sellable_before, 1) > max_share:
            run.held = True
            run.pending_withdrawals = [change.product_id for change in withdraw]
            run.hold_reason = (
                f"would withdraw {len(withdraw)} of {plan.sellable_before} sellable OCOP products "
                f"({plan.withdraw_share():.1%}), more than max_withdraw_share {config.max_withdraw_share}; "
                f"nothing was withdrawn. Confirm with: ocop_sync --confirm-run {run.pk}"
            )
            errors.append({"kind": "held", "message": run.hold_reason})
            withdraw = []

    if run.dry_run:
        outcome = describe(plan, withdraw, loaded)
        run.status = SyncRun.Status.DRY_RUN
    else:
        with transaction.atomic():
            outcome = apply(run, plan, withdraw, loaded, verdicts, now)
            changed = sorted(outcome.changed_product_ids)
            transaction.on_commit(lambda: notify_product_updated(manager, changed, errors))
        run.status = SyncRun.Status.HELD if run.held else SyncRun.Status.DONE
        if held_run is not None and not run.held:
            SyncRun.objects.filter(pk=held_run.pk).update(status=SyncRun.Status.DONE)
    schedule_next_expiry(verdicts, now)
    _finish(run, errors, outcome)


def _finish(run: SyncRun, errors: list[dict], outcome: Outcome) -> None:
    run.errors = errors
    run.finished_at = timezone.now()
    run.summary = summary(run, outcome)
    run.save()


def summary(run: SyncRun, outcome: Outcome) -> dict:
    return {
        "run_id": run.pk,
        "fetched": run.fetched,
        "withdrawn": outcome.withdrawn,
        "restored": outcome.restored,
        "updated": outcome.updated,
        "held": run.held,
        "errors": list(run.errors),
    }


# --------------------------------------------------------------------------- the feed


# The verdicts of the feed version this process used last (a Celery worker runs every few minutes).
_REMEMBERED: dict[tuple, rules.Verdicts] = {}


def _version(state: FeedState) -> tuple:
    return (state.url, state.etag, state.generated_at, state.body_size)


def _remember(state: FeedState, feed: Feed) -> rules.Verdicts:
    _REMEMBERED.clear()
    verdicts = _REMEMBERED[_version(state)] = rules.Verdicts(feed)
    return verdicts


def _last_good(state: FeedState) -> rules.Verdicts:
    """The stored copy, parsed once per process and version: a 304 then costs no parsing."""
    verdicts = _REMEMBERED.get(_version(state))
    if verdicts is None:
        body = FeedState.objects.filter(pk=state.pk).values_list("body", flat=True).get()
        verdicts = _remember(state, parse_feed(bytes(body)))
    return verdicts


def obtain_feed(run: SyncRun, config: OcopConfig, errors: list[dict]) -> rules.Verdicts | None:
    """The feed to reconcile with (with its remembered verdicts): a good new one, or the last
    good copy. Records faults."""
    state = FeedState.load()
    last_good: rules.Verdicts | None = None
    if state.body_size:
        try:
            last_good = _last_good(state)
        except FeedError as error:  # should not happen: it was good when stored
            errors.append({"kind": "last_copy", "message": f"last good copy unreadable: {error}"})

    if not config.feed_url:
        errors.append({"kind": "config", "message": "feed_url is not configured"})
        return last_good
    same_url = state.url == config.feed_url
    etag = state.etag if (last_good is not None and same_url and state.etag) else None
    try:
        result = fetch_feed(config.feed_url, config.feed_token, etag=etag, timeout=feed_timeout())
        if result.not_modified:
            run.fetched = True
            run.not_modified = True
            state.fetched_at = timezone.now()
            state.save(update_fields=["fetched_at"])
            return last_good
        assert result.feed is not None
        ensure_not_older(result.feed, state.generated_at)
    except FeedError as error:
        entry = {"kind": error.kind, "message": str(error)}
        if error.problems:
            entry["problems"] = list(error.problems)
        errors.append(entry)
        if last_good is not None:
            logger.warning("OCOP feed fault (%s): reconciling with the last good copy", error.kind)
        return last_good
    run.fetched = True
    state.body = result.body
    state.etag = result.etag or ""
    state.generated_at = result.feed.generated_at
    state.fetched_at = timezone.now()
    state.url = config.feed_url
    state.certificate_count = len(result.feed.certificates)
    state.save()
    state.body_size = len(result.body)
    return _remember(state, result.feed)


# --------------------------------------------------------------------------- loading


def _as_stars(numeric: float | None) -> int | None:
    if numeric is None:
        return None
    return int(numeric) if float(numeric).is_integer() else None


def load_products() -> Loaded:
    """Every OCOP product with its ocop-* values, whether it is published, and open withdrawals
    (names are loaded later, only for the products a plan touches).

    A few narrow queries keyed by ids (product type, attributes), so the plan stays linear even
    when the planner's statistics are stale (e.g. right after a bulk import), and no timestamps
    are loaded for 20,000 rows (the listings are re-read under a row lock before any change).
    """
    from django.db.models import F
    from django.db.models.functions import TruncDate
    from saleor.attribute.models import AssignedProductAttributeValue, Attribute
    from saleor.product.models import Product, ProductChannelListing, ProductType

    type_ids = list(ProductType.objects.filter(slug__in=OCOP_PRODUCT_TYPES).values_list("id", flat=True))
    ocop_ids = set(Product.objects.filter(product_type_id__in=type_ids).values_list("id", flat=True))
    attribute_ids = dict(Attribute.objects.filter(slug__in=OCOP_ATTRIBUTES).values_list("slug", "id"))

    def first_value(slug: str, value) -> dict[int, object]:
        found: dict[int, object] = {}
        if slug not in attribute_ids:
            return found
        rows = (
            AssignedProductAttributeValue.objects.filter(value__attribute_id=attribute_ids[slug])
            .annotate(v=value)
            .order_by("product_id", "sort_order", "pk")
            .values_list("product_id", "v")
        )
        for product_id, item in rows:
            if product_id in ocop_ids:
                found.setdefault(product_id, item)
        return found

    certificates = first_value(CERTIFICATE_ATTRIBUTE, F("value__plain_text"))
    stars = first_value(STARS_ATTRIBUTE, F("value__numeric"))
    # Saleor stores a date value as 00:00 UTC that day.
    valid_until = first_value(VALID_UNTIL_ATTRIBUTE, TruncDate("value__date_time", tzinfo=UTC))
    published = set(
        ProductChannelListing.objects.filter(product__product_type_id__in=type_ids, is_published=True)
        .values_list("product_id", flat=True)
        .distinct()
    )
    open_withdrawals = {
        product_id: withdrawal_id
        for product_id, withdrawal_id in Withdrawal.objects.filter(restored_at__isnull=True).values_list(
            "product_id", "id"
        )
        if product_id in ocop_ids
    }

    states = []
    linked: dict[int, str | None] = {}
    for product_id in sorted(ocop_ids):
        text = certificates.get(product_id)
        certificate_id = text.strip() or None if isinstance(text, str) else None
        linked[product_id] = certificate_id
        states.append(
            reconcile.ProductState(
                product_id=product_id,
                certificate_id=certificate_id,
                withdrawn_by_us=product_id in open_withdrawals,
                published_somewhere=product_id in published,
                stars=_as_stars(stars.get(product_id)),
                valid_until=valid_until.get(product_id),
            )
        )
    return Loaded(states=states, names={}, linked=linked, open_withdrawals=open_withdrawals)


# --------------------------------------------------------------------------- applying


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
    audit: list[AuditEntry] = []
    if withdraw:
        _withdraw(run, withdraw, loaded, now, audit)
    if plan.restore:
        _restore(run, plan.restore, loaded, now, audit)
    if plan.update:
        _update_attributes(plan.update)
    AuditEntry.objects.bulk_create(audit, batch_size=BATCH)
    changed = {c.product_id for c in withdraw} | {c.product_id for c in plan.restore}
    changed |= {u.product_id for u in plan.update}
    _record_certification_state(run, loaded, verdicts, now, changed)
    if changed:
        Product.objects.filter(id__in=changed).update(updated_at=now, search_index_dirty=True)
    outcome.changed_product_ids = changed
    return outcome


def _audit(action: str, change: reconcile.Change, loaded: Loaded, run: SyncRun, now: datetime) -> AuditEntry:
    certificate = change.verdict.certificate
    return AuditEntry(
        action=action,
        product_id=change.product_id,
        product_name=loaded.names.get(change.product_id, "")[:250],
        certificate_id=(certificate.id if certificate is not None else loaded.linked.get(change.product_id)) or "",
        reason=change.verdict.reason,
        run=run,
        at=now,
    )


def _withdraw(run: SyncRun, changes: list[reconcile.Change], loaded: Loaded, now: datetime,
              audit: list[AuditEntry]) -> None:
    from saleor.product.models import ProductChannelListing

    ids = [change.product_id for change in changes]
    # Re-read the listings under a row lock, so what we store is exactly what we change.
    current: dict[int, list[ProductChannelListing]] = defaultdict(list)
    for listing in ProductChannelListing.objects.select_for_update().filter(product_id__in=ids).order_by("pk"):
        current[listing.product_id].append(listing)
    # A product we had withdrawn and staff published again by hand keeps its first withdrawal
    # (and the listing state stored then): it is only unpublished again.
    withdrawals = Withdrawal.objects.bulk_create(
        [
            Withdrawal(
                product_id=change.product_id,
                certificate_id=(change.verdict.certificate.id if change.verdict.certificate else None)
                or loaded.linked.get(change.product_id) or "",
                reason=change.verdict.reason,
                run=run,
                withdrawn_at=now,
            )
            for change in changes
            if change.product_id not in loaded.open_withdrawals
        ],
        batch_size=BATCH,
    )
    WithdrawnListing.objects.bulk_create(
        [
            WithdrawnListing(
                withdrawal=withdrawal,
                channel_id=listing.channel_id,
                is_published=listing.is_published,
                published_at=listing.published_at,
                available_for_purchase_at=listing.available_for_purchase_at,
            )
            for withdrawal in withdrawals
            for listing in current.get(withdrawal.product_id, ())
        ],
        batch_size=BATCH,
    )
    ProductChannelListing.objects.filter(product_id__in=ids).update(is_published=False, available_for_purchase_at=None)
    audit.extend(_audit(AuditEntry.Action.WITHDRAW, change, loaded, run, now) for change in changes)


def _restore(run: SyncRun, changes: list[reconcile.Change], loaded: Loaded, now: datetime,
             audit: list[AuditEntry]) -> None:
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
    from saleor.attribute.models import AssignedProductAttributeValue, AttributeValue

    slugs = {product_id: f"product-{product_id}_{attribute.pk}" for product_id in wanted}
    existing = {v.slug: v for v in AttributeValue.objects.filter(attribute=attribute, slug__in=slugs.values())}
    fields = sorted({name for values in wanted.values() for name in values})
    to_update, to_create = [], []
    for product_id, values in wanted.items():
        value = existing.get(slugs[product_id])
        if value is None:
            to_create.append(AttributeValue(attribute=attribute, slug=slugs[product_id], **values))
        else:
            for name, item in values.items():
                setattr(value, name, item)
            to_update.append(value)
    AttributeValue.objects.bulk_update(to_update, fields, batch_size=BATCH)
    created = AttributeValue.objects.bulk_create(to_create, batch_size=BATCH)
    own = {value.slug: value.pk for value in [*to_update, *created]}
    own_ids = set(own.values())
    # Re-point each product's assignment for this attribute to its own value.
    AssignedProductAttributeValue.objects.filter(
        product_id__in=list(wanted), value__attribute=attribute
    ).exclude(value_id__in=own_ids).delete()
    AssignedProductAttributeValue.objects.bulk_create(
        [
            AssignedProductAttributeValue(product_id=product_id, value_id=own[slugs[product_id]])
            for product_id in wanted
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def _record_certification_state(run: SyncRun, loaded: Loaded, verdicts: rules.Verdicts, now: datetime,
                                changed: set[int]) -> None:
    """Upsert each OCOP product's certification state (only the rows that changed).

    When the last completed run used this same feed, only time can have changed a verdict:
    then only new or re-linked products, changed ones, sellable ones past their last valid day
    and not-yet-valid ones are re-evaluated — the steady-state run stays cheap.
    """
    previous_feed = (
        SyncRun.objects.filter(status__in=[SyncRun.Status.DONE, SyncRun.Status.HELD], dry_run=False)
        .exclude(pk=run.pk)
        .exclude(feed_generated_at=None)
        .order_by("-id")
        .values_list("feed_generated_at", flat=True)
        .first()
    )
    linked_before = dict(ProductCertification.objects.values_list("product_id", "certificate_id"))
    states = loaded.states
    if previous_feed == verdicts.feed.generated_at:
        today = now.astimezone(rules.VIETNAM_TZ).date()
        due = set(
            ProductCertification.objects.filter(
                Q(sellable=True, valid_until__lt=today) | Q(sellable=False, reason__startswith="not yet valid")
            ).values_list("product_id", flat=True)
        )
        states = [
            state
            for state in states
            if state.product_id in changed
            or state.product_id in due
            or linked_before.get(state.product_id) != (state.certificate_id or "")
        ]
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
            rows.append(
                ProductCertification(
                    product_id=state.product_id,
                    certificate_id=values[0],
                    effective_certificate_id=values[1],
                    sellable=values[2],
                    reason=values[3],
                    stars=values[4],
                    valid_until=values[5],
                    checked_at=now,
                    last_run=run,
                )
            )
    ProductCertification.objects.bulk_create(
        rows,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["product"],
        update_fields=[
            "certificate_id", "effective_certificate_id", "sellable", "reason", "stars", "valid_until",
            "checked_at", "last_run",
        ],
    )


# --------------------------------------------------------------------------- after commit


def notify_product_updated(manager, product_ids: Iterable[int], errors: list[dict] | None = None) -> None:
    """Tell Saleor's webhooks and every plugin about each changed product (after commit)."""
    from saleor.product.models import Product

    product_ids = list(product_ids)
    if not product_ids:
        return
    webhooks = None
    try:
        from saleor.webhook.event_types import WebhookEventAsyncType
        from saleor.webhook.utils import get_webhooks_for_event

        webhooks = list(get_webhooks_for_event(WebhookEventAsyncType.PRODUCT_UPDATED))
    except ImportError:  # pragma: no cover - older Saleor: let the manager look them up
        webhooks = None
    for start in range(0, len(product_ids), BATCH):
        for product in Product.objects.filter(id__in=product_ids[start : start + BATCH]).order_by("pk"):
            try:
                manager.product_updated(product, webhooks=webhooks)
            except Exception as error:  # one failing subscriber must not stop the others
                logger.exception("product_updated failed for product %s", product.pk)
                if errors is not None:
                    errors.append({"kind": "notify", "message": f"product {product.pk}: {error}"})


def schedule_next_expiry(verdicts: rules.Verdicts, now: datetime) -> None:
    """Queue a run for the exact instant a verdict next changes by the clock.

    That is a certificate ending (00:00 after its last valid day) or a renewal taking effect
    after a gap, so restores are as punctual as withdrawals.
    """
    moment = verdicts.next_change(now)
    if moment is None or getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        return  # eager Celery (no broker) would run it at once; the periodic run covers it
    state = FeedState.objects.only("next_expiry_scheduled_for").get(pk=FeedState.SINGLETON_ID)
    if state.next_expiry_scheduled_for == moment:
        return
    from .tasks import sync_at_expiry_task

    sync_at_expiry_task.apply_async(eta=moment.astimezone(UTC), kwargs={"expiry": moment.isoformat()})
    FeedState.objects.filter(pk=state.pk).update(next_expiry_scheduled_for=moment)
