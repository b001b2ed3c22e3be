from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ShopCheckout, ShopCheckoutError


class ShopDeliveryMethodUpdate(BaseModel):
    checkout_delivery_method_update: Optional[
        "ShopDeliveryMethodUpdateCheckoutDeliveryMethodUpdate"
    ] = Field(alias="checkoutDeliveryMethodUpdate")


class ShopDeliveryMethodUpdateCheckoutDeliveryMethodUpdate(BaseModel):
    checkout: Optional["ShopDeliveryMethodUpdateCheckoutDeliveryMethodUpdateCheckout"]
    errors: list["ShopDeliveryMethodUpdateCheckoutDeliveryMethodUpdateErrors"]


ShopDeliveryMethodUpdateCheckoutDeliveryMethodUpdateCheckout = ShopCheckout
ShopDeliveryMethodUpdateCheckoutDeliveryMethodUpdateErrors = ShopCheckoutError
ShopDeliveryMethodUpdate.model_rebuild()
ShopDeliveryMethodUpdateCheckoutDeliveryMethodUpdate.model_rebuild()
