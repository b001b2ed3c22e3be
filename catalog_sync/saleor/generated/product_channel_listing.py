from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class ProductChannelListing(BaseModel):
    product_channel_listing_update: Optional[
        "ProductChannelListingProductChannelListingUpdate"
    ] = Field(alias="productChannelListingUpdate")


class ProductChannelListingProductChannelListingUpdate(BaseModel):
    product: Optional["ProductChannelListingProductChannelListingUpdateProduct"]
    errors: list["ProductChannelListingProductChannelListingUpdateErrors"]


class ProductChannelListingProductChannelListingUpdateProduct(BaseModel):
    id: str


class ProductChannelListingProductChannelListingUpdateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


ProductChannelListing.model_rebuild()
ProductChannelListingProductChannelListingUpdate.model_rebuild()
