from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CustomerAccountError


class CustomerSetPassword(BaseModel):
    set_password: Optional["CustomerSetPasswordSetPassword"] = Field(
        alias="setPassword"
    )


class CustomerSetPasswordSetPassword(BaseModel):
    errors: list["CustomerSetPasswordSetPasswordErrors"]


CustomerSetPasswordSetPasswordErrors = CustomerAccountError
CustomerSetPassword.model_rebuild()
CustomerSetPasswordSetPassword.model_rebuild()
