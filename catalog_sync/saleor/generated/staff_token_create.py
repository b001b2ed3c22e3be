from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountErrorCode


class StaffTokenCreate(BaseModel):
    token_create: Optional["StaffTokenCreateTokenCreate"] = Field(alias="tokenCreate")


class StaffTokenCreateTokenCreate(BaseModel):
    token: Optional[str]
    errors: list["StaffTokenCreateTokenCreateErrors"]


class StaffTokenCreateTokenCreateErrors(BaseModel):
    field: Optional[str]
    code: AccountErrorCode
    message: Optional[str]


StaffTokenCreate.model_rebuild()
StaffTokenCreateTokenCreate.model_rebuild()
