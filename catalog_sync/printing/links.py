"""Absolute links to the shop's public pages, for what is printed (QR codes, catalogues).

The shop's public address is ``SITE_PUBLIC_URL`` (e.g. ``https://ocop.vn``). A page can fall
back to the address staff reach it at; a command has nothing to fall back to.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation


class PublicUrlMissingError(RuntimeError):
    pass


def site_base(request: HttpRequest | None = None, base: str | None = None) -> str:
    """The public root URL without its trailing slash."""
    root = base or settings.SITE_PUBLIC_URL or (request.build_absolute_uri("/") if request else None)
    if not root:
        raise PublicUrlMissingError("the shop's public address is not known: set SITE_PUBLIC_URL or give --base-url")
    return root.rstrip("/")


def verify_url(certificate_id: str, base: str) -> str:
    """``<base>/verify/<id>/``: the public page a certificate's QR code points to (Vietnamese)."""
    with translation.override(settings.LANGUAGE_CODE):
        return base + reverse("storefront:verify", args=[certificate_id])
