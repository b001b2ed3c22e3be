from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ShopCheckout, ShopCheckoutError


class ShopLinesAdd(BaseModel):
    checkout_lines_add: Optional["ShopLinesAddCheckoutLinesAdd"] = Field(
        alias="checkoutLinesAdd"
    )


class ShopLinesAddCheckoutLinesAdd(BaseModel):
    checkout: Optional["ShopLinesAddCheckoutLinesAddCheckout"]
    errors: list["ShopLinesAddCheckoutLinesAddErrors"]


ShopLinesAddCheckoutLinesAddCheckout = ShopCheckout
ShopLinesAddCheckoutLinesAddErrors = ShopCheckoutError
ShopLinesAdd.model_rebuild()
ShopLinesAddCheckoutLinesAdd.model_rebuild()
