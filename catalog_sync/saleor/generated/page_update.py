from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import PageErrorCode


class PageUpdate(BaseModel):
    page_update: Optional["PageUpdatePageUpdate"] = Field(alias="pageUpdate")


class PageUpdatePageUpdate(BaseModel):
    page: Optional["PageUpdatePageUpdatePage"]
    errors: list["PageUpdatePageUpdateErrors"]


class PageUpdatePageUpdatePage(BaseModel):
    id: str
    slug: str


class PageUpdatePageUpdateErrors(BaseModel):
    field: Optional[str]
    code: PageErrorCode
    message: Optional[str]


PageUpdate.model_rebuild()
PageUpdatePageUpdate.model_rebuild()
