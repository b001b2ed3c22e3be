"""A producer lists a certified product of theirs from the portal: the catalogue import's product, for sale.

The product (and the producer's page) is created or brought up to date exactly as ``ocop saleor
import-catalogue`` does for that one certificate (``catalogue.import_certificate``: certificate link,
stars, last valid day, group, province, producer reference); then it gets a variant, a published listing
in ``ocop-vn``, and the producer's price and stock, written as the portal's price and stock form writes
them (``listing_edits.set_price`` / ``set_stock``). Whether the person may list the certificate, and
whether it is valid today, is decided by the caller: this module only talks to Saleor.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import spec
from .catalogue import import_certificate
from .client import SaleorClient, SaleorResponseError, returned
from .entries import ListedCertificate, catalogue_entries
from .generated.input_types import (
    ProductChannelListingAddInput,
    ProductChannelListingUpdateInput,
    ProductVariantCreateInput,
)
from .generated.portal_listing_target import PortalListingTargetProduct
from .listing_edits import VariantState, set_price, set_stock, variant_state


class AlreadyListed(Exception):
    """The certificate's product is already in the store (listed in the channel with a price)."""

    def __init__(self, product_id: str, product_name: str):
        super().__init__(product_name)
        self.product_id, self.product_name = product_id, product_name


@dataclass(frozen=True)
class Listing:
    """What Saleor holds after the listing."""

    product_id: str
    product_name: str
    variant: VariantState  # before the price and stock were written
    price: Decimal
    stock: int


def _for_sale(product: PortalListingTargetProduct | None) -> bool:
    """Listed in the channel and some variant priced there: the store sells it (or staff took it off sale)."""
    if product is None:
        return False
    listed = any(item.channel.slug == spec.CHANNEL_SLUG for item in product.channel_listings or [])
    priced = any(item.channel.slug == spec.CHANNEL_SLUG and item.price is not None
                 for variant in product.variants or [] for item in variant.channel_listings or [])
    return listed and priced


def list_certificate(client: SaleorClient, listed: tuple[str, ListedCertificate], *, price: Decimal,
                     stock: int) -> Listing:
    """Put the product of ``listed`` (chain root, newest certificate valid today) on sale. Raises
    ``AlreadyListed`` (nothing written) when Saleor already sells it; a product an earlier attempt left
    half-listed (no price yet) is completed."""
    producers, products = catalogue_entries([listed])
    (producer,), (entry,) = producers, products
    operations = client.operations()
    target = operations.portal_listing_target(page_slug=producer.slug, external_reference=entry.external_reference)
    if _for_sale(target.product):
        assert target.product is not None
        raise AlreadyListed(target.product.id, target.product.name)
    product_id = import_certificate(client, listed, page=target.page, product=target.product)
    variant_ids = [variant.id for variant in (target.product.variants or [])] if target.product else []
    if not variant_ids:
        created = operations.variant_create(input=ProductVariantCreateInput(
            product=product_id, sku=f"OCOP-{entry.chain_root}", name=entry.product_name[:255], attributes=[],
            trackInventory=True)).product_variant_create
        variant_ids = [returned(created.product_variant if created else None, "productVariantCreate").id]
    state = _state(client, variant_ids[0])
    if state.channel_id is None:
        raise SaleorResponseError(f"PortalListingTarget: Saleor has no channel {spec.CHANNEL_SLUG}")
    listing = operations.product_channel_listing(id=product_id, input=ProductChannelListingUpdateInput(
        updateChannels=[ProductChannelListingAddInput(
            channelId=state.channel_id, isPublished=True, visibleInListings=True, isAvailableForPurchase=True)],
    )).product_channel_listing_update
    returned(listing.product if listing else None, "productChannelListingUpdate")
    held_price = set_price(client, state, price)
    held_stock = set_stock(client, state, stock)
    return Listing(product_id=product_id, product_name=state.product_name, variant=state, price=held_price,
                   stock=held_stock)


def _state(client: SaleorClient, variant_id: str) -> VariantState:
    state = variant_state(client, variant_id)
    if state is None:
        raise SaleorResponseError(f"PortalVariant: Saleor has no variant {variant_id}")
    return state
