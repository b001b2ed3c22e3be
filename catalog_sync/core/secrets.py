"""Seal secrets at rest (the app token, Stripe keys, second-factor secrets): Fernet with a key derived from
``APP_TOKEN_KEY`` (in production a key of its own; the settings refuse SECRET_KEY there)."""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class SecretUnreadable(Exception):
    """The sealed value cannot be opened with this deployment's key (the key changed)."""


def _fernet(material_text: str | None = None) -> Fernet:
    material = (material_text or settings.APP_TOKEN_KEY).encode()
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"ocop.market app token").derive(material)
    return Fernet(base64.urlsafe_b64encode(key))


def seal_secret(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode()


def open_secret(sealed: str) -> str:
    try:
        return _fernet().decrypt(sealed.encode()).decode()
    except InvalidToken:
        raise SecretUnreadable(
            "the stored app token cannot be opened with this deployment's key; install the app again"
        ) from None


def sealed_in(field: str, *, optional: bool = False) -> property:
    """A model attribute kept sealed in the text field ``field``: reading opens it, setting seals it.

    ``optional``: an empty field reads as "" and setting "" stores "" (nothing sealed).
    """

    def read(instance) -> str:
        stored = getattr(instance, field)
        return "" if optional and not stored else open_secret(stored)

    def write(instance, value: str) -> None:
        setattr(instance, field, "" if optional and not value else seal_secret(value))

    return property(read, write, doc=f"kept sealed in {field}")


def reseal(sealed: str, old_key: str) -> str | None:
    """``sealed`` sealed again under ``APP_TOKEN_KEY`` when it was sealed under ``old_key``; None when it
    already opens with the current key (nothing to do). ``SecretUnreadable`` when neither opens it."""
    try:
        _fernet().decrypt(sealed.encode())
        return None
    except InvalidToken:
        pass
    try:
        value = _fernet(old_key).decrypt(sealed.encode())
    except InvalidToken:
        raise SecretUnreadable("sealed with neither the current key nor the old one") from None
    return _fernet().encrypt(value).decode()
