from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ShopCheckoutError, ShopOrder


class ShopCheckoutComplete(BaseModel):
    checkout_complete: Optional["ShopCheckoutCompleteCheckoutComplete"] = Field(
        alias="checkoutComplete"
    )


class ShopCheckoutCompleteCheckoutComplete(BaseModel):
    order: Optional["ShopCheckoutCompleteCheckoutCompleteOrder"]
    errors: list["ShopCheckoutCompleteCheckoutCompleteErrors"]


ShopCheckoutCompleteCheckoutCompleteOrder = ShopOrder
ShopCheckoutCompleteCheckoutCompleteErrors = ShopCheckoutError
ShopCheckoutComplete.model_rebuild()
ShopCheckoutCompleteCheckoutComplete.model_rebuild()
