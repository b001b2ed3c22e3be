"""The product page (``/products/<slug>/``) and its helpful 404 when the product is not for sale."""

from __future__ import annotations

import dataclasses
import re

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from catalog_sync.catalogue.records import ProductRecord, SearchQuery
from catalog_sync.core.formats import money
from catalog_sync.domain.text import match_key
from catalog_sync.registry.models import Certificate

from . import jsonld, reading
from .cards import ProductCard, picture, product_card
from .names import group_name, province_name, set_name, translated
from .pages import language, page, unavailable
from .richtext import plain_text, render_editorjs

RELATED = 4
PRODUCER_OTHERS = 8
# product slugs end with the certificate id of their renewal chain's first certificate
_CERTIFICATE_IN_SLUG = re.compile(r"-([a-z]{2,3}-\d{4}-\d{3,6})$")


@dataclasses.dataclass(frozen=True)
class VariantLine:
    id: str  # Saleor's variant id: what the add-to-cart form posts
    name: str
    sku: str | None
    price: str
    quantity: int

    @property
    def in_stock(self) -> bool:
        return self.quantity > 0


def variant_lines(record: ProductRecord, lang: str) -> list[VariantLine]:
    """The product's options as the add-to-cart form offers them."""
    return [VariantLine(v.id, translated(v, "name", lang), v.sku, money(v.price, v.currency, lang),
                        v.quantity_available) for v in record.variants]


def max_quantity(record: ProductRecord) -> int:
    """The most the add-to-cart form lets a shopper ask for at once (at least 1)."""
    return max((v.quantity_available for v in record.variants), default=1) or 1


def _related(record: ProductRecord, lang: str) -> list[ProductCard]:
    base = SearchQuery(sort="stars", per_page=RELATED + 1, language="en" if lang == "en" else "vi")
    query = dataclasses.replace(base, sets=(record.product_set,)) if record.product_set else \
        dataclasses.replace(base, groups=(record.group,))
    try:
        found = reading.search(query).value.products
    except reading.CatalogueUnavailable:
        return []
    return [product_card(other, lang) for other in found if other.id != record.id][:RELATED]


def _producer_products(producer_id: str, lang: str, exclude: str | None = None) -> list[ProductCard]:
    query = SearchQuery(producer_id=producer_id, sort="stars", per_page=PRODUCER_OTHERS + 1,
                        language="en" if lang == "en" else "vi")
    try:
        found = reading.search(query).value.products
    except reading.CatalogueUnavailable:
        return []
    return [product_card(other, lang) for other in found if other.id != exclude][:PRODUCER_OTHERS]


@require_GET
def product_detail(request: HttpRequest, slug: str) -> HttpResponse:
    lang = language()
    try:
        read = reading.product(slug)
    except reading.CatalogueUnavailable:
        return unavailable(request)
    record = read.value
    if record is None:
        return product_missing(request, slug)
    name = translated(record, "name", lang)
    certificate = Certificate.objects.select_related("decision").filter(pk=record.certificate_id).first()
    images = [picture(image, alt=name, group=record.group) for image in record.images] or [
        picture(record.thumbnail, alt=name, group=record.group)
    ]
    description_source = (record.description_en if lang == "en" and record.description_en else None) \
        or record.description
    description = plain_text(description_source, 300) or translated(record, "seo_description", lang)
    url = request.build_absolute_uri(reverse("storefront:product", args=[record.slug]))
    verify_url = request.build_absolute_uri(reverse("storefront:verify", args=[record.certificate_id]))
    producer_card = _producer_card(record, lang)
    context = {
        "producer_card": producer_card,
        "product": record,
        "name": name,
        "description_html": render_editorjs(description_source),
        "meta_description": description,
        "images": images,
        "variants": variant_lines(record, lang),
        "price": money(record.price_min, record.variants[0].currency if record.variants else "VND", lang),
        "has_price_range": record.price_min != record.price_max,
        "max_quantity": max_quantity(record),
        "group": group_name(record.group, lang),
        "product_set": set_name(record.product_set, lang) if record.product_set else "",
        "province": province_name(record.province, lang),
        "province_at_certification": record.province_at_certification,
        "certificate": certificate,
        "star_range": range(record.stars),
        "related": _related(record, lang),
        "producer_products": _producer_products(record.producer.id, lang, exclude=record.id)[:4]
        if record.producer else [],
        "product_jsonld": jsonld.product(
            record, url=url, verify_url=verify_url, image_urls=[request.build_absolute_uri(i.url) for i in images],
            description=description, language=lang, issuer=certificate.decision.issuer if certificate else None,
        ),
    }
    return page(request, "storefront/product.html", context, stale=read.stale)


@dataclasses.dataclass(frozen=True)
class ProducerCard:
    title: str
    url: str
    province: str
    excerpt: str


def _producer_card(record: ProductRecord, lang: str) -> ProducerCard | None:
    """Who made it: the producer's name, where they are and the start of their story."""
    if record.producer is None:
        return None
    try:
        profile = reading.producer(record.producer.slug).value
    except reading.CatalogueUnavailable:
        profile = None
    if profile is None or not profile.is_published:
        return ProducerCard(record.producer.title, reverse("storefront:producer", args=[record.producer.slug]),
                            province_name(record.province, lang), "")
    story = (profile.content_en if lang == "en" and profile.content_en else None) or profile.content
    return ProducerCard(
        title=translated(profile, "title", lang),
        url=reverse("storefront:producer", args=[profile.slug]),
        province=province_name(profile.province or record.province, lang),
        excerpt=plain_text(story, 200),
    )


def _producer_of_withdrawn(slug: str) -> tuple[str, str] | None:
    """The producer (name, read-model id) of a product no longer for sale, found through its certificate."""
    match = _CERTIFICATE_IN_SLUG.search(slug)
    if match is None:
        return None
    certificate = Certificate.objects.select_related("producer").filter(pk=match.group(1).upper()).first()
    if certificate is None:
        return None
    name = certificate.producer.name
    try:
        found = reading.search(SearchQuery(text=name[:100], per_page=24)).value.products
    except reading.CatalogueUnavailable:
        return None
    key = match_key(name)
    for product in found:
        if product.producer is not None and match_key(product.producer.title) == key:
            return product.producer.title, product.producer.id
    return name, ""


def product_missing(request: HttpRequest, slug: str) -> HttpResponse:
    """404 for a product that is not (or no longer) for sale: a search box and the producer's other products."""
    lang = language()
    producer = _producer_of_withdrawn(slug)
    others = _producer_products(producer[1], lang) if producer and producer[1] else []
    guess = " ".join(_CERTIFICATE_IN_SLUG.sub("", slug).replace("-", " ").split())[:100]
    return page(request, "storefront/product_missing.html", {
        "search_query": guess,
        "producer_name": producer[0] if producer else "",
        "others": others,
    }, status=404)
