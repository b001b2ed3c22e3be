"""Whether Saleor answers: checked every minute by the web worker and by every refresh it makes.

The shop's pages never wait for Saleor (they read the catalogue read model), so they keep working
when Saleor is down or slow; they then say that prices and stock may be out of date.
"""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.utils import timezone

from catalog_sync.saleor import SaleorClient, SaleorConnectionError, SaleorResponseError

log = logging.getLogger(__name__)

KEY = "saleor:health"


def record(ok: bool) -> None:
    try:
        cache.set(KEY, {"ok": ok, "at": timezone.now().isoformat()}, None)
    except Exception:
        log.warning("could not record Saleor's health in the cache", exc_info=True)


def saleor_unreachable() -> bool:
    """True when the last contact with Saleor failed (unknown counts as reachable)."""
    try:
        state = cache.get(KEY)
    except Exception:
        return False
    return isinstance(state, dict) and state.get("ok") is False


def check(client: SaleorClient) -> bool:
    """Ask Saleor for its shop's name as a customer would; remember whether it answered."""
    try:
        client.storefront().saleor_health()
    except (SaleorConnectionError, SaleorResponseError) as error:
        log.warning("Saleor does not answer: %s", error)
        record(False)
        return False
    record(True)
    return True
