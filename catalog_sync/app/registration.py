"""Registration: Saleor posts the app token to /saleor/register/ when it installs the app.

A token is stored only while ``ocop saleor install-app`` has a registration pending for that Saleor
(it opens one before ``appInstall`` and closes it when it ends), and only when Saleor itself says the
token is the app ``ocop.market``'s: another app's token, or our own app's posted again later, is refused
and replaces nothing.
"""

from __future__ import annotations

import logging

import httpx
from django.db import transaction
from django.utils import timezone

from catalog_sync import saleor  # saleor.make_transport looked up per call: tests and recorders swap it
from catalog_sync.saleor import SaleorClient, SaleorConnectionError, SaleorError

from .manifest import APP_ID
from .models import Installation, PendingRegistration, normalise_api_url
from .signatures import fetch_jwks

log = logging.getLogger(__name__)


class RegistrationRefused(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def confirm_token(api_url: str, token: str) -> str:
    """The app id the token belongs to, asked of the Saleor that sent it; refuses a token it rejects and the
    token of any app but ``ocop.market``."""
    try:
        with SaleorClient(api_url, token, transport=saleor.make_transport(), timeout=httpx.Timeout(10.0)) as client:
            app = client.operations().ocop_app_id().app
    except SaleorConnectionError:
        raise RegistrationRefused("Saleor could not be asked to confirm the token", status=502) from None
    except SaleorError:
        app = None
    if app is None or not app.id:
        raise RegistrationRefused("Saleor does not accept the token it sent")
    if app.identifier != APP_ID:
        raise RegistrationRefused(f"the token is not the app {APP_ID}'s", status=403)
    return str(app.id)


def pending(api_url: str) -> PendingRegistration | None:
    return PendingRegistration.objects.filter(saleor_api_url=normalise_api_url(api_url),
                                              open_until__gt=timezone.now()).first()


def register(api_url: str, expected_api_url: str, token: str) -> Installation:
    if normalise_api_url(api_url) != normalise_api_url(expected_api_url):
        raise RegistrationRefused("this app is installed only in the Saleor it is configured for", status=403)
    if not token or len(token) > 500:
        raise RegistrationRefused("auth_token is missing")
    window = pending(api_url)
    if window is None:
        raise RegistrationRefused("no installation of the app is pending here (ocop saleor install-app opens one)",
                                  status=403)
    app_id = confirm_token(api_url, token)
    if window.replacing_app_id and app_id == window.replacing_app_id:
        raise RegistrationRefused("the token is the replaced app's", status=403)
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
        PendingRegistration.objects.filter(pk=window.pk).delete()  # one token per installation
    log.info("app installed in %s as %s", installation.saleor_api_url, app_id)
    return installation
