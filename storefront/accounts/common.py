"""What the account pages share: links on the shop's public address, the retry message, the app client."""

from __future__ import annotations

import datetime
import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog_sync.app.clients import SharedClients, app_token
from catalog_sync.saleor import SaleorClient, SaleorError, make_transport

_app_clients = SharedClients()


def public_url(path: str) -> str:
    """``path`` on the shop's public address (PUBLIC_URL): links Saleor and emails carry never take the
    host from a request."""
    return settings.PUBLIC_URL.rstrip("/") + path


def app_client() -> SaleorClient:
    """Saleor with the app's token (SALEOR_APP_TOKEN, else the installed app's): orders by number."""
    url = settings.SALEOR_API_URL or ""
    token = app_token(url)
    if not token:
        raise SaleorError("the app is not installed in Saleor and SALEOR_APP_TOKEN is not set")
    return _app_clients.get(url, token, transport=make_transport)


def forget_app_clients() -> None:
    _app_clients.forget()


def retry_message(when: datetime.datetime) -> str:
    minutes = max(1, math.ceil((when - timezone.now()).total_seconds() / 60))
    return _("Too many attempts. Please try again after %(time)s (in about %(minutes)s minutes).") % {
        "time": timezone.localtime(when).strftime("%H:%M"), "minutes": minutes}


def unavailable(request: HttpRequest) -> HttpResponse:
    return render(request, "buying/unavailable.html", status=503)
