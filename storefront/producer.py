"""The producer page (``/producers/<slug>/``): the story, where they are, their products."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import reading
from .names import province_name, translated
from .pages import language, page, unavailable
from .product import _producer_products
from .richtext import plain_text, render_editorjs


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
    }, stale=read.stale)
