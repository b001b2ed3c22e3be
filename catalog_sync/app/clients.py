"""The one place that makes the web service's Saleor clients.

- ``app_client()``: the app's token (the one given, else SALEOR_APP_TOKEN, else the installed app's), for
  what only the app may do (the commands, the portal's writes, showcases, orders by number);
- ``installed_app_client()``: the installed app's own address and token, None before it is installed
  (the hourly catch-ups);
- ``storefront_client()``: no token, so Saleor answers exactly what an anonymous customer may see (the
  read model's fetch and the app's readers);
- ``SharedClients``: one client per address and token for the life of the process (pooled keep-alive
  connections), for pages that ask Saleor on every request: the cart, the checkout and a customer's
  account pages (a customer's own token travels with each call, never in the client).

Every transport comes from ``catalog_sync.saleor.make_transport``, looked up per call: ``OCOP_SALEOR_RECORD``
records every exchange, and tests and recorders swap it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import httpx
from django.conf import settings

from catalog_sync import saleor
from catalog_sync.saleor import APP_PERMISSIONS, SaleorClient, SaleorError

from .models import Installation


def app_token(url: str | None = None) -> str | None:
    """SALEOR_APP_TOKEN, else the token of the app installed in the Saleor at ``url`` (SALEOR_API_URL)."""
    if settings.SALEOR_APP_TOKEN:
        return settings.SALEOR_APP_TOKEN
    installation = Installation.objects.for_api_url(url or settings.SALEOR_API_URL or "")
    return installation.token if installation else None


def app_client(*, url: str | None = None, token: str | None = None) -> SaleorClient:
    """A new client with the app's token (``--token``, else SALEOR_APP_TOKEN, else the installed app's);
    the caller closes it. ``SaleorError`` says what to set when there is no token at all."""
    url = url or settings.SALEOR_API_URL or ""
    token = token or app_token(url)
    if not token:
        raise SaleorError("no Saleor app token: set SALEOR_APP_TOKEN to the token of a Saleor app with "
                          + ", ".join(APP_PERMISSIONS))
    return SaleorClient(url, token, transport=saleor.make_transport())


def installed_app_client() -> SaleorClient | None:
    """A new client for the installed app (its Saleor address, its token); None before the app is installed."""
    installation = Installation.objects.for_api_url(settings.SALEOR_API_URL or "")
    if installation is None:
        return None
    return SaleorClient(installation.saleor_api_url, installation.token, transport=saleor.make_transport())


def storefront_client(url: str | None = None) -> SaleorClient:
    """A new client with no token for ``url`` (SALEOR_API_URL): what an anonymous customer may read."""
    return SaleorClient(url or settings.SALEOR_API_URL or "", None, transport=saleor.make_transport())


class SharedClients:
    """One client per Saleor address and token, kept for the life of the process; ``forget()`` closes them.
    ``transport`` is asked once, when a client is made (each page passes its own, so a test can swap it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: dict[tuple[str, str | None], SaleorClient] = {}

    def get(self, url: str, token: str | None = None, *,
            transport: Callable[[], httpx.BaseTransport] | None = None) -> SaleorClient:
        with self._lock:
            client = self._clients.get((url, token))
            if client is None:
                made = (transport or saleor.make_transport)()
                client = self._clients[(url, token)] = SaleorClient(url, token, transport=made)
        return client

    def forget(self) -> None:
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()
