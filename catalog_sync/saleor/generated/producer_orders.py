from typing import Optional

from .base_model import BaseModel
from .fragments import ProducerOrderNode


class ProducerOrders(BaseModel):
    orders: Optional["ProducerOrdersOrders"]


class ProducerOrdersOrders(BaseModel):
    edges: list["ProducerOrdersOrdersEdges"]


class ProducerOrdersOrdersEdges(BaseModel):
    node: "ProducerOrdersOrdersEdgesNode"


ProducerOrdersOrdersEdgesNode = ProducerOrderNode
ProducerOrders.model_rebuild()
ProducerOrdersOrders.model_rebuild()
ProducerOrdersOrdersEdges.model_rebuild()
