"""What a product card, a product page or a producer card shows, in the page's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from catalog_sync.catalogue.records import Image, ProductRecord

from .formats import money
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
