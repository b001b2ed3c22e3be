"""The web beat's reindex: what Saleor changed in the last hour, every 15 minutes (``ocop search reindex --since``)."""

from __future__ import annotations

import logging

from celery import shared_task

log = logging.getLogger(__name__)


@shared_task
def reindex_recent() -> dict | None:
    """Every ``BEAT_EVERY`` (the web's beat) over the last ``BEAT_WINDOW``: a lost webhook never leaves the shop
    wrong for longer than that. Reads as a customer (no token); nothing to do without ``SALEOR_API_URL``."""
    from django.conf import settings
    from django.utils import timezone

    from catalog_sync.app.clients import storefront_client

    from .reindex import BEAT_WINDOW, reindex_since

    if not settings.SALEOR_API_URL:
        return None
    with storefront_client() as client:
        outcome = reindex_since(client, timezone.now() - BEAT_WINDOW,
                                media_origins=tuple(settings.MEDIA_ORIGINS)).as_json()
    log.info("search reindex --since (beat): %s", outcome)
    return outcome
