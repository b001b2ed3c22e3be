from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import PageErrorCode


class PageTypeCreate(BaseModel):
    page_type_create: Optional["PageTypeCreatePageTypeCreate"] = Field(
        alias="pageTypeCreate"
    )


class PageTypeCreatePageTypeCreate(BaseModel):
    page_type: Optional["PageTypeCreatePageTypeCreatePageType"] = Field(
        alias="pageType"
    )
    errors: list["PageTypeCreatePageTypeCreateErrors"]


class PageTypeCreatePageTypeCreatePageType(BaseModel):
    id: str
    slug: str


class PageTypeCreatePageTypeCreateErrors(BaseModel):
    field: Optional[str]
    code: PageErrorCode
    message: Optional[str]


PageTypeCreate.model_rebuild()
PageTypeCreatePageTypeCreate.model_rebuild()
