from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ShopCheckout, ShopCheckoutError


class ShopLinesUpdate(BaseModel):
    checkout_lines_update: Optional["ShopLinesUpdateCheckoutLinesUpdate"] = Field(
        alias="checkoutLinesUpdate"
    )


class ShopLinesUpdateCheckoutLinesUpdate(BaseModel):
    checkout: Optional["ShopLinesUpdateCheckoutLinesUpdateCheckout"]
    errors: list["ShopLinesUpdateCheckoutLinesUpdateErrors"]


ShopLinesUpdateCheckoutLinesUpdateCheckout = ShopCheckout
ShopLinesUpdateCheckoutLinesUpdateErrors = ShopCheckoutError
ShopLinesUpdate.model_rebuild()
ShopLinesUpdateCheckoutLinesUpdate.model_rebuild()
