from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ShopCheckout, ShopCheckoutError


class ShopShippingAddressUpdate(BaseModel):
    checkout_shipping_address_update: Optional[
        "ShopShippingAddressUpdateCheckoutShippingAddressUpdate"
    ] = Field(alias="checkoutShippingAddressUpdate")


class ShopShippingAddressUpdateCheckoutShippingAddressUpdate(BaseModel):
    checkout: Optional["ShopShippingAddressUpdateCheckoutShippingAddressUpdateCheckout"]
    errors: list["ShopShippingAddressUpdateCheckoutShippingAddressUpdateErrors"]


ShopShippingAddressUpdateCheckoutShippingAddressUpdateCheckout = ShopCheckout
ShopShippingAddressUpdateCheckoutShippingAddressUpdateErrors = ShopCheckoutError
ShopShippingAddressUpdate.model_rebuild()
ShopShippingAddressUpdateCheckoutShippingAddressUpdate.model_rebuild()
