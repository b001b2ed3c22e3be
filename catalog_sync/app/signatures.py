"""Verify Saleor's webhook signatures: a detached JWS (RS256) checked against Saleor's JWKS.

The protected header must be exactly Saleor's detached form: ``alg`` RS256, ``b64`` false and
``crit: ["b64"]``, and a ``kid`` of Saleor's key set. Anything else (an ordinary RS256 token Saleor
signs, such as a shopper's access token from ``tokenCreate``) is refused before the signature is read.

The key set is fetched from ``<saleor>/.well-known/jwks.json`` at installation, kept with the
installation, and fetched again when a signature names a key id we do not know (Saleor rotated
its key) — at most once a minute after a good fetch, and at most one attempt per 30 s across every
worker (a failed fetch is not retried on each request), so forged key ids cannot make us hammer Saleor.
"""

from __future__ import annotations

import datetime
import json
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import jwt
from django.db.models import Q
from django.utils import timezone

from .models import Installation

REFETCH_AFTER = datetime.timedelta(minutes=1)
RETRY_AFTER = datetime.timedelta(seconds=30)  # between two fetches of the key set, failed or not
JWKS_TIMEOUT = httpx.Timeout(5.0)
MAX_JWKS_BYTES = 64 * 1024


class BadSignature(Exception):
    """The signature is missing, malformed, or not made by the Saleor we are installed in."""


def jwks_url(api_url: str) -> str:
    parts = urlsplit(api_url)
    return urlunsplit((parts.scheme, parts.netloc, "/.well-known/jwks.json", "", ""))


def fetch_jwks(api_url: str) -> dict[str, Any]:
    response = httpx.get(jwks_url(api_url), timeout=JWKS_TIMEOUT, follow_redirects=False)
    response.raise_for_status()
    if len(response.content) > MAX_JWKS_BYTES:
        raise ValueError("Saleor's key set is implausibly large")
    document = response.json()
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        raise ValueError("Saleor's key set has no keys")
    return document


def _key(jwks: dict[str, Any], kid: str | None) -> Any | None:
    for entry in jwks.get("keys", []):
        if isinstance(entry, dict) and entry.get("kid") == kid:
            return jwt.PyJWK(entry).key
    return None


def refresh_jwks(installation: Installation) -> None:
    installation.jwks = fetch_jwks(installation.saleor_api_url)
    installation.jwks_fetched_at = timezone.now()
    installation.save(update_fields=["jwks", "jwks_fetched_at", "updated_at"])


def _may_fetch(installation: Installation) -> bool:
    """Claims the one fetch of the key set allowed per ``RETRY_AFTER`` (one conditional UPDATE: one worker wins)."""
    now = timezone.now()
    claimed = Installation.objects.filter(pk=installation.pk).filter(
        Q(jwks_tried_at__isnull=True) | Q(jwks_tried_at__lte=now - RETRY_AFTER)).update(jwks_tried_at=now)
    return claimed == 1


def detached_header(signature: str) -> dict[str, Any]:
    """The protected header, if it is Saleor's detached RS256 form (RFC 7797); else BadSignature."""
    try:
        header = jwt.get_unverified_header(signature)
    except jwt.PyJWTError:
        raise BadSignature("the signature is not a JWS") from None
    if header.get("alg") != "RS256":
        raise BadSignature("the signature is not RS256")
    if header.get("b64") is not False or header.get("crit") != ["b64"]:
        raise BadSignature("the signature is not a detached JWS (b64 false, crit b64)")
    if not isinstance(header.get("kid"), str) or not header["kid"]:
        raise BadSignature("the signature names no key id")
    if signature.split(".")[1:2] != [""]:
        raise BadSignature("the signature carries a payload of its own")
    return header


def verify(installation: Installation, body: bytes, signature: str) -> None:
    """Raise BadSignature unless ``signature`` is Saleor's detached JWS over exactly ``body``."""
    if not signature:
        raise BadSignature("no Saleor-Signature header")
    kid = detached_header(signature)["kid"]
    key = _key(installation.jwks, kid)
    stale = installation.jwks_fetched_at is None or timezone.now() - installation.jwks_fetched_at > REFETCH_AFTER
    if key is None and stale:
        if not _may_fetch(installation):
            raise BadSignature("the signature's key id is unknown and Saleor's key set was asked for moments ago")
        try:
            refresh_jwks(installation)
        except (httpx.HTTPError, ValueError, json.JSONDecodeError):
            raise BadSignature("Saleor's key set could not be fetched") from None
        key = _key(installation.jwks, kid)
    if key is None:
        raise BadSignature("the signature's key id is not one of Saleor's keys")
    try:
        jwt.api_jws.decode_complete(signature, key=key, algorithms=["RS256"], detached_payload=body)
    except jwt.PyJWTError:
        raise BadSignature("the signature does not match the body") from None
