from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import PageErrorCode


class PageCreate(BaseModel):
    page_create: Optional["PageCreatePageCreate"] = Field(alias="pageCreate")


class PageCreatePageCreate(BaseModel):
    page: Optional["PageCreatePageCreatePage"]
    errors: list["PageCreatePageCreateErrors"]


class PageCreatePageCreatePage(BaseModel):
    id: str
    slug: str


class PageCreatePageCreateErrors(BaseModel):
    field: Optional[str]
    code: PageErrorCode
    message: Optional[str]


PageCreate.model_rebuild()
PageCreatePageCreate.model_rebuild()
