"""Search: the results page (``/search/?q=``) and suggestions as you type (``/search/suggest/?q=``, JSON)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import reading
from .catalogue import render_listing, search_url
from .pages import language

SUGGEST_MIN = 2
SUGGEST_MAX_TEXT = 100
SUGGEST_LIMIT = 8


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    return render_listing(request, template="storefront/search.html", with_text=True)


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    text = " ".join(request.GET.get("q", "").split())[:SUGGEST_MAX_TEXT]
    suggestions = []
    if len(text) >= SUGGEST_MIN:
        try:
            found = reading.suggest(text, language(), SUGGEST_LIMIT)
        except Exception:
            reading.logger.exception("suggestions failed for %r", text)
            found = []
        suggestions = [
            {"text": item.text, "url": reverse("storefront:product", args=[item.url_slug])} for item in found
        ]
    response = JsonResponse({"query": text, "suggestions": suggestions})
    response["Cache-Control"] = "public, max-age=60"
    response["Vary"] = "Accept-Language"
    return response


__all__ = ["search_page", "search_url", "suggest"]
