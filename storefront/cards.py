"""What a product card, a product page or a producer card shows, in the page's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from catalog_sync.catalogue.records import Image, ProductRecord
from catalog_sync.core.formats import money

from .names import PLACEHOLDER_SIZE, group_name, placeholder_url, province_name, translated


@dataclass(frozen=True)
class Picture:
    url: str
    alt: str
    width: int
    height: int
    is_placeholder: bool = False


def picture(image: Image | None, *, alt: str, group: str | None) -> Picture:
    if image is None or not image.url.startswith(("https://", "http://", "/")):
        width, height = PLACEHOLDER_SIZE
        return Picture(placeholder_url(group), alt, width, height, is_placeholder=True)
    width, height = image.width or PLACEHOLDER_SIZE[0], image.height or PLACEHOLDER_SIZE[1]
    return Picture(image.url, image.alt or alt, width, height)


@dataclass(frozen=True)
class ProductCard:
    record: ProductRecord
    name: str
    url: str
    picture: Picture
    price: str  # the lowest price: "125.000 ₫"
    has_price_range: bool
    stars: int
    group: str
    province: str
    producer: str
    in_stock: bool


def product_card(record: ProductRecord, language: str | None = None) -> ProductCard:
    name = translated(record, "name", language)
    return ProductCard(
        record=record,
        name=name,
        url=reverse("storefront:product", args=[record.slug]),
        picture=picture(record.thumbnail or (record.images[0] if record.images else None), alt=name,
                        group=record.group),
        price=money(record.price_min, record.variants[0].currency if record.variants else "VND", language),
        has_price_range=record.price_min != record.price_max,
        stars=record.stars,
        group=group_name(record.group, language),
        province=province_name(record.province, language),
        producer=record.producer.title if record.producer else "",
        in_stock=record.in_stock,
    )


def stars_html(stars: int) -> SafeString:
    label = ngettext("%(stars)s star", "%(stars)s stars", stars) % {"stars": stars}
    return format_html('<span class="stars" role="img" aria-label="{}">{}</span>', label, "★" * stars)


def card_html(card: ProductCard) -> SafeString:
    """One card of a product grid. Written here rather than in a template include: a listing
    renders dozens of them, and this keeps a page's rendering to a few milliseconds."""
    picture = card.picture
    price = gettext("from %(price)s") % {"price": card.price} if card.has_price_range else card.price
    meta = " · ".join(part for part in (card.producer, card.province) if part)
    out_of_stock = format_html('<p class="stock out">{}</p>', gettext("Out of stock")) if not card.in_stock else ""
    return format_html(
        '<li class="product-card"><a class="product-link" href="{}">'
        '<img src="{}" alt="{}" width="{}" height="{}" loading="lazy"{}>'
        '<span class="product-name">{}</span></a>{}<p class="price">{}</p><p class="meta">{}</p>{}</li>',
        card.url, picture.url, picture.alt, str(picture.width), str(picture.height),
        SafeString(' class="placeholder"') if picture.is_placeholder else "",
        card.name, stars_html(card.stars), price, meta, out_of_stock,
    )
