from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ShippingErrorCode


class ShippingZoneUpdate(BaseModel):
    shipping_zone_update: Optional["ShippingZoneUpdateShippingZoneUpdate"] = Field(
        alias="shippingZoneUpdate"
    )


class ShippingZoneUpdateShippingZoneUpdate(BaseModel):
    shipping_zone: Optional["ShippingZoneUpdateShippingZoneUpdateShippingZone"] = Field(
        alias="shippingZone"
    )
    errors: list["ShippingZoneUpdateShippingZoneUpdateErrors"]


class ShippingZoneUpdateShippingZoneUpdateShippingZone(BaseModel):
    id: str
    name: str


class ShippingZoneUpdateShippingZoneUpdateErrors(BaseModel):
    field: Optional[str]
    code: ShippingErrorCode
    message: Optional[str]


ShippingZoneUpdate.model_rebuild()
ShippingZoneUpdateShippingZoneUpdate.model_rebuild()
