"""Sign-in rate limiting in Redis (the cache): failures counted per account name and per address.

After ``PORTAL_SIGNIN_MAX_FAILURES`` failed attempts for one account name (or ``PORTAL_SIGNIN_MAX_FAILURES_PER_IP``
from one address) within ``PORTAL_SIGNIN_WINDOW`` seconds, further attempts are refused without checking
the password until the window has passed.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache


def _keys(username: str, address: str) -> list[tuple[str, int]]:
    name = hashlib.sha256(username.strip().lower().encode("utf-8")).hexdigest()[:32]
    return [(f"portal:signin:name:{name}", settings.PORTAL_SIGNIN_MAX_FAILURES),
            (f"portal:signin:ip:{address}", settings.PORTAL_SIGNIN_MAX_FAILURES_PER_IP)]


def locked(username: str, address: str) -> bool:
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(username, address))


def record_failure(username: str, address: str) -> None:
    for key, _limit in _keys(username, address):
        cache.add(key, 0, timeout=settings.PORTAL_SIGNIN_WINDOW)  # the window starts at the first failure
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=settings.PORTAL_SIGNIN_WINDOW)


def record_success(username: str, address: str) -> None:
    cache.delete(_keys(username, address)[0][0])
