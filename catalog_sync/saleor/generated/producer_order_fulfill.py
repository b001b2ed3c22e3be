from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import FulfillmentStatus, OrderErrorCode


class ProducerOrderFulfill(BaseModel):
    order_fulfill: Optional["ProducerOrderFulfillOrderFulfill"] = Field(
        alias="orderFulfill"
    )


class ProducerOrderFulfillOrderFulfill(BaseModel):
    fulfillments: Optional[list["ProducerOrderFulfillOrderFulfillFulfillments"]]
    errors: list["ProducerOrderFulfillOrderFulfillErrors"]


class ProducerOrderFulfillOrderFulfillFulfillments(BaseModel):
    id: str
    status: FulfillmentStatus
    tracking_number: str = Field(alias="trackingNumber")
    lines: Optional[list["ProducerOrderFulfillOrderFulfillFulfillmentsLines"]]


class ProducerOrderFulfillOrderFulfillFulfillmentsLines(BaseModel):
    quantity: int
    order_line: Optional[
        "ProducerOrderFulfillOrderFulfillFulfillmentsLinesOrderLine"
    ] = Field(alias="orderLine")


class ProducerOrderFulfillOrderFulfillFulfillmentsLinesOrderLine(BaseModel):
    id: str


class ProducerOrderFulfillOrderFulfillErrors(BaseModel):
    field: Optional[str]
    code: OrderErrorCode
    message: Optional[str]
    order_lines: Optional[list[str]] = Field(alias="orderLines")
    warehouse: Optional[str]


ProducerOrderFulfill.model_rebuild()
ProducerOrderFulfillOrderFulfill.model_rebuild()
ProducerOrderFulfillOrderFulfillFulfillments.model_rebuild()
ProducerOrderFulfillOrderFulfillFulfillmentsLines.model_rebuild()
