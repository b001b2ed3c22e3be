"""Rate limits in Redis (the cache) on the sign-in pages: failures counted per account name and per address.

Each rule counts its own failures: passwords (the portal's and the staff sign-in share them), second-step
codes, password-reset requests. The first failure opens a window of ``window`` seconds; once an account
name (or an address) has reached its limit in it, attempts are refused without checking anything until the
window ends, the moment the page names. A correct password clears its name's password failures only:
never the codes'.
"""

from __future__ import annotations

import datetime
import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Rule:
    name: str  # "signin", "code", "reset"
    per_account: int
    per_address: int
    window: int  # seconds


def signin() -> Rule:
    return Rule("signin", settings.PORTAL_SIGNIN_MAX_FAILURES, settings.PORTAL_SIGNIN_MAX_FAILURES_PER_IP,
                settings.PORTAL_SIGNIN_WINDOW)


def second_step() -> Rule:
    return Rule("code", settings.PORTAL_CODE_MAX_FAILURES, settings.PORTAL_SIGNIN_MAX_FAILURES_PER_IP,
                settings.PORTAL_CODE_LOCK_SECONDS)


def password_reset() -> Rule:
    return Rule("reset", settings.PORTAL_SIGNIN_MAX_FAILURES, settings.PORTAL_SIGNIN_MAX_FAILURES_PER_IP,
                settings.PORTAL_SIGNIN_WINDOW)


def _keys(rule: Rule, account: str, address: str) -> list[tuple[str, int]]:
    name = hashlib.sha256(account.strip().lower().encode("utf-8")).hexdigest()[:32]
    return [(f"portal:{rule.name}:name:{name}", rule.per_account),
            (f"portal:{rule.name}:ip:{address}", rule.per_address)]


def retry_at(rule: Rule, account: str, address: str) -> datetime.datetime | None:
    """None when an attempt may go ahead; else when the next one may."""
    keys = _keys(rule, account, address)
    found = cache.get_many([key for key, _most in keys] + [f"{key}:ends" for key, _most in keys])
    ends = [found.get(f"{key}:ends") or time.time() + rule.window for key, most in keys
            if (found.get(key) or 0) >= most]
    return datetime.datetime.fromtimestamp(max(ends), datetime.UTC) if ends else None


def failed(rule: Rule, account: str, address: str) -> bool:
    """Counts a failure; whether it was the one that reached the account name's limit."""
    counts = []
    for key, _most in _keys(rule, account, address):
        if cache.add(key, 0, timeout=rule.window):  # the window starts at the first failure
            cache.set(f"{key}:ends", time.time() + rule.window, timeout=rule.window)
        try:
            counts.append(cache.incr(key))
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=rule.window)
            cache.set(f"{key}:ends", time.time() + rule.window, timeout=rule.window)
            counts.append(1)
    return counts[0] == rule.per_account


def succeeded(rule: Rule, account: str) -> None:
    """The account name's failures of this rule are forgotten (its address's are not)."""
    key = _keys(rule, account, "")[0][0]
    cache.delete_many([key, f"{key}:ends"])


def minutes_until(when: datetime.datetime) -> int:
    return max(1, -(-int((when - datetime.datetime.now(datetime.UTC)).total_seconds()) // 60))
