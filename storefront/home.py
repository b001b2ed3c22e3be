"""The home page: showcases, 5★ products, the 6 product groups, a search box and the certificate check."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from catalog_sync.catalogue.records import SearchQuery
from catalog_sync.domain.groups import GROUPS

from . import reading
from .cards import product_card
from .names import group_name, placeholder_url, translated
from .pages import language, page
from .showcase import shown_now

FIVE_STAR_SHOWN = 8


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    lang = language()
    stale = False
    try:
        collections = reading.collections()
        stale |= collections.stale
        showcases = [(c, translated(c, "name", lang)) for c in collections.value if shown_now(c)]
    except reading.CatalogueUnavailable:
        showcases = []
    try:
        found = reading.search(SearchQuery(stars=(5,), sort="newest", per_page=FIVE_STAR_SHOWN,
                                           language="en" if lang == "en" else "vi"))
        stale |= found.stale
        five_star = [product_card(record, lang) for record in found.value.products]
    except reading.CatalogueUnavailable:
        five_star = []
    groups = [(g.slug, group_name(g.slug, lang), placeholder_url(g.slug)) for g in GROUPS]
    return page(request, "storefront/home.html", {
        "query": "",
        "showcases": showcases,
        "five_star": five_star,
        "groups": groups,
    }, stale=stale)
