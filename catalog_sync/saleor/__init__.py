"""Saleor integration: one client for Saleor's API, the OCOP catalogue in Saleor, and the read-model fetch.

Callers use ``client_from_settings()``, ``bootstrap(client)``, ``import_catalogue(client, ...)`` and
``readmodel.iter_catalogue(client)``; no GraphQL leaves this package. Every operation is typed: written in
``queries/*.graphql``, checked against Saleor 3.23.28's schema and generated into ``generated/`` by
ariadne-codegen (``.venv/bin/ariadne-codegen``). As a Django app (label
``saleor_side``) it carries the ``ocop saleor …``, ``ocop search reindex`` and ``ocop demo`` commands.
"""

from __future__ import annotations

import os

import httpx

from .client import (
    APP_PERMISSIONS,
    RetryingTransport,
    SaleorClient,
    SaleorConnectionError,
    SaleorError,
    SaleorMutationError,
    SaleorResponseError,
)

RECORD_ENV = "OCOP_SALEOR_RECORD"


def make_transport() -> httpx.BaseTransport:
    """The transport used by commands; ``OCOP_SALEOR_RECORD=FILE`` records every exchange to FILE."""
    transport: httpx.BaseTransport = RetryingTransport()
    record_to = os.environ.get(RECORD_ENV)
    if record_to:
        from .recording import RecordingTransport

        transport = RecordingTransport(transport, record_to)
    return transport


def client_from_settings(*, url: str | None = None, token: str | None = None,
                         token_required: bool = True) -> SaleorClient:
    """The client for SALEOR_API_URL with SALEOR_APP_TOKEN; ``token_required=False`` for what a customer may read."""
    from django.conf import settings

    url = url or settings.SALEOR_API_URL
    token = token or settings.SALEOR_APP_TOKEN
    if not token and token_required:
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
