"""The showcases' work in the web service's worker: the schedule each minute, and rules following the catalogue."""

from __future__ import annotations

import logging

from celery import shared_task
from django.core.cache import cache

from catalog_sync.saleor import SaleorConnectionError

log = logging.getLogger(__name__)

FOLLOW_DELAY = 10  # seconds: the product webhooks of one change arrive together; the rules follow them once
_FOLLOW_PENDING = "showcases:follow-pending"


@shared_task(autoretry_for=(SaleorConnectionError,), retry_backoff=True, max_retries=3)
def run_schedule() -> dict[str, list[str]]:
    """Each minute (the web's beat): publish showcases whose start has come, unpublish those that ended, and
    bring every rule showcase in line with the catalogue. Idempotent."""
    from . import connection, curation
    from .models import Showcase

    with connection.saleor_client() as client:
        tick = curation.apply_schedule(client)
        followed = [s.slug for s in Showcase.objects.exclude(saleor_id=None)
                    if s.has_rule and curation.follow_rule(s, client)]
    if tick.published or tick.unpublished or followed:
        log.info("showcases: published %s, unpublished %s, rules followed %s",
                 tick.published, tick.unpublished, followed)
    return {"published": list(tick.published), "unpublished": list(tick.unpublished), "followed": followed}


@shared_task(autoretry_for=(SaleorConnectionError,), retry_backoff=True, max_retries=3)
def follow_catalogue() -> list[str]:
    """Rule showcases follow the read model after the app's webhooks changed it."""
    from . import connection, curation
    from .models import Showcase

    cache.delete(_FOLLOW_PENDING)
    rule_showcases = [s for s in Showcase.objects.exclude(saleor_id=None) if s.has_rule]
    if not rule_showcases:
        return []
    with connection.saleor_client() as client:
        return [s.slug for s in rule_showcases if curation.follow_rule(s, client)]


def catalogue_refreshed(sender: object, kind: str = "", **kwargs: object) -> None:
    """A product changed in the read model: rule showcases follow, once for a burst of changes."""
    if kind in ("product", "variant") and cache.add(_FOLLOW_PENDING, 1, FOLLOW_DELAY * 6):
        follow_catalogue.apply_async(countdown=FOLLOW_DELAY)
