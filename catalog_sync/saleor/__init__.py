"""Saleor integration: a small GraphQL client and the OCOP catalogue in Saleor.

Callers use ``client_from_settings()``, ``bootstrap(client)`` and ``import_catalogue(client, ...)``;
no GraphQL leaves this package.
"""

from __future__ import annotations

import os

from .client import (
    APP_PERMISSIONS,
    SaleorClient,
    SaleorConnectionError,
    SaleorError,
    SaleorMutationError,
    SaleorResponseError,
    Transport,
    UrllibTransport,
)

RECORD_ENV = "OCOP_SALEOR_RECORD"


def make_transport() -> Transport:
    """The transport used by commands; ``OCOP_SALEOR_RECORD=FILE`` records every exchange to FILE."""
    transport: Transport = UrllibTransport()
    record_to = os.environ.get(RECORD_ENV)
    if record_to:
        from .recording import RecordingTransport

        transport = RecordingTransport(transport, record_to)
    return transport


def client_from_settings(*, url: str | None = None, token: str | None = None) -> SaleorClient:
    from django.conf import settings

    url = url or settings.SALEOR_API_URL
    token = token or settings.SALEOR_APP_TOKEN
    if not token:
        raise SaleorError("no Saleor app token: set SALEOR_APP_TOKEN to the token of a Saleor app with "
                          + ", ".join(APP_PERMISSIONS))
    return SaleorClient(url or "", token, transport=make_transport())


__all__ = [
    "APP_PERMISSIONS",
    "RECORD_ENV",
    "SaleorClient",
    "SaleorConnectionError",
    "SaleorError",
    "SaleorMutationError",
    "SaleorResponseError",
    "client_from_settings",
    "make_transport",
]
