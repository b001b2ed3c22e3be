from typing import Optional

from .base_model import BaseModel
from .fragments import ShopCheckout, ShopCheckoutError


class ShopDetailsAddressed(BaseModel):
    email: Optional["ShopDetailsAddressedEmail"]
    billing: Optional["ShopDetailsAddressedBilling"]
    shipping: Optional["ShopDetailsAddressedShipping"]


class ShopDetailsAddressedEmail(BaseModel):
    errors: list["ShopDetailsAddressedEmailErrors"]


ShopDetailsAddressedEmailErrors = ShopCheckoutError


class ShopDetailsAddressedBilling(BaseModel):
    errors: list["ShopDetailsAddressedBillingErrors"]


ShopDetailsAddressedBillingErrors = ShopCheckoutError


class ShopDetailsAddressedShipping(BaseModel):
    checkout: Optional["ShopDetailsAddressedShippingCheckout"]
    errors: list["ShopDetailsAddressedShippingErrors"]


ShopDetailsAddressedShippingCheckout = ShopCheckout
ShopDetailsAddressedShippingErrors = ShopCheckoutError
ShopDetailsAddressed.model_rebuild()
ShopDetailsAddressedEmail.model_rebuild()
ShopDetailsAddressedBilling.model_rebuild()
ShopDetailsAddressedShipping.model_rebuild()
