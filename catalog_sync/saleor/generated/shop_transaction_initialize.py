from typing import Any, Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import TransactionInitializeErrorCode
from .fragments import ShopTransactionEvent


class ShopTransactionInitialize(BaseModel):
    transaction_initialize: Optional[
        "ShopTransactionInitializeTransactionInitialize"
    ] = Field(alias="transactionInitialize")


class ShopTransactionInitializeTransactionInitialize(BaseModel):
    transaction: Optional["ShopTransactionInitializeTransactionInitializeTransaction"]
    transaction_event: Optional[
        "ShopTransactionInitializeTransactionInitializeTransactionEvent"
    ] = Field(alias="transactionEvent")
    data: Optional[Any]
    errors: list["ShopTransactionInitializeTransactionInitializeErrors"]


class ShopTransactionInitializeTransactionInitializeTransaction(BaseModel):
    id: str


ShopTransactionInitializeTransactionInitializeTransactionEvent = ShopTransactionEvent


class ShopTransactionInitializeTransactionInitializeErrors(BaseModel):
    field: Optional[str]
    code: TransactionInitializeErrorCode
    message: Optional[str]


ShopTransactionInitialize.model_rebuild()
ShopTransactionInitializeTransactionInitialize.model_rebuild()
