"""Registration: Saleor posts the app token to /saleor/register/ when it installs the app."""

from __future__ import annotations

import logging

import httpx
from django.db import transaction
from django.utils import timezone

from catalog_sync import saleor  # saleor.make_transport looked up per call: tests and recorders swap it
from catalog_sync.saleor import SaleorClient, SaleorConnectionError, SaleorError

from .models import Installation, normalise_api_url
from .signatures import fetch_jwks

log = logging.getLogger(__name__)

class RegistrationRefused(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def confirm_token(api_url: str, token: str) -> str:
    """The app id the token belongs to, asked of the Saleor that sent it; refuses a token it rejects."""
    try:
        with SaleorClient(api_url, token, transport=saleor.make_transport(), timeout=httpx.Timeout(10.0)) as client:
            app = client.operations().ocop_app_id().app
    except SaleorConnectionError:
        raise RegistrationRefused("Saleor could not be asked to confirm the token", status=502) from None
    except SaleorError:
        app = None
    if app is None or not app.id:
        raise RegistrationRefused("Saleor does not accept the token it sent")
    return str(app.id)


def register(api_url: str, expected_api_url: str, token: str) -> Installation:
    if normalise_api_url(api_url) != normalise_api_url(expected_api_url):
        raise RegistrationRefused("this app is installed only in the Saleor it is configured for", status=403)
    if not token or len(token) > 500:
        raise RegistrationRefused("auth_token is missing")
    app_id = confirm_token(api_url, token)
    try:
        jwks = fetch_jwks(api_url)
    except (httpx.HTTPError, ValueError):
        raise RegistrationRefused("Saleor's key set could not be fetched", status=502) from None
    with transaction.atomic():
        installation = Installation.objects.select_for_update().filter(
            saleor_api_url=normalise_api_url(api_url)).first() or Installation(
            saleor_api_url=normalise_api_url(api_url))
        installation.app_id = app_id
        installation.token = token
        installation.jwks = jwks
        installation.jwks_fetched_at = timezone.now()
        installation.save()
    log.info("app installed in %s as %s", installation.saleor_api_url, app_id)
    return installation
