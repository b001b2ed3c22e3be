from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AppErrorCode


class OcopAppDelete(BaseModel):
    app_delete: Optional["OcopAppDeleteAppDelete"] = Field(alias="appDelete")


class OcopAppDeleteAppDelete(BaseModel):
    errors: list["OcopAppDeleteAppDeleteErrors"]


class OcopAppDeleteAppDeleteErrors(BaseModel):
    field: Optional[str]
    code: AppErrorCode
    message: Optional[str]


OcopAppDelete.model_rebuild()
OcopAppDeleteAppDelete.model_rebuild()
