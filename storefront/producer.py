"""The producer page (``/producers/<slug>/``): the story, where they are, their products."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import reading
from .names import province_name, translated
from .pages import language, page, unavailable
from .product import _producer_products
from .richtext import plain_text, render_editorjs

_SAFE_URL = re.compile(r"https?://[^\s\"'<>`\\]{1,2000}")  # a photo's address as an <img> may take it
_EMAIL = re.compile(r"[^\s@<>\"']{1,64}@[^\s@<>\"']{1,190}")


@require_GET
def producer_detail(request: HttpRequest, slug: str) -> HttpResponse:
    lang = language()
    try:
        read = reading.producer(slug)
    except reading.CatalogueUnavailable:
        return unavailable(request)
    producer = read.value
    if producer is None or not producer.is_published:
        return render(request, "404.html", {"query": ""}, status=404)
    story_source = (producer.content_en if lang == "en" and producer.content_en else None) or producer.content
    title = translated(producer, "title", lang)
    return page(request, "storefront/producer.html", {
        "producer": producer,
        "title": title,
        "story_html": render_editorjs(story_source),
        "meta_description": translated(producer, "seo_description", lang) or plain_text(story_source, 160),
        "province": province_name(producer.province, lang),
        "products": _producer_products(producer.id, lang),
        "photos": [photo for photo in producer.photos if _SAFE_URL.fullmatch(photo.url)],
        "location": (producer.location_en if lang == "en" and producer.location_en else None) or producer.location,
        "phone": producer.phone,
        "phone_href": "tel:" + re.sub(r"[^\d+]", "", producer.phone) if producer.phone else None,
        "email": producer.email if producer.email and _EMAIL.fullmatch(producer.email) else None,
    }, stale=read.stale)
