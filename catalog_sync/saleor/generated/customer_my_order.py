from typing import Optional

from .base_model import BaseModel
from .fragments import CustomerOrder


class CustomerMyOrder(BaseModel):
    me: Optional["CustomerMyOrderMe"]


class CustomerMyOrderMe(BaseModel):
    orders: Optional["CustomerMyOrderMeOrders"]


class CustomerMyOrderMeOrders(BaseModel):
    edges: list["CustomerMyOrderMeOrdersEdges"]


class CustomerMyOrderMeOrdersEdges(BaseModel):
    node: "CustomerMyOrderMeOrdersEdgesNode"


CustomerMyOrderMeOrdersEdgesNode = CustomerOrder
CustomerMyOrder.model_rebuild()
CustomerMyOrderMe.model_rebuild()
CustomerMyOrderMeOrders.model_rebuild()
CustomerMyOrderMeOrdersEdges.model_rebuild()
