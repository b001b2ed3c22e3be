from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class PortalVariantPrice(BaseModel):
    product_variant_channel_listing_update: Optional[
        "PortalVariantPriceProductVariantChannelListingUpdate"
    ] = Field(alias="productVariantChannelListingUpdate")


class PortalVariantPriceProductVariantChannelListingUpdate(BaseModel):
    variant: Optional["PortalVariantPriceProductVariantChannelListingUpdateVariant"]
    errors: list["PortalVariantPriceProductVariantChannelListingUpdateErrors"]


class PortalVariantPriceProductVariantChannelListingUpdateVariant(BaseModel):
    id: str
    channel_listings: Optional[
        list[
            "PortalVariantPriceProductVariantChannelListingUpdateVariantChannelListings"
        ]
    ] = Field(alias="channelListings")


class PortalVariantPriceProductVariantChannelListingUpdateVariantChannelListings(
    BaseModel
):
    channel: "PortalVariantPriceProductVariantChannelListingUpdateVariantChannelListingsChannel"
    price: Optional[
        "PortalVariantPriceProductVariantChannelListingUpdateVariantChannelListingsPrice"
    ]


class PortalVariantPriceProductVariantChannelListingUpdateVariantChannelListingsChannel(
    BaseModel
):
    slug: str


class PortalVariantPriceProductVariantChannelListingUpdateVariantChannelListingsPrice(
    BaseModel
):
    amount: float
    currency: str


class PortalVariantPriceProductVariantChannelListingUpdateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


PortalVariantPrice.model_rebuild()
PortalVariantPriceProductVariantChannelListingUpdate.model_rebuild()
PortalVariantPriceProductVariantChannelListingUpdateVariant.model_rebuild()
PortalVariantPriceProductVariantChannelListingUpdateVariantChannelListings.model_rebuild()
