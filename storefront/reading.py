"""The pages' reads of the catalogue read model, kept working when it cannot answer.

Each successful read is remembered in this process (a bounded least-recently-used memory: no
network round trip on the hot path, and it keeps working when Redis is down too); when the
read model (the web database or the search backend) fails, the last remembered answer is
served and the page says prices may be out of date. With nothing remembered, the caller shows
a plain "try again" page (503). Failures are logged, never shown.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

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
from catalog_sync.catalogue.search.corrections import Correction, did_you_mean

logger = logging.getLogger(__name__)
REMEMBERED = 512  # answers kept per process


class _Memory:
    """The last good answers, least recently used dropped first."""

    def __init__(self, size: int) -> None:
        self.size, self._items, self._lock = size, OrderedDict[str, object](), threading.Lock()

    def get(self, key: str) -> object | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: str, value: object) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


memory = _Memory(REMEMBERED)


class CatalogueUnavailable(Exception):
    """The read model did not answer and no earlier answer is remembered."""


@dataclass(frozen=True)
class Read[T]:
    value: T
    stale: bool = False  # served from memory because the read model did not answer


def _read[T](key: str, fetch: Callable[[], T]) -> Read[T]:
    try:
        value = fetch()
    except Exception as error:
        logger.exception("catalogue read model did not answer (%s): %s", key[:200], error)
        remembered = memory.get(key)
        if remembered is None:
            raise CatalogueUnavailable(key) from error
        return Read(cast(T, remembered), stale=True)
    memory.put(key, value)
    return Read(value)


def search(query: SearchQuery) -> Read[SearchResult]:
    return _read(f"search:{query!r}", lambda: get_backend().search(query))


def suggest(text: str, language: str, limit: int = 8) -> list[Suggestion]:
    return list(get_backend().suggest(text, language=language, limit=limit))


def corrections(text: str, language: str) -> list[Correction]:
    """The "did you mean" queries of a search that found nothing (none when search fails: the page says enough)."""
    try:
        return did_you_mean(get_backend(), text, language=language)
    except Exception:
        logger.exception("did-you-mean failed for %r", text[:200])
        return []


def product(slug: str) -> Read[ProductRecord | None]:
    return _read(f"product:{slug}", lambda: store.product_by_slug(slug))


def product_of_certificates(certificate_ids: tuple[str, ...]) -> Read[ProductRecord | None]:
    return _read(f"certificates:{','.join(certificate_ids)}", lambda: store.product_by_certificates(certificate_ids))


def producer(slug: str) -> Read[ProducerRecord | None]:
    return _read(f"producer:{slug}", lambda: store.producer_by_slug(slug))


def collection(slug: str) -> Read[CollectionRecord | None]:
    return _read(f"collection:{slug}", lambda: store.collection_by_slug(slug))


def collections() -> Read[list[CollectionRecord]]:
    return _read("collections", lambda: list(store.published_collections()))


def products(ids: tuple[str, ...]) -> Read[list[ProductRecord]]:
    return _read(f"products:{','.join(ids)}", lambda: list(store.products_by_ids(list(ids))))
