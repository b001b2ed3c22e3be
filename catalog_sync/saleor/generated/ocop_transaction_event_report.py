from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import TransactionEventReportErrorCode, TransactionEventTypeEnum


class OcopTransactionEventReport(BaseModel):
    transaction_event_report: Optional[
        "OcopTransactionEventReportTransactionEventReport"
    ] = Field(alias="transactionEventReport")


class OcopTransactionEventReportTransactionEventReport(BaseModel):
    already_processed: Optional[bool] = Field(alias="alreadyProcessed")
    transaction: Optional["OcopTransactionEventReportTransactionEventReportTransaction"]
    transaction_event: Optional[
        "OcopTransactionEventReportTransactionEventReportTransactionEvent"
    ] = Field(alias="transactionEvent")
    errors: list["OcopTransactionEventReportTransactionEventReportErrors"]


class OcopTransactionEventReportTransactionEventReportTransaction(BaseModel):
    id: str
    charged_amount: "OcopTransactionEventReportTransactionEventReportTransactionChargedAmount" = Field(
        alias="chargedAmount"
    )
    authorized_amount: "OcopTransactionEventReportTransactionEventReportTransactionAuthorizedAmount" = Field(
        alias="authorizedAmount"
    )


class OcopTransactionEventReportTransactionEventReportTransactionChargedAmount(
    BaseModel
):
    amount: float
    currency: str


class OcopTransactionEventReportTransactionEventReportTransactionAuthorizedAmount(
    BaseModel
):
    amount: float
    currency: str


class OcopTransactionEventReportTransactionEventReportTransactionEvent(BaseModel):
    id: str
    type_: Optional[TransactionEventTypeEnum] = Field(alias="type")
    psp_reference: str = Field(alias="pspReference")
    amount: "OcopTransactionEventReportTransactionEventReportTransactionEventAmount"


class OcopTransactionEventReportTransactionEventReportTransactionEventAmount(BaseModel):
    amount: float
    currency: str


class OcopTransactionEventReportTransactionEventReportErrors(BaseModel):
    field: Optional[str]
    code: TransactionEventReportErrorCode
    message: Optional[str]


OcopTransactionEventReport.model_rebuild()
OcopTransactionEventReportTransactionEventReport.model_rebuild()
OcopTransactionEventReportTransactionEventReportTransaction.model_rebuild()
OcopTransactionEventReportTransactionEventReportTransactionEvent.model_rebuild()
