"""A version of the catalogue for caches: any write gives it a new one, so nothing stale is served.

Two levels: the shared cache (Redis) and, in front of it, a small per-process memory that reads
the shared version at most once per ``VERSION_TTL`` seconds; a write in this process forgets it
at once, a write in another process is seen within that second.

Search caches what is costly to count (the facets of a whole catalogue page) under the current
version. A write changes the version inside its transaction (its own connection sees the change
at once) and again after commit (so an entry cached by a reader in between, from the state
before the commit, is never read again). If the cache is unavailable, nothing is cached.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction

log = logging.getLogger(__name__)

_VERSION_KEY = "catalogue:version"
TIMEOUT = 600
VERSION_TTL = 1.0
_LOCAL_SIZE = 256


class _Local(threading.local):
    def __init__(self) -> None:
        self.version: tuple[str, float, str] | None = None  # (version, when read, scope)
        self.values: OrderedDict[str, Any] = OrderedDict()


_local = _Local()


def _version_key() -> str:
    # One cache may serve several databases (tests, benchmarks): each has its own version.
    return f"{_VERSION_KEY}:{connection.settings_dict['NAME']}"


def _new_version() -> None:
    _local.version = None
    _local.values.clear()
    try:
        cache.set(_version_key(), uuid.uuid4().hex, None)
    except Exception:  # the cache being down must never stop a write
        log.warning("catalogue cache: could not change the version", exc_info=True)


def changed() -> None:
    """Call inside every write's transaction."""
    _new_version()
    transaction.on_commit(_new_version)


def cached[T](parts: tuple[Any, ...], compute: Callable[[], T], *, keep: Callable[[T], bool] | None = None) -> T:
    """``compute()``, kept under the current catalogue version and ``parts`` (unless ``keep`` says no)."""
    try:
        key = "catalogue:" + hashlib.sha256(repr((_version(), *parts)).encode()).hexdigest()
        if key in _local.values:
            _local.values.move_to_end(key)
            return _local.values[key]
        hit = cache.get(key)
    except Exception:
        log.warning("catalogue cache unavailable; computing", exc_info=True)
        return compute()
    value = compute() if hit is None else hit
    if hit is None and keep is not None and not keep(value):
        return value
    if hit is None:
        try:
            cache.set(key, value, TIMEOUT)
        except Exception:
            log.warning("catalogue cache: could not keep a value", exc_info=True)
    _local.values[key] = value
    while len(_local.values) > _LOCAL_SIZE:
        _local.values.popitem(last=False)
    return value


def version() -> str:
    """The catalogue's current version (what in-process copies of derived data are kept under)."""
    return _version()


def _version() -> str:
    now = time.monotonic()
    scope = cache.make_key(_version_key())  # a different cache, key prefix or database: nothing shared
    if _local.version is not None and now - _local.version[1] < VERSION_TTL and _local.version[2] == scope:
        return _local.version[0]
    version = cache.get(_version_key())
    if version is None:
        cache.add(_version_key(), uuid.uuid4().hex, None)
        version = cache.get(_version_key())
    if _local.version is None or _local.version[0] != version or _local.version[2] != scope:
        _local.values.clear()
    _local.version = (version, now, scope)
    return version
