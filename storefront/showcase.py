"""A showcase (``/showcases/<slug>/``): the collection's description and its products for sale now."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import jsonld, reading
from .cards import picture, product_card
from .names import translated
from .pages import language, page, unavailable
from .richtext import plain_text, render_editorjs

PRODUCTS_SHOWN = 96


@require_GET
def showcase_detail(request: HttpRequest, slug: str) -> HttpResponse:
    lang = language()
    try:
        read = reading.collection(slug)
        collection = read.value
        products = reading.products(collection.product_ids[:PRODUCTS_SHOWN]) if collection else None
    except reading.CatalogueUnavailable:
        return unavailable(request)
    if collection is None or products is None:
        return render(request, "404.html", {"query": ""}, status=404)
    by_id = {product.id: product for product in products.value}
    # the collection's order; products not for sale now are not in the read model and drop out
    cards = [product_card(by_id[pid], lang) for pid in collection.product_ids if pid in by_id]
    source = (collection.description_en if lang == "en" and collection.description_en else None) \
        or collection.description
    name = translated(collection, "name", lang)
    return page(request, "storefront/showcase.html", {
        "collection": collection,
        "name": name,
        "description_html": render_editorjs(source),
        "meta_description": plain_text(source, 160),
        "background": picture(collection.background, alt="", group=None) if collection.background else None,
        "cards": cards,
        "item_list": jsonld.item_list([card.record for card in cards], request.build_absolute_uri, language=lang),
    }, stale=read.stale or products.stale)
