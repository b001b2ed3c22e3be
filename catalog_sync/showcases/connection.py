"""The Saleor client the showcase pages and tasks write with: the installed app's token (or SALEOR_APP_TOKEN)."""

from __future__ import annotations

from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor_side.connection import command_client


def saleor_client() -> SaleorClient:
    return command_client()
