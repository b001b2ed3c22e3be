"""Read one changed object from Saleor as an anonymous customer of ocop-vn sees it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from catalog_sync.catalogue.from_saleor import collection_record, images_for, producer_record, product_record
from catalog_sync.catalogue.public_images import PublicImages
from catalog_sync.catalogue.records import CollectionRecord, ProducerRecord, ProductRecord
from catalog_sync.saleor import SaleorClient, spec


@dataclass
class StorefrontReader:
    """The app's ``CatalogueReader``: no token, so Saleor answers exactly what a customer may see."""

    client: SaleorClient
    channel: str = spec.CHANNEL_SLUG
    # where the shop may load images from: Saleor's thumbnail addresses elsewhere are resolved (public_images.py)
    media_origins: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        self.operations: Any = self.client.storefront()
        self.images: PublicImages | None = images_for(self.client, self.media_origins)

    def product(self, product_id: str) -> ProductRecord | None:
        node = self.operations.product_for_storefront(channel=self.channel, id=product_id).product
        record = product_record(node) if node else None
        return self.images.product(record) if record and self.images else record

    def variant_product_id(self, variant_id: str) -> str | None:
        variant = self.operations.variant_for_storefront(channel=self.channel, id=variant_id).product_variant
        return variant.product.id if variant else None

    def collection(self, collection_id: str) -> CollectionRecord | None:
        node = self.operations.collection_for_storefront(channel=self.channel, id=collection_id).collection
        record = collection_record(node, seen_at=timezone.now()) if node else None
        return self.images.collection(record) if record and self.images else record

    def producer(self, page_id: str) -> ProducerRecord | None:
        node = self.operations.producer_for_storefront(id=page_id).page
        return producer_record(node, seen_at=timezone.now()) if node else None


def installed_reader() -> StorefrontReader:
    from django.conf import settings

    from .clients import storefront_client

    return StorefrontReader(storefront_client(), media_origins=tuple(settings.MEDIA_ORIGINS))
