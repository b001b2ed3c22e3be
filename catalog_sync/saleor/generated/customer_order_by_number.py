from typing import Optional

from .base_model import BaseModel
from .fragments import CustomerOrder


class CustomerOrderByNumber(BaseModel):
    orders: Optional["CustomerOrderByNumberOrders"]


class CustomerOrderByNumberOrders(BaseModel):
    edges: list["CustomerOrderByNumberOrdersEdges"]


class CustomerOrderByNumberOrdersEdges(BaseModel):
    node: "CustomerOrderByNumberOrdersEdgesNode"


CustomerOrderByNumberOrdersEdgesNode = CustomerOrder
CustomerOrderByNumber.model_rebuild()
CustomerOrderByNumberOrders.model_rebuild()
CustomerOrderByNumberOrdersEdges.model_rebuild()
