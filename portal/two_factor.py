"""The optional second factor: a time-based one-time code (TOTP, RFC 6238) from an authenticator app.

The secret is kept sealed (the app token's Fernet key); a code is accepted within one 30-second step
either side of now, and each step at most once (a code seen once cannot be replayed). Producers' accounts
and staff members (``StaffSecondFactor``) hold it the same way.
"""

from __future__ import annotations

import datetime
import logging

import pyotp
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from catalog_sync.core.secrets import SecretUnreadable, open_secret, seal_secret

from .models import ProducerAccount, StaffSecondFactor

Holder = ProducerAccount | StaffSecondFactor

ISSUER = "OCOP Market"
logger = logging.getLogger(__name__)


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def _matching_step(secret: str, code: str, now: datetime.datetime) -> int | None:
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in (current - 1, current, current + 1):
        if constant_time_compare(totp.generate_otp(step), code):
            return step
    return None


def enable(account: Holder, secret: str, code: str, now: datetime.datetime | None = None) -> bool:
    """Turn the second factor on once ``code`` shows the authenticator holds ``secret``."""
    step = _matching_step(secret, code, now or timezone.now())
    if step is None:
        return False
    account.totp_sealed, account.totp_last_step = seal_secret(secret), step
    account.save(update_fields=["totp_sealed", "totp_last_step"])
    return True


def verify(account: Holder, code: str, now: datetime.datetime | None = None) -> bool:
    """Whether ``code`` is a fresh code of the account's authenticator (then it is used up)."""
    if not account.totp_sealed:
        return False
    with transaction.atomic():
        locked = type(account).objects.select_for_update().get(pk=account.pk)
        try:
            secret = open_secret(locked.totp_sealed)
        except SecretUnreadable:  # sealed under another key: `ocop reseal-secrets` moves it to this one
            logger.error("second factor of %s cannot be opened with APP_TOKEN_KEY", type(locked).__name__)
            return False
        step = _matching_step(secret, code, now or timezone.now())
        if step is None or (locked.totp_last_step is not None and step <= locked.totp_last_step):
            return False
        locked.totp_last_step = step
        locked.save(update_fields=["totp_last_step"])
    account.totp_last_step = step
    return True


def disable(account: Holder) -> None:
    account.totp_sealed, account.totp_last_step = "", None
    account.save(update_fields=["totp_sealed", "totp_last_step"])


def of_staff(user) -> StaffSecondFactor | None:  # type: ignore[no-untyped-def]
    """The staff member's second factor, when they turned it on."""
    found = StaffSecondFactor.objects.filter(user=user).first()
    return found if found is not None and found.has_second_factor else None


def staff_holder(user) -> StaffSecondFactor:  # type: ignore[no-untyped-def]
    return StaffSecondFactor.objects.get_or_create(user=user)[0]
