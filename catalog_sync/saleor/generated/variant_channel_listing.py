from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class VariantChannelListing(BaseModel):
    product_variant_channel_listing_update: Optional[
        "VariantChannelListingProductVariantChannelListingUpdate"
    ] = Field(alias="productVariantChannelListingUpdate")


class VariantChannelListingProductVariantChannelListingUpdate(BaseModel):
    variant: Optional["VariantChannelListingProductVariantChannelListingUpdateVariant"]
    errors: list["VariantChannelListingProductVariantChannelListingUpdateErrors"]


class VariantChannelListingProductVariantChannelListingUpdateVariant(BaseModel):
    id: str


class VariantChannelListingProductVariantChannelListingUpdateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


VariantChannelListing.model_rebuild()
VariantChannelListingProductVariantChannelListingUpdate.model_rebuild()
