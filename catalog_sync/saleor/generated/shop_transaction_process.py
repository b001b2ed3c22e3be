from typing import Any, Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import TransactionProcessErrorCode
from .fragments import CartMoney, ShopTransactionEvent


class ShopTransactionProcess(BaseModel):
    transaction_process: Optional["ShopTransactionProcessTransactionProcess"] = Field(
        alias="transactionProcess"
    )


class ShopTransactionProcessTransactionProcess(BaseModel):
    transaction: Optional["ShopTransactionProcessTransactionProcessTransaction"]
    transaction_event: Optional[
        "ShopTransactionProcessTransactionProcessTransactionEvent"
    ] = Field(alias="transactionEvent")
    data: Optional[Any]
    errors: list["ShopTransactionProcessTransactionProcessErrors"]


class ShopTransactionProcessTransactionProcessTransaction(BaseModel):
    id: str
    charged_amount: "ShopTransactionProcessTransactionProcessTransactionChargedAmount" = Field(
        alias="chargedAmount"
    )
    authorized_amount: "ShopTransactionProcessTransactionProcessTransactionAuthorizedAmount" = Field(
        alias="authorizedAmount"
    )


ShopTransactionProcessTransactionProcessTransactionChargedAmount = CartMoney
ShopTransactionProcessTransactionProcessTransactionAuthorizedAmount = CartMoney
ShopTransactionProcessTransactionProcessTransactionEvent = ShopTransactionEvent


class ShopTransactionProcessTransactionProcessErrors(BaseModel):
    field: Optional[str]
    code: TransactionProcessErrorCode
    message: Optional[str]


ShopTransactionProcess.model_rebuild()
ShopTransactionProcessTransactionProcess.model_rebuild()
ShopTransactionProcessTransactionProcessTransaction.model_rebuild()
