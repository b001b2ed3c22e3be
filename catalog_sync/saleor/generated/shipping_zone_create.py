from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ShippingErrorCode


class ShippingZoneCreate(BaseModel):
    shipping_zone_create: Optional["ShippingZoneCreateShippingZoneCreate"] = Field(
        alias="shippingZoneCreate"
    )


class ShippingZoneCreateShippingZoneCreate(BaseModel):
    shipping_zone: Optional["ShippingZoneCreateShippingZoneCreateShippingZone"] = Field(
        alias="shippingZone"
    )
    errors: list["ShippingZoneCreateShippingZoneCreateErrors"]


class ShippingZoneCreateShippingZoneCreateShippingZone(BaseModel):
    id: str
    name: str


class ShippingZoneCreateShippingZoneCreateErrors(BaseModel):
    field: Optional[str]
    code: ShippingErrorCode
    message: Optional[str]


ShippingZoneCreate.model_rebuild()
ShippingZoneCreateShippingZoneCreate.model_rebuild()
