from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import LanguageCodeEnum, OrderChargeStatusEnum


class ProducerOrderPayment(BaseModel):
    order: Optional["ProducerOrderPaymentOrder"]


class ProducerOrderPaymentOrder(BaseModel):
    id: str
    charge_status: OrderChargeStatusEnum = Field(alias="chargeStatus")
    user_email: Optional[str] = Field(alias="userEmail")
    language_code_enum: LanguageCodeEnum = Field(alias="languageCodeEnum")
    total_charged: "ProducerOrderPaymentOrderTotalCharged" = Field(alias="totalCharged")
    transactions: list["ProducerOrderPaymentOrderTransactions"]
    granted_refunds: list["ProducerOrderPaymentOrderGrantedRefunds"] = Field(
        alias="grantedRefunds"
    )


class ProducerOrderPaymentOrderTotalCharged(BaseModel):
    amount: float
    currency: str


class ProducerOrderPaymentOrderTransactions(BaseModel):
    id: str
    charged_amount: "ProducerOrderPaymentOrderTransactionsChargedAmount" = Field(
        alias="chargedAmount"
    )


class ProducerOrderPaymentOrderTransactionsChargedAmount(BaseModel):
    amount: float
    currency: str


class ProducerOrderPaymentOrderGrantedRefunds(BaseModel):
    id: str
    amount: "ProducerOrderPaymentOrderGrantedRefundsAmount"
    reason: Optional[str]
    lines: Optional[list["ProducerOrderPaymentOrderGrantedRefundsLines"]]


class ProducerOrderPaymentOrderGrantedRefundsAmount(BaseModel):
    amount: float
    currency: str


class ProducerOrderPaymentOrderGrantedRefundsLines(BaseModel):
    quantity: int
    order_line: "ProducerOrderPaymentOrderGrantedRefundsLinesOrderLine" = Field(
        alias="orderLine"
    )


class ProducerOrderPaymentOrderGrantedRefundsLinesOrderLine(BaseModel):
    id: str


ProducerOrderPayment.model_rebuild()
ProducerOrderPaymentOrder.model_rebuild()
ProducerOrderPaymentOrderTransactions.model_rebuild()
ProducerOrderPaymentOrderGrantedRefunds.model_rebuild()
ProducerOrderPaymentOrderGrantedRefundsLines.model_rebuild()
