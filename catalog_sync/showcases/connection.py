"""The Saleor client the showcase pages and tasks write with: the installed app's token (or SALEOR_APP_TOKEN)."""

from __future__ import annotations

from catalog_sync.app.clients import app_client
from catalog_sync.saleor import SaleorClient


def saleor_client() -> SaleorClient:
    return app_client()
