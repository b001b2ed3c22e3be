"""After a run: tell Saleor's webhooks and plugins about each changed product, and queue the
run for the next instant a verdict changes by the clock alone.

The expiry task is sent by name (as apps.py schedules the periodic one), so the sync never
imports tasks.py, which imports the sync.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction

from . import rules
from .apps import EXPIRY_TASK
from .loading import BATCH
from .models import FeedState

logger = logging.getLogger(__name__)


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


def schedule_next_expiry(verdicts: rules.Verdicts, now: datetime, errors: list[dict]) -> datetime | None:
    """Queue a run for the exact instant a verdict next changes by the clock (returned).

    That is a certificate ending (00:00 after its last valid day, or on the day a revocation
    takes effect) or a renewal taking effect after a gap, so restores are as punctual as
    withdrawals. Called inside the run's transaction: the task is sent when it commits.
    """
    moment = verdicts.next_change(now)
    if moment is None or getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        return None  # eager Celery (no broker) would run it at once; the periodic run covers it
    state = FeedState.objects.only("next_expiry_scheduled_for").get(pk=FeedState.SINGLETON_ID)
    if state.next_expiry_scheduled_for == moment:
        return moment
    FeedState.objects.filter(pk=state.pk).update(next_expiry_scheduled_for=moment)
    transaction.on_commit(lambda: send_expiry_run(moment, errors))
    return moment


def send_expiry_run(moment: datetime, errors: list[dict]) -> None:
    """Send the task (after commit). When the broker refuses it, the error is the run's and the
    next run tries again (the periodic run withdraws meanwhile)."""
    from saleor.celeryconf import app

    try:
        app.send_task(EXPIRY_TASK, eta=moment.astimezone(UTC), kwargs={"expiry": moment.isoformat()})
    except Exception as error:
        logger.exception("could not queue the OCOP sync run for %s", moment.isoformat())
        errors.append({"kind": "schedule", "message": f"run for {moment.isoformat()} not queued: {error}"})
        FeedState.objects.filter(pk=FeedState.SINGLETON_ID, next_expiry_scheduled_for=moment).update(
            next_expiry_scheduled_for=None
        )
