"""The second step of signing in, guarded: wrong codes counted per account apart from passwords, and the
account told by email when its second step is locked."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from enum import Enum

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from catalog_sync import notify

from . import throttle


class Outcome(Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"


def check(user: User, code: str | None, address: str, accepts: Callable[[str], bool],
          ) -> tuple[Outcome, datetime.datetime | None]:
    """Whether ``code`` (None: not a well-formed code) opens the second step (``accepts``: the authenticator's
    check, which uses the code up), and when to retry if the step is locked."""
    rule, email = throttle.second_step(), user.email or user.username
    when = throttle.retry_at(rule, email, address)
    if when is not None:
        return Outcome.LOCKED, when
    if code is not None and accepts(code):
        throttle.succeeded(rule, email)
        return Outcome.ACCEPTED, None
    if throttle.failed(rule, email, address):
        when = throttle.retry_at(rule, email, address)
        tell_of_lock(user, when or timezone.now())
        return Outcome.LOCKED, when
    return Outcome.WRONG, None


def tell_of_lock(user: User, until: datetime.datetime) -> None:
    """Email the account: its second step is locked, and what to do if it was not them (Vietnamese first)."""
    if not user.email:
        return
    notify.send(notify.events.SecondStepLocked(
        recipients=(notify.Recipient(user.email, (settings.LANGUAGE_CODE,)),), email=user.email,
        failures=settings.PORTAL_CODE_MAX_FAILURES, minutes=settings.PORTAL_CODE_LOCK_SECONDS // 60, until=until,
        reset_url="" if user.is_staff else settings.PUBLIC_URL.rstrip("/") + "/portal/password-reset/"))
