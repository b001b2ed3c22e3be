"""Which token the Saleor commands use: --token, else SALEOR_APP_TOKEN, else the installed app's."""

from __future__ import annotations

from django.conf import settings

from catalog_sync.app.models import Installation
from catalog_sync.saleor import SaleorClient, client_from_settings


def command_client(*, url: str | None = None, token: str | None = None) -> SaleorClient:
    url = url or settings.SALEOR_API_URL
    if not (token or settings.SALEOR_APP_TOKEN):
        installation = Installation.objects.for_api_url(url or "")
        token = installation.token if installation else None
    return client_from_settings(url=url, token=token)
