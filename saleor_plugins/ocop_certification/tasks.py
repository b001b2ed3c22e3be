"""Celery tasks, discovered by Saleor's worker (the plugin's package is in settings.PLUGINS).

- ``sync_certifications_task``: the periodic sync (apps.py adds it to the beat schedule).
- ``sync_at_expiry_task``: queued by each run with ``eta`` at the exact instant the next
  certificate stops being sellable (00:00 Vietnam time after its last valid day).
"""

from __future__ import annotations

import logging

from saleor.celeryconf import app

from .apps import SYNC_EVERY

logger = logging.getLogger(__name__)


def _sync(trigger: str) -> int | None:
    from .sync import SyncRefused, run_sync

    try:
        run = run_sync(trigger=trigger)
    except SyncRefused as error:
        logger.info("OCOP sync skipped: %s", error)
        return None
    return run.pk


@app.task(expires=SYNC_EVERY.total_seconds())
def sync_certifications_task() -> int | None:
    return _sync("periodic")


@app.task
def sync_at_expiry_task(expiry: str | None = None) -> int | None:
    logger.info("OCOP sync at expiry %s", expiry)
    return _sync("expiry")
