from typing import Optional

from .base_model import BaseModel
from .fragments import ShopCheckout


class ShopCheckoutRead(BaseModel):
    checkout: Optional["ShopCheckoutReadCheckout"]


ShopCheckoutReadCheckout = ShopCheckout
ShopCheckoutRead.model_rebuild()
