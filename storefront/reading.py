"""The pages' reads of the catalogue read model, kept working when it cannot answer.

Each successful listing read is remembered in the cache for a while; when the read model (the
web database or the search backend) fails, the last remembered answer is served and the page
says prices may be out of date. With nothing remembered, the caller shows a plain "try again"
page (503). Failures are logged, never shown.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache

from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import (
    CollectionRecord,
    ProducerRecord,
    ProductRecord,
    SearchQuery,
    SearchResult,
    Suggestion,
)
from catalog_sync.catalogue.search import get_backend

logger = logging.getLogger(__name__)
REMEMBER_SECONDS = 24 * 3600


class CatalogueUnavailable(Exception):
    """The read model did not answer and no earlier answer is remembered."""


@dataclass(frozen=True)
class Read[T]:
    value: T
    stale: bool = False  # served from memory because the read model did not answer


def _read[T](key: str, fetch: Callable[[], T]) -> Read[T]:
    cache_key = "storefront:read:" + hashlib.sha256(key.encode("utf-8")).hexdigest()
    try:
        value = fetch()
    except Exception as error:
        logger.exception("catalogue read model did not answer (%s): %s", key[:200], error)
        try:
            remembered = cache.get(cache_key)
        except Exception:
            logger.exception("cache did not answer either")
            remembered = None
        if remembered is None:
            raise CatalogueUnavailable(key) from error
        return Read(remembered, stale=True)
    try:
        cache.set(cache_key, value, REMEMBER_SECONDS)
    except Exception:
        logger.warning("could not remember a catalogue read", exc_info=True)
    return Read(value)


def search(query: SearchQuery) -> Read[SearchResult]:
    return _read(f"search:{query!r}", lambda: get_backend().search(query))


def suggest(text: str, language: str, limit: int = 8) -> list[Suggestion]:
    return list(get_backend().suggest(text, language=language, limit=limit))


def product(slug: str) -> Read[ProductRecord | None]:
    return _read(f"product:{slug}", lambda: store.product_by_slug(slug))


def producer(slug: str) -> Read[ProducerRecord | None]:
    return _read(f"producer:{slug}", lambda: store.producer_by_slug(slug))


def collection(slug: str) -> Read[CollectionRecord | None]:
    return _read(f"collection:{slug}", lambda: store.collection_by_slug(slug))


def collections() -> Read[list[CollectionRecord]]:
    return _read("collections", lambda: list(store.published_collections()))


def products(ids: tuple[str, ...]) -> Read[list[ProductRecord]]:
    return _read(f"products:{','.join(ids)}", lambda: list(store.products_by_ids(list(ids))))
