from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ShopCheckoutError


class ShopEmailUpdate(BaseModel):
    checkout_email_update: Optional["ShopEmailUpdateCheckoutEmailUpdate"] = Field(
        alias="checkoutEmailUpdate"
    )


class ShopEmailUpdateCheckoutEmailUpdate(BaseModel):
    errors: list["ShopEmailUpdateCheckoutEmailUpdateErrors"]


ShopEmailUpdateCheckoutEmailUpdateErrors = ShopCheckoutError
ShopEmailUpdate.model_rebuild()
ShopEmailUpdateCheckoutEmailUpdate.model_rebuild()
