"""A showcase (``/showcases/<slug>/``): the collection's description and its products for sale now.

A curated showcase is shown only between its start and its end, checked when the page is read
(``catalog_sync.showcases.schedule``), so an ended one is never shown, even before the worker unpublishes it.
Staff preview one before it is published at ``/staff/showcases/<pk>/preview/``: the same page, as it will look.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from catalog_sync.catalogue.records import CollectionRecord
from catalog_sync.saleor.showcases import editorjs
from catalog_sync.showcases import schedule
from catalog_sync.showcases.models import Showcase

from . import jsonld, reading
from .cards import picture, product_card
from .names import translated
from .pages import language, page, unavailable
from .richtext import plain_text, render_editorjs

PRODUCTS_SHOWN = 96


def shown_now(record: CollectionRecord | None) -> bool:
    """Whether customers may see the showcase now; when the schedule cannot be read, curated ones are not."""
    try:
        return schedule.shown(record)
    except Exception:  # the web database did not answer: never risk an ended showcase
        return False


def _context(request: HttpRequest, collection: CollectionRecord, products, lang: str) -> dict:
    by_id = {product.id: product for product in products}
    # the collection's order; products not for sale now are not in the read model and drop out
    cards = [product_card(by_id[pid], lang) for pid in collection.product_ids if pid in by_id]
    source = (collection.description_en if lang == "en" and collection.description_en else None) \
        or collection.description
    name = translated(collection, "name", lang)
    return {
        "collection": collection,
        "name": name,
        "description_html": render_editorjs(source),
        "meta_description": plain_text(source, 160),
        "background": picture(collection.background, alt="", group=None) if collection.background else None,
        "cards": cards,
        "item_list": jsonld.item_list([card.record for card in cards], request.build_absolute_uri, language=lang),
    }


@require_GET
def showcase_detail(request: HttpRequest, slug: str) -> HttpResponse:
    lang = language()
    try:
        read = reading.collection(slug)
        collection = read.value if shown_now(read.value) else None
        products = reading.products(collection.product_ids[:PRODUCTS_SHOWN]) if collection else None
    except reading.CatalogueUnavailable:
        return unavailable(request)
    if collection is None or products is None:
        return render(request, "404.html", {"query": ""}, status=404)
    return page(request, "storefront/showcase.html", _context(request, collection, products.value, lang),
                stale=read.stale or products.stale)


@never_cache
@staff_member_required(login_url=settings.LOGIN_URL)
@require_GET
def showcase_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The showcase's page as customers will see it (its texts and products for sale now), for staff only."""
    if not any(request.user.has_perm(p) for p in ("showcases.view_showcase", "showcases.change_showcase")):
        raise PermissionDenied
    showcase = get_object_or_404(Showcase, pk=pk)
    lang = language()
    ids = tuple(showcase.items.order_by("position", "id").values_list("product_id", flat=True))
    record = CollectionRecord(
        id=showcase.saleor_id or f"preview-{showcase.pk}", slug=showcase.slug, name=showcase.name,
        product_ids=ids, updated_at=timezone.now(), name_en=showcase.name_en or None,
        description=editorjs(showcase.description), description_en=editorjs(showcase.description_en))
    try:
        products = reading.products(ids[:PRODUCTS_SHOWN])
    except reading.CatalogueUnavailable:
        return unavailable(request)
    context = _context(request, record, products.value, lang)
    return page(request, "storefront/showcase.html", {**context, "preview": showcase}, stale=products.stale)
