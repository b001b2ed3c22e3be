"""Django system checks for settings that would make the service unsafe or broken."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def check_feed_token(app_configs, **kwargs):
    token = settings.OCOP_FEED_TOKEN or ""
    if len(token) < 24:
        return [
            Error(
                "OCOP_FEED_TOKEN is shorter than 24 characters.",
                hint="Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(32))'",
                id="ocop.E001",
            )
        ]
    return []


@register(Tags.compatibility)
def check_saleor_settings(app_configs, **kwargs):
    if settings.SALEOR_APP_TOKEN and not (settings.SALEOR_API_URL or "").startswith(("http://", "https://")):
        return [Warning("SALEOR_API_URL must be an http(s) URL.", id="ocop.W001")]
    return []


@register(Tags.compatibility)
def check_search_backend(app_configs, **kwargs):
    if settings.SEARCH_BACKEND not in {"embedded", "elasticsearch"}:
        return [Error(f"SEARCH_BACKEND must be 'embedded' or 'elasticsearch', not {settings.SEARCH_BACKEND!r}.",
                      id="ocop.E002")]
    if settings.SEARCH_BACKEND == "elasticsearch" and not settings.ELASTICSEARCH_URL:
        return [Error("SEARCH_BACKEND is 'elasticsearch' but ELASTICSEARCH_URL is not set.", id="ocop.E003")]
    return []
