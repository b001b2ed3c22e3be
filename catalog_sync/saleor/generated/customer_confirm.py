from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CustomerAccountError


class CustomerConfirm(BaseModel):
    confirm_account: Optional["CustomerConfirmConfirmAccount"] = Field(
        alias="confirmAccount"
    )


class CustomerConfirmConfirmAccount(BaseModel):
    errors: list["CustomerConfirmConfirmAccountErrors"]


CustomerConfirmConfirmAccountErrors = CustomerAccountError
CustomerConfirm.model_rebuild()
CustomerConfirmConfirmAccount.model_rebuild()
