"""Placing orders that share a product variant one at a time, so Saleor never sells more than it holds.

Saleor 3.23's ``checkoutComplete`` checks the stock before it locks the stock rows, and then, under the
lock, counts no earlier allocation (``allocate_stocks`` passes a generator of stock ids to two queries;
the first consumes it: docs/saleor-oversell-report.md). Completions that run at once therefore each see
the stock as it was before any of them and all succeed: 30 shoppers at once bought 14 of 10. Completed
one after another, each sees the orders placed before it and Saleor refuses what is not there.

So every ``checkoutComplete`` this service sends holds a Redis lock for each variant in the checkout
(taken in one order, so two checkouts never wait on each other), released as soon as Saleor answered.
Orders of different products still go through side by side. A lock outlives the longest request to
Saleor (its HTTP timeout), so it can only expire after the request it guards has ended.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress

import redis
from django.conf import settings
from redis.exceptions import LockError

from catalog_sync.saleor.client import DEFAULT_TIMEOUT

LOCK_SECONDS = (DEFAULT_TIMEOUT.read or 60.0) + 30  # longer than any one request to Saleor may take
WAIT_SECONDS = 20.0  # a shopper waits this long at most behind others buying the same product (within the
# production server's 30 s request timeout: gunicorn's default, with 3 workers per container, so at most a
# few requests wait on one product's lock at a time)

_lock = threading.Lock()
_clients: dict[str, redis.Redis] = {}


class StockBusy(Exception):
    """Others were placing orders for the same product for longer than ``WAIT_SECONDS``."""


def _redis() -> redis.Redis:
    url = str(settings.REDIS_URL)
    with _lock:
        client = _clients.get(url)
        if client is None:
            client = _clients[url] = redis.Redis.from_url(url)
        return client


def lock_name(variant_id: str) -> str:
    prefix = settings.CACHES["default"].get("KEY_PREFIX") or "ocop"
    return f"{prefix}:buying:stock:{variant_id}"


@contextmanager
def variants_locked(variant_ids: Iterable[str]) -> Iterator[None]:
    """Hold the lock of every variant given (each once, in sorted order) for the block's duration."""
    held = []
    try:
        for variant_id in sorted(set(variant_ids)):
            lock = _redis().lock(lock_name(variant_id), timeout=LOCK_SECONDS, blocking_timeout=WAIT_SECONDS)
            if not lock.acquire():
                raise StockBusy(variant_id)
            held.append(lock)
        yield
    finally:
        for lock in reversed(held):
            with suppress(LockError):  # expired meanwhile (the request outlived LOCK_SECONDS): nothing to release
                lock.release()
