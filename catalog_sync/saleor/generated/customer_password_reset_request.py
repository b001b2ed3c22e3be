from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CustomerAccountError


class CustomerPasswordResetRequest(BaseModel):
    request_password_reset: Optional[
        "CustomerPasswordResetRequestRequestPasswordReset"
    ] = Field(alias="requestPasswordReset")


class CustomerPasswordResetRequestRequestPasswordReset(BaseModel):
    errors: list["CustomerPasswordResetRequestRequestPasswordResetErrors"]


CustomerPasswordResetRequestRequestPasswordResetErrors = CustomerAccountError
CustomerPasswordResetRequest.model_rebuild()
CustomerPasswordResetRequestRequestPasswordReset.model_rebuild()
