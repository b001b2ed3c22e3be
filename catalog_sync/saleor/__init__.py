"""Saleor integration: one client for Saleor's API, the OCOP catalogue in Saleor, and the read-model fetch.

Callers get a client from ``catalog_sync.app.clients`` (the one place that picks its address and token) and use
``bootstrap(client)``, ``import_catalogue(client, ...)`` and the read model's ``iter_catalogue(client)``; no
GraphQL leaves this package. Every operation is typed: written in ``queries/*.graphql``, checked against Saleor
3.23.28's schema and generated into ``generated/`` by ariadne-codegen (``.venv/bin/ariadne-codegen``). The
``ocop saleor …``, ``ocop search reindex`` and ``ocop demo`` commands live in ``catalog_sync.saleor_side``.
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


__all__ = [
    "APP_PERMISSIONS",
    "RECORD_ENV",
    "SaleorClient",
    "SaleorConnectionError",
    "SaleorError",
    "SaleorMutationError",
    "SaleorResponseError",
    "make_transport",
]
