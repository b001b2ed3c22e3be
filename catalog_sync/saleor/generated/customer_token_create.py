from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CustomerAccountError


class CustomerTokenCreate(BaseModel):
    token_create: Optional["CustomerTokenCreateTokenCreate"] = Field(
        alias="tokenCreate"
    )


class CustomerTokenCreateTokenCreate(BaseModel):
    token: Optional[str]
    refresh_token: Optional[str] = Field(alias="refreshToken")
    errors: list["CustomerTokenCreateTokenCreateErrors"]


CustomerTokenCreateTokenCreateErrors = CustomerAccountError
CustomerTokenCreate.model_rebuild()
CustomerTokenCreateTokenCreate.model_rebuild()
