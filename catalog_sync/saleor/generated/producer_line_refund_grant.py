from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import OrderGrantRefundCreateErrorCode


class ProducerLineRefundGrant(BaseModel):
    order_grant_refund_create: Optional[
        "ProducerLineRefundGrantOrderGrantRefundCreate"
    ] = Field(alias="orderGrantRefundCreate")


class ProducerLineRefundGrantOrderGrantRefundCreate(BaseModel):
    granted_refund: Optional[
        "ProducerLineRefundGrantOrderGrantRefundCreateGrantedRefund"
    ] = Field(alias="grantedRefund")
    errors: list["ProducerLineRefundGrantOrderGrantRefundCreateErrors"]


class ProducerLineRefundGrantOrderGrantRefundCreateGrantedRefund(BaseModel):
    id: str
    amount: "ProducerLineRefundGrantOrderGrantRefundCreateGrantedRefundAmount"
    reason: Optional[str]
    lines: Optional[
        list["ProducerLineRefundGrantOrderGrantRefundCreateGrantedRefundLines"]
    ]


class ProducerLineRefundGrantOrderGrantRefundCreateGrantedRefundAmount(BaseModel):
    amount: float
    currency: str


class ProducerLineRefundGrantOrderGrantRefundCreateGrantedRefundLines(BaseModel):
    quantity: int
    order_line: "ProducerLineRefundGrantOrderGrantRefundCreateGrantedRefundLinesOrderLine" = Field(
        alias="orderLine"
    )


class ProducerLineRefundGrantOrderGrantRefundCreateGrantedRefundLinesOrderLine(
    BaseModel
):
    id: str


class ProducerLineRefundGrantOrderGrantRefundCreateErrors(BaseModel):
    field: Optional[str]
    code: OrderGrantRefundCreateErrorCode
    message: Optional[str]


ProducerLineRefundGrant.model_rebuild()
ProducerLineRefundGrantOrderGrantRefundCreate.model_rebuild()
ProducerLineRefundGrantOrderGrantRefundCreateGrantedRefund.model_rebuild()
ProducerLineRefundGrantOrderGrantRefundCreateGrantedRefundLines.model_rebuild()
