from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ShippingErrorCode


class ShippingMethodListing(BaseModel):
    shipping_method_channel_listing_update: Optional[
        "ShippingMethodListingShippingMethodChannelListingUpdate"
    ] = Field(alias="shippingMethodChannelListingUpdate")


class ShippingMethodListingShippingMethodChannelListingUpdate(BaseModel):
    shipping_method: Optional[
        "ShippingMethodListingShippingMethodChannelListingUpdateShippingMethod"
    ] = Field(alias="shippingMethod")
    errors: list["ShippingMethodListingShippingMethodChannelListingUpdateErrors"]


class ShippingMethodListingShippingMethodChannelListingUpdateShippingMethod(BaseModel):
    id: str


class ShippingMethodListingShippingMethodChannelListingUpdateErrors(BaseModel):
    field: Optional[str]
    code: ShippingErrorCode
    message: Optional[str]


ShippingMethodListing.model_rebuild()
ShippingMethodListingShippingMethodChannelListingUpdate.model_rebuild()
