from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ShopCheckoutError


class ShopBillingAddressUpdate(BaseModel):
    checkout_billing_address_update: Optional[
        "ShopBillingAddressUpdateCheckoutBillingAddressUpdate"
    ] = Field(alias="checkoutBillingAddressUpdate")


class ShopBillingAddressUpdateCheckoutBillingAddressUpdate(BaseModel):
    errors: list["ShopBillingAddressUpdateCheckoutBillingAddressUpdateErrors"]


ShopBillingAddressUpdateCheckoutBillingAddressUpdateErrors = ShopCheckoutError
ShopBillingAddressUpdate.model_rebuild()
ShopBillingAddressUpdateCheckoutBillingAddressUpdate.model_rebuild()
