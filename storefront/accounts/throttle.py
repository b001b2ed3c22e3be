"""Rate limits on sign-in and the order lookup, in Redis (Django's cache), per address and per account.

Fixed windows: the failures of one email (or one address) in the current window are counted, and once
the limit is reached every attempt is refused without asking Saleor until the window ends, which is
the moment the page names.
"""

from __future__ import annotations

import datetime
import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str  # "signin", "lookup"
    per_account: int
    per_address: int
    window: int  # seconds


def limit(name: str) -> Limit:
    rule = settings.CUSTOMER_RATE_LIMITS[name]
    return Limit(name, rule["per_account"], rule["per_address"], rule["window"])


def _keys(rule: Limit, account: str, address: str) -> list[tuple[str, int]]:
    window = int(time.time()) // rule.window
    who = hashlib.sha256(account.strip().casefold().encode("utf-8")).hexdigest()[:32]
    return [(f"customers:{rule.name}:{window}:account:{who}", rule.per_account),
            (f"customers:{rule.name}:{window}:ip:{address}", rule.per_address)]


def retry_at(rule: Limit, account: str, address: str) -> datetime.datetime | None:
    """None when an attempt may go ahead; else when the next one may."""
    counts = cache.get_many([key for key, _limit in _keys(rule, account, address)])
    if any((counts.get(key) or 0) >= most for key, most in _keys(rule, account, address)):
        ends = (int(time.time()) // rule.window + 1) * rule.window
        return datetime.datetime.fromtimestamp(ends, datetime.UTC)
    return None


def failed(rule: Limit, account: str, address: str) -> None:
    for key, _most in _keys(rule, account, address):
        cache.add(key, 0, timeout=rule.window + 5)
        try:
            cache.incr(key)
        except ValueError:  # gone between add and incr
            cache.set(key, 1, timeout=rule.window + 5)


def succeeded(rule: Limit, account: str, address: str) -> None:
    cache.delete(_keys(rule, account, address)[0][0])


def client_address(request) -> str:
    """The visitor's address (``REMOTE_ADDR``; behind a proxy, the proxy's own setting puts it there)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"
