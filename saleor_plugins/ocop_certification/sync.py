"""One sync run: fetch the feed, reconcile the OCOP catalogue with it, record everything.

The run, in order (each step in its own module):
1. Inside one transaction, take the sync lock (locks.py: a transaction-scoped, namespaced
   PostgreSQL advisory lock): a second run waits for the first to commit, then finds the feed
   unchanged and nothing to do — two runs at once behave like one.
2. Fetch the feed with ``If-None-Match`` (feed_store.py). A good new feed becomes the last good
   copy. Any fault (unreachable, timeout, HTTP error, truncated, malformed, schema, empty,
   stale, too large) is recorded and the run goes on with the last good copy, so expiries
   still happen.
3. Load every product of type ``ocop-product`` with its ``ocop-*`` attribute values, channel
   listings and open withdrawals (loading.py) — while a helper thread reads the last good feed
   back, in a fresh process — and ask ``reconcile.plan`` what to do.
4. A plan that would withdraw more than ``max_withdraw_share`` of the sellable OCOP products
   withdraws nothing and is held until staff confirm it (``--confirm-run RUN_ID``) or raise
   the share; restores and attribute updates still go ahead.
5. Apply withdrawals, restores and attribute updates in bulk (writes.py), and queue a run for
   the next instant a verdict changes by the clock. After the transaction commits, call
   ``manager.product_updated`` for every changed product (notify.py).

A run that fails is recorded as failed with every error noted before the failure; its
writes are rolled back with the lock.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from . import reconcile
from .config import DEFAULT_MAX_WITHDRAW_SHARE, PLUGIN_ID, OcopConfig, parse_share
from .feed_store import obtain_feed
from .loading import load_products
from .locks import AdvisoryLock, LockNotAcquired, acquire_advisory_xact_lock
from .models import SyncRun
from .notify import notify_product_updated, schedule_next_expiry
from .writes import Outcome, apply, describe

logger = logging.getLogger(__name__)

LOCK_WAIT_SECONDS = 600.0


class SyncRefused(Exception):
    """The run cannot start (plugin inactive, unknown run to confirm, lock not obtained)."""


def plugin_config(manager) -> OcopConfig:
    plugin = manager.get_plugin(PLUGIN_ID)
    if plugin is None:
        raise SyncRefused(f"plugin {PLUGIN_ID} is not installed in this Saleor")
    return OcopConfig.from_items(plugin.configuration, active=plugin.active)


def get_manager():
    from saleor.plugins.manager import get_plugins_manager

    return get_plugins_manager(allow_replica=False)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the run, and restored as it was after it.

    A run allocates a few hundred thousand small objects (feed certificates, rows, states), and
    each allocation burst makes the collector traverse Saleor's whole heap (its GraphQL schema,
    plugins, models): measured, 0.24 s of a 0.64 s fresh-process run. Reference counting still
    frees everything the run drops; what only the collector can free waits until the run ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_sync(*, dry_run: bool = False, confirm_run: int | None = None, trigger: str = "command",
             require_active: bool = True, now: datetime | None = None,
             lock_wait: float = LOCK_WAIT_SECONDS) -> SyncRun:
    """One run, recorded as a SyncRun (returned). Raises SyncRefused when it cannot start.

    ``now`` (aware) replaces the current time for the verdicts — for benchmarks and drills only.
    """
    with _cyclic_gc_paused():
        return _run_sync(dry_run=dry_run, confirm_run=confirm_run, trigger=trigger,
                         require_active=require_active, now=now, lock_wait=lock_wait)


def _run_sync(*, dry_run: bool, confirm_run: int | None, trigger: str, require_active: bool,
              now: datetime | None, lock_wait: float) -> SyncRun:
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
        if transaction.get_connection().in_atomic_block:
            raise RuntimeError("run_sync commits its own transaction: call it outside transaction.atomic()")
        run = SyncRun.objects.create(trigger=trigger, dry_run=dry_run or config.dry_run, confirms=held_run)
        try:
            with transaction.atomic():
                try:
                    acquire_advisory_xact_lock(AdvisoryLock.SYNC_RUN, wait=lock_wait)
                except LockNotAcquired as error:
                    raise SyncRefused(str(error)) from error
                outcome = _run(run, config, held_run, now)
        except Exception as error:
            logger.exception("OCOP sync run %s failed", run.pk)
            # Rolled back with the lock: nothing was changed, nothing is held. The errors noted
            # before the failure stay in run.errors.
            run.status = SyncRun.Status.FAILED
            run.held, run.pending_withdrawals = False, []
            run.errors.append({"kind": "internal", "message": f"{type(error).__name__}: {error}"})
            _finish(run, Outcome())
            if isinstance(error, SyncRefused):
                raise
            return run
        # Committed: tell everyone else (a failing subscriber is recorded as an error of the run).
        try:
            notify_product_updated(manager, sorted(outcome.changed_product_ids), run.errors)
        except Exception as error:  # the changes are committed: the run is done, its notices failed
            logger.exception("OCOP sync run %s: notifying product_updated failed", run.pk)
            run.errors.append({"kind": "notify", "message": f"{type(error).__name__}: {error}"})
        _finish(run, outcome)
        return run


def _run(run: SyncRun, config: OcopConfig, held_run: SyncRun | None, now: datetime | None = None) -> Outcome:
    """The locked part of a run. Notes every error in ``run.errors`` as it happens, so a later
    failure keeps them."""
    errors = run.errors
    now = now or timezone.now()
    # The catalogue is read while a helper thread reads the last good feed back (feed_store.py).
    verdicts, loaded = obtain_feed(run, config, errors, now=now, meanwhile=load_products)
    if verdicts is None:
        run.status = SyncRun.Status.FAILED
        errors.append({"kind": "no_feed", "message": "no good copy of the feed yet: nothing was changed"})
        return Outcome()
    run.feed_generated_at = verdicts.feed.generated_at

    try:
        max_share = parse_share(config.max_withdraw_share)
    except ValueError as error:
        errors.append({"kind": "config", "message": f"{error}; using {DEFAULT_MAX_WITHDRAW_SHARE}"})
        max_share = float(DEFAULT_MAX_WITHDRAW_SHARE)

    plan = reconcile.plan(loaded.states, verdicts.feed, now, verdicts)
    loaded.load_names([c.product_id for c in (*plan.withdraw, *plan.restore)] + [u.product_id for u in plan.update])
    withdraw = _hold_if_too_many(run, config, held_run, plan, max_share)

    if run.dry_run:
        outcome = describe(plan, withdraw, loaded)
        run.status = SyncRun.Status.DRY_RUN
    else:
        outcome = apply(run, plan, withdraw, loaded, verdicts, now)
        run.status = SyncRun.Status.HELD if run.held else SyncRun.Status.DONE
        if held_run is not None and not run.held:
            SyncRun.objects.filter(pk=held_run.pk).update(status=SyncRun.Status.DONE)
    schedule_next_expiry(verdicts, now, errors)
    return outcome


def _hold_if_too_many(run: SyncRun, config: OcopConfig, held_run: SyncRun | None, plan: reconcile.Plan,
                      max_share: float) -> list[reconcile.Change]:
    """The withdrawals to make: none when the plan exceeds ``max_share`` and staff have not
    confirmed them (the run is then held and says how to confirm)."""
    withdraw = list(plan.withdraw)
    if not withdraw or not plan.exceeds(max_share):
        return withdraw
    approved = set(held_run.pending_withdrawals) if held_run is not None else set()
    extra = [change for change in withdraw if change.product_id not in approved]
    if held_run is not None and len(extra) / max(plan.sellable_before, 1) <= max_share:
        return withdraw
    run.held = True
    run.pending_withdrawals = [change.product_id for change in withdraw]
    run.hold_reason = (
        f"would withdraw {len(withdraw)} of {plan.sellable_before} sellable OCOP products "
        f"({plan.withdraw_share():.1%}), more than max_withdraw_share {config.max_withdraw_share}; "
        f"nothing was withdrawn. Confirm with: ocop_sync --confirm-run {run.pk}"
    )
    run.errors.append({"kind": "held", "message": run.hold_reason})
    return []


def _finish(run: SyncRun, outcome: Outcome) -> None:
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

