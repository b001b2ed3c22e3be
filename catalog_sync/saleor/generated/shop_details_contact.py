from typing import Optional

from .base_model import BaseModel
from .fragments import ShopCheckout, ShopCheckoutError


class ShopDetailsContact(BaseModel):
    email: Optional["ShopDetailsContactEmail"]
    billing: Optional["ShopDetailsContactBilling"]


class ShopDetailsContactEmail(BaseModel):
    errors: list["ShopDetailsContactEmailErrors"]


ShopDetailsContactEmailErrors = ShopCheckoutError


class ShopDetailsContactBilling(BaseModel):
    checkout: Optional["ShopDetailsContactBillingCheckout"]
    errors: list["ShopDetailsContactBillingErrors"]


ShopDetailsContactBillingCheckout = ShopCheckout
ShopDetailsContactBillingErrors = ShopCheckoutError
ShopDetailsContact.model_rebuild()
ShopDetailsContactEmail.model_rebuild()
ShopDetailsContactBilling.model_rebuild()
