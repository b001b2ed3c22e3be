"""The demo store's seeding (``ocop demo``, ``import_catalogue(demo=True)``): each product of the catalogue import
gets a variant with made-up price and stock, stable per certificate chain, and is listed for sale in the channel,
with the marks that say so (a note in the description, ``demo`` metadata)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .client import returned
from .entries import ProductEntry
from .generated.input_types import (
    MetadataInput,
    ProductBulkCreateInput,
    ProductChannelListingAddInput,
    ProductChannelListingCreateInput,
    ProductChannelListingUpdateInput,
    ProductInput,
    ProductVariantBulkCreateInput,
    ProductVariantChannelListingAddInput,
    ProductVariantCreateInput,
    StockInput,
)

DEMO_NOTE = ("Giá bán và số lượng tồn kho của sản phẩm này là dữ liệu minh họa (demo), không phải giá thật. "
             "Demo price and stock, not real values.")


@dataclass(frozen=True)
class DemoValues:
    """Made-up price and stock for the demo store, stable per certificate chain."""

    @staticmethod
    def price(entry: ProductEntry) -> Decimal:
        n = int(hashlib.sha1(entry.chain_root.encode(), usedforsecurity=False).hexdigest(), 16)
        return Decimal(40_000 + (n % 47) * 10_000)  # 40 000 – 500 000 VND

    @staticmethod
    def stock(entry: ProductEntry) -> int:
        n = int(hashlib.sha1(entry.chain_root.encode(), usedforsecurity=False).hexdigest(), 16)
        return 20 + (n // 47) % 181  # 20 – 200


DEMO_METADATA = (("demo", "true"),)


def demo_metadata() -> list[MetadataInput]:
    return [MetadataInput(key=key, value=value) for key, value in DEMO_METADATA]


@dataclass(frozen=True)
class DemoSeeding:
    """Where the demo's products are listed and stocked: Saleor's ids of the channel and the warehouse."""

    channel_id: str
    warehouse_id: str

    def new_product(self, product: ProductBulkCreateInput, description: list[str], entry: ProductEntry) -> None:
        """A product the import creates: noted as a demo, listed, with one variant priced and stocked."""
        description.append(DEMO_NOTE)
        product.metadata = demo_metadata()
        product.channel_listings = [ProductChannelListingCreateInput(
            channelId=self.channel_id, isPublished=True, visibleInListings=True, isAvailableForPurchase=True,
        )]
        product.variants = [ProductVariantBulkCreateInput(
            sku=f"OCOP-{entry.chain_root}", name=entry.product_name[:255], attributes=[],
            trackInventory=True, metadata=demo_metadata(),
            stocks=[StockInput(warehouse=self.warehouse_id, quantity=DemoValues.stock(entry))],
            channelListings=[ProductVariantChannelListingAddInput(
                channelId=self.channel_id, price=str(DemoValues.price(entry)))],
        )]

    def listing(self, operations: Any, entry: ProductEntry, product_id: str) -> None:
        """A product created before the demo (no variant yet): give it the demo variant, price, stock and listing."""
        created = operations.variant_create(input=ProductVariantCreateInput(
            product=product_id, sku=f"OCOP-{entry.chain_root}", name=entry.product_name[:255],
            attributes=[], trackInventory=True, metadata=demo_metadata(),
            stocks=[StockInput(warehouse=self.warehouse_id, quantity=DemoValues.stock(entry))],
        )).product_variant_create
        variant = returned(created.product_variant if created else None, "productVariantCreate")
        operations.product_channel_listing(id=product_id, input=ProductChannelListingUpdateInput(
            updateChannels=[ProductChannelListingAddInput(
                channelId=self.channel_id, isPublished=True, visibleInListings=True, isAvailableForPurchase=True,
            )]))
        operations.variant_channel_listing(id=variant.id, input=[ProductVariantChannelListingAddInput(
            channelId=self.channel_id, price=str(DemoValues.price(entry)))])
        operations.product_update(id=product_id, input=ProductInput(metadata=demo_metadata()))
