"""What every shop page shares: the language, absolute URLs, the notice when prices may be stale."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from catalog_sync.app.health import saleor_unreachable


def language() -> str:
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def unavailable(request: HttpRequest) -> HttpResponse:
    """The read model did not answer and nothing is remembered: a calm page, never a stack trace."""
    response = render(request, "storefront/unavailable.html", {"query": request.GET.get("q", "")[:100]}, status=503)
    response["Retry-After"] = "30"
    return response


def page(request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200,
         stale: bool = False) -> HttpResponse:
    context = {"stale": stale, "saleor_down": not stale and saleor_unreachable(), **context}
    response = render(request, template, context, status=status)
    if stale:  # the last remembered read: nobody keeps this page, neither we (pagecache) nor a browser
        patch_cache_control(response, no_store=True)
    return response
