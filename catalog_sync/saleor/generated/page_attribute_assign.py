from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import PageErrorCode


class PageAttributeAssign(BaseModel):
    page_attribute_assign: Optional["PageAttributeAssignPageAttributeAssign"] = Field(
        alias="pageAttributeAssign"
    )


class PageAttributeAssignPageAttributeAssign(BaseModel):
    page_type: Optional["PageAttributeAssignPageAttributeAssignPageType"] = Field(
        alias="pageType"
    )
    errors: list["PageAttributeAssignPageAttributeAssignErrors"]


class PageAttributeAssignPageAttributeAssignPageType(BaseModel):
    id: str


class PageAttributeAssignPageAttributeAssignErrors(BaseModel):
    field: Optional[str]
    code: PageErrorCode
    message: Optional[str]


PageAttributeAssign.model_rebuild()
PageAttributeAssignPageAttributeAssign.model_rebuild()
