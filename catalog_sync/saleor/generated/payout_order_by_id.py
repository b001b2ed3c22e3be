from typing import Optional

from .base_model import BaseModel
from .fragments import PayoutOrderNode


class PayoutOrderById(BaseModel):
    order: Optional["PayoutOrderByIdOrder"]


PayoutOrderByIdOrder = PayoutOrderNode
PayoutOrderById.model_rebuild()
