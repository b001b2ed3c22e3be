from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ShippingErrorCode


class ShippingMethodCreate(BaseModel):
    shipping_price_create: Optional["ShippingMethodCreateShippingPriceCreate"] = Field(
        alias="shippingPriceCreate"
    )


class ShippingMethodCreateShippingPriceCreate(BaseModel):
    shipping_method: Optional[
        "ShippingMethodCreateShippingPriceCreateShippingMethod"
    ] = Field(alias="shippingMethod")
    errors: list["ShippingMethodCreateShippingPriceCreateErrors"]


class ShippingMethodCreateShippingPriceCreateShippingMethod(BaseModel):
    id: str
    name: str


class ShippingMethodCreateShippingPriceCreateErrors(BaseModel):
    field: Optional[str]
    code: ShippingErrorCode
    message: Optional[str]


ShippingMethodCreate.model_rebuild()
ShippingMethodCreateShippingPriceCreate.model_rebuild()
