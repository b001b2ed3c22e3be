from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ShopCheckout, ShopCheckoutError


class ShopLinesDelete(BaseModel):
    checkout_lines_delete: Optional["ShopLinesDeleteCheckoutLinesDelete"] = Field(
        alias="checkoutLinesDelete"
    )


class ShopLinesDeleteCheckoutLinesDelete(BaseModel):
    checkout: Optional["ShopLinesDeleteCheckoutLinesDeleteCheckout"]
    errors: list["ShopLinesDeleteCheckoutLinesDeleteErrors"]


ShopLinesDeleteCheckoutLinesDeleteCheckout = ShopCheckout
ShopLinesDeleteCheckoutLinesDeleteErrors = ShopCheckoutError
ShopLinesDelete.model_rebuild()
ShopLinesDeleteCheckoutLinesDelete.model_rebuild()
