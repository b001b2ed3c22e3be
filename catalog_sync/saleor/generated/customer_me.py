from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CustomerAddress, CustomerOrder


class CustomerMe(BaseModel):
    me: Optional["CustomerMeMe"]


class CustomerMeMe(BaseModel):
    email: str
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    addresses: list["CustomerMeMeAddresses"]
    default_shipping_address: Optional["CustomerMeMeDefaultShippingAddress"] = Field(
        alias="defaultShippingAddress"
    )
    orders: Optional["CustomerMeMeOrders"]


CustomerMeMeAddresses = CustomerAddress


class CustomerMeMeDefaultShippingAddress(BaseModel):
    id: str


class CustomerMeMeOrders(BaseModel):
    total_count: Optional[int] = Field(alias="totalCount")
    edges: list["CustomerMeMeOrdersEdges"]


class CustomerMeMeOrdersEdges(BaseModel):
    node: "CustomerMeMeOrdersEdgesNode"


CustomerMeMeOrdersEdgesNode = CustomerOrder
CustomerMe.model_rebuild()
CustomerMeMe.model_rebuild()
CustomerMeMeOrders.model_rebuild()
CustomerMeMeOrdersEdges.model_rebuild()
