"""A trade catalogue's entries: per product of a showcase for sale now, what a retail buyer needs.

Read from the catalogue read model: a showcase is a Saleor collection (``CollectionRecord``) and
only its products for sale now are in the read model, so only those are listed, in the showcase's order.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils import translation

from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import CollectionRecord, ProductRecord
from catalog_sync.domain.groups import group_by_slug, set_by_slug
from catalog_sync.domain.provinces import province_by_slug
from catalog_sync.printing.links import verify_url

from . import schedule


class ShowcaseNotFoundError(LookupError):
    pass


@dataclass(frozen=True)
class Packaging:
    name: str
    price: Decimal
    currency: str


@dataclass(frozen=True)
class TradeEntry:
    certificate_id: str
    name_vi: str
    name_en: str
    stars: int
    producer: str
    province: str
    group_slug: str
    group: str
    product_set: str
    last_valid_day: datetime.date
    verify_url: str
    price_min: Decimal | None
    price_max: Decimal | None
    currency: str
    packaging: tuple[Packaging, ...]
    photo_url: str | None
    product_url: str
    producer_url: str  # the producer's page in the shop: who the producer is, namesakes of two provinces apart


@dataclass(frozen=True)
class TradeCatalogue:
    showcase: CollectionRecord
    entries: tuple[TradeEntry, ...]
    showcase_url: str


def _name(lookup, slug: str | None) -> str:
    if not slug:
        return ""
    try:
        return lookup(slug)
    except KeyError:
        return slug


def _url(base: str, name: str, slug: str) -> str:
    with translation.override("vi"):
        return base + reverse(name, args=[slug])


def entry_for(product: ProductRecord, base: str) -> TradeEntry:
    photo = product.thumbnail or (product.images[0] if product.images else None)
    return TradeEntry(
        certificate_id=product.certificate_id,
        name_vi=product.name,
        name_en=product.name_en or "",
        stars=product.stars,
        producer=product.producer.title if product.producer else "",
        province=_name(lambda s: province_by_slug(s).name, product.province),
        group_slug=product.group,
        group=_name(lambda s: group_by_slug(s).name_vi, product.group),
        product_set=_name(lambda s: set_by_slug(s).name_vi, product.product_set),
        last_valid_day=product.valid_until,
        verify_url=verify_url(product.certificate_id, base),
        price_min=product.price_min,
        price_max=product.price_max,
        currency=product.variants[0].currency if product.variants else "VND",
        packaging=tuple(Packaging(v.name, v.price, v.currency) for v in product.variants),
        photo_url=photo.url if photo else None,
        product_url=_url(base, "storefront:product", product.slug),
        producer_url=_url(base, "storefront:producer", product.producer.slug) if product.producer else "",
    )


def trade_catalogue(slug: str, *, base: str) -> TradeCatalogue:
    """The showcase ``slug`` with its products for sale now, in its order; ``base`` is the shop's public address."""
    showcase = store.collection_by_slug(slug)
    if showcase is None or not schedule.shown(showcase):
        known = ", ".join(c.slug for c in schedule.showing(store.published_collections())) or "none"
        state = "" if showcase is None else " on show now"
        raise ShowcaseNotFoundError(f"no showcase{state} with slug {slug!r} (showcases on show: {known})")
    products = store.products_by_ids(showcase.product_ids)
    return TradeCatalogue(
        showcase=showcase,
        entries=tuple(entry_for(p, base) for p in products),
        showcase_url=_url(base, "storefront:showcase", showcase.slug),
    )
