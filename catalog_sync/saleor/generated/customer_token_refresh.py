from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CustomerAccountError


class CustomerTokenRefresh(BaseModel):
    token_refresh: Optional["CustomerTokenRefreshTokenRefresh"] = Field(
        alias="tokenRefresh"
    )


class CustomerTokenRefreshTokenRefresh(BaseModel):
    token: Optional[str]
    errors: list["CustomerTokenRefreshTokenRefreshErrors"]


CustomerTokenRefreshTokenRefreshErrors = CustomerAccountError
CustomerTokenRefresh.model_rebuild()
CustomerTokenRefreshTokenRefresh.model_rebuild()
