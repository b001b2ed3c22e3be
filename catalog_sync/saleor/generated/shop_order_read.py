from typing import Optional

from .base_model import BaseModel
from .fragments import ShopOrder


class ShopOrderRead(BaseModel):
    order: Optional["ShopOrderReadOrder"]


ShopOrderReadOrder = ShopOrder
ShopOrderRead.model_rebuild()
