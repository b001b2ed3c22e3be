"""A version of the catalogue for caches: any write gives it a new one, so nothing stale is served.

Search caches what is costly to count (the facets of a whole catalogue page) under the current
version. A write changes the version inside its transaction (its own connection sees the change
at once) and again after commit (so an entry cached by a reader in between, from the state
before the commit, is never read again). If the cache is unavailable, nothing is cached.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction

log = logging.getLogger(__name__)

_VERSION_KEY = "catalogue:version"
TIMEOUT = 600


def _version_key() -> str:
    # One cache may serve several databases (tests, benchmarks): each has its own version.
    return f"{_VERSION_KEY}:{connection.settings_dict['NAME']}"


def _new_version() -> None:
    try:
        cache.set(_version_key(), uuid.uuid4().hex, None)
    except Exception:  # the cache being down must never stop a write
        log.warning("catalogue cache: could not change the version", exc_info=True)


def changed() -> None:
    """Call inside every write's transaction."""
    _new_version()
    transaction.on_commit(_new_version)


def cached[T](parts: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()``, kept under the current catalogue version and ``parts``."""
    try:
        version = cache.get(_version_key())
        if version is None:
            cache.add(_version_key(), uuid.uuid4().hex, None)
            version = cache.get(_version_key())
        key = "catalogue:" + hashlib.sha256(repr((version, *parts)).encode()).hexdigest()
        hit = cache.get(key)
    except Exception:
        log.warning("catalogue cache unavailable; computing", exc_info=True)
        return compute()
    if hit is not None:
        return hit
    value = compute()
    try:
        cache.set(key, value, TIMEOUT)
    except Exception:
        log.warning("catalogue cache: could not keep a value", exc_info=True)
    return value
