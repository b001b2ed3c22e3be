from typing import Optional

from .base_model import BaseModel
from .fragments import ProducerOrderNode


class ProducerOrderById(BaseModel):
    order: Optional["ProducerOrderByIdOrder"]


ProducerOrderByIdOrder = ProducerOrderNode
ProducerOrderById.model_rebuild()
