from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ShopCheckout, ShopCheckoutError


class ShopCheckoutCreate(BaseModel):
    checkout_create: Optional["ShopCheckoutCreateCheckoutCreate"] = Field(
        alias="checkoutCreate"
    )


class ShopCheckoutCreateCheckoutCreate(BaseModel):
    checkout: Optional["ShopCheckoutCreateCheckoutCreateCheckout"]
    errors: list["ShopCheckoutCreateCheckoutCreateErrors"]


ShopCheckoutCreateCheckoutCreateCheckout = ShopCheckout
ShopCheckoutCreateCheckoutCreateErrors = ShopCheckoutError
ShopCheckoutCreate.model_rebuild()
ShopCheckoutCreateCheckoutCreate.model_rebuild()
