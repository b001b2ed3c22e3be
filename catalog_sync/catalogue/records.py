"""The records that cross the read model's boundary (plain Python, no Django).

Producers of records: ``from_saleor``, which maps Saleor's GraphQL replies and webhook payloads into
them (the Saleor client never imports the read model). Consumers: the read model's store and search
backends (``catalog_sync.catalogue``) and the storefront's pages. Ids are Saleor's global ids.
Texts are as Saleor holds them (Vietnamese), with the English translation where there is one.
Rich text (``description``, ``content``) is Saleor's EditorJS JSON as a string, never HTML:
the pages render and sanitise it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal


@dataclass(frozen=True)
class Image:
    url: str
    alt: str = ""
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class VariantRecord:
    id: str
    name: str
    sku: str | None
    price: Decimal  # gross, in the channel's currency; VND has no minor unit
    currency: str
    quantity_available: int  # what an anonymous customer may buy now in ocop-vn (0 = out of stock)
    name_en: str | None = None


@dataclass(frozen=True)
class ProducerRef:
    id: str  # the Page's global id
    slug: str
    title: str


@dataclass(frozen=True)
class ProductRecord:
    """One product an anonymous customer can buy in ocop-vn now (published, priced, listed)."""

    id: str
    slug: str
    name: str
    group: str  # group slug (catalog_sync.domain.groups)
    product_set: str | None  # set slug, when the category is a set
    certificate_id: str
    stars: int
    valid_until: datetime.date  # the certificate's last valid day
    province: str | None  # current province slug
    province_at_certification: str | None  # as named at certification (slug or text)
    producer: ProducerRef | None
    variants: tuple[VariantRecord, ...]
    created: datetime.datetime
    updated_at: datetime.datetime  # Saleor's updated_at: an older event never overwrites newer state
    name_en: str | None = None
    description: str | None = None  # EditorJS JSON
    description_en: str | None = None
    seo_description: str | None = None
    thumbnail: Image | None = None
    images: tuple[Image, ...] = ()
    product_type: str = "ocop-product"  # or "ocop-service"

    @property
    def price_min(self) -> Decimal | None:
        return min((v.price for v in self.variants), default=None)

    @property
    def price_max(self) -> Decimal | None:
        return max((v.price for v in self.variants), default=None)

    @property
    def in_stock(self) -> bool:
        return any(v.quantity_available > 0 for v in self.variants)


@dataclass(frozen=True)
class ProducerRecord:
    """A producer's profile: a Saleor Page of page type ``producer``."""

    id: str
    slug: str
    title: str
    updated_at: datetime.datetime
    content: str | None = None  # EditorJS JSON: the story
    content_en: str | None = None
    title_en: str | None = None
    province: str | None = None  # current province slug
    seo_description: str | None = None
    is_published: bool = True
    # what the producer tells in the portal: where to find them, how to reach them, their photos in order
    location: str | None = None
    location_en: str | None = None
    phone: str | None = None
    email: str | None = None
    photos: tuple[Image, ...] = ()


@dataclass(frozen=True)
class CollectionRecord:
    """A showcase: a Saleor Collection published in ocop-vn."""

    id: str
    slug: str
    name: str
    product_ids: tuple[str, ...]  # in the collection's order
    updated_at: datetime.datetime
    name_en: str | None = None
    description: str | None = None  # EditorJS JSON
    description_en: str | None = None
    background: Image | None = None


Sort = Literal["relevance", "newest", "price", "-price", "stars"]


@dataclass(frozen=True)
class SearchQuery:
    """A catalogue or search page's whole state; every filter combines with the others."""

    text: str = ""
    groups: tuple[str, ...] = ()
    sets: tuple[str, ...] = ()
    stars: tuple[int, ...] = ()
    provinces: tuple[str, ...] = ()  # current province slugs (pages resolve former names first)
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    in_stock: bool = False
    producer_id: str | None = None
    collection_id: str | None = None
    sort: Sort = "relevance"
    page: int = 1
    per_page: int = 24
    language: Literal["vi", "en"] = "vi"


@dataclass(frozen=True)
class FacetValue:
    value: str  # slug, star count as text, price band key, or "1" for in stock
    count: int


@dataclass(frozen=True)
class SearchResult:
    total: int
    products: tuple[ProductRecord, ...]  # this page, in display order
    # keys: "stars", "group", "set", "province", "price_band", "in_stock"
    facets: dict[str, tuple[FacetValue, ...]] = field(default_factory=dict)
    page: int = 1
    per_page: int = 24


@dataclass(frozen=True)
class Suggestion:
    text: str
    url_slug: str  # the product's slug
    kind: Literal["product"] = "product"
