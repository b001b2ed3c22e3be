from typing import Optional

from .base_model import BaseModel
from .fragments import ShopCheckout, ShopCheckoutError


class ShopDetailsDelivered(BaseModel):
    email: Optional["ShopDetailsDeliveredEmail"]
    shipping: Optional["ShopDetailsDeliveredShipping"]
    billing: Optional["ShopDetailsDeliveredBilling"]
    delivery: Optional["ShopDetailsDeliveredDelivery"]


class ShopDetailsDeliveredEmail(BaseModel):
    errors: list["ShopDetailsDeliveredEmailErrors"]


ShopDetailsDeliveredEmailErrors = ShopCheckoutError


class ShopDetailsDeliveredShipping(BaseModel):
    errors: list["ShopDetailsDeliveredShippingErrors"]


ShopDetailsDeliveredShippingErrors = ShopCheckoutError


class ShopDetailsDeliveredBilling(BaseModel):
    errors: list["ShopDetailsDeliveredBillingErrors"]


ShopDetailsDeliveredBillingErrors = ShopCheckoutError


class ShopDetailsDeliveredDelivery(BaseModel):
    checkout: Optional["ShopDetailsDeliveredDeliveryCheckout"]
    errors: list["ShopDetailsDeliveredDeliveryErrors"]


ShopDetailsDeliveredDeliveryCheckout = ShopCheckout
ShopDetailsDeliveredDeliveryErrors = ShopCheckoutError
ShopDetailsDelivered.model_rebuild()
ShopDetailsDeliveredEmail.model_rebuild()
ShopDetailsDeliveredShipping.model_rebuild()
ShopDetailsDeliveredBilling.model_rebuild()
ShopDetailsDeliveredDelivery.model_rebuild()
