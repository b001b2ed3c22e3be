from typing import Optional

from .base_model import BaseModel
from .fragments import ProducerOrderNode


class ProducerOrderByNumber(BaseModel):
    orders: Optional["ProducerOrderByNumberOrders"]


class ProducerOrderByNumberOrders(BaseModel):
    edges: list["ProducerOrderByNumberOrdersEdges"]


class ProducerOrderByNumberOrdersEdges(BaseModel):
    node: "ProducerOrderByNumberOrdersEdgesNode"


ProducerOrderByNumberOrdersEdgesNode = ProducerOrderNode
ProducerOrderByNumber.model_rebuild()
ProducerOrderByNumberOrders.model_rebuild()
ProducerOrderByNumberOrdersEdges.model_rebuild()
