from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import PageErrorCode
from .fragments import PortalStoryPageState


class PortalStoryUpdate(BaseModel):
    page_update: Optional["PortalStoryUpdatePageUpdate"] = Field(alias="pageUpdate")


class PortalStoryUpdatePageUpdate(BaseModel):
    page: Optional["PortalStoryUpdatePageUpdatePage"]
    errors: list["PortalStoryUpdatePageUpdateErrors"]


PortalStoryUpdatePageUpdatePage = PortalStoryPageState


class PortalStoryUpdatePageUpdateErrors(BaseModel):
    field: Optional[str]
    code: PageErrorCode
    message: Optional[str]


PortalStoryUpdate.model_rebuild()
PortalStoryUpdatePageUpdate.model_rebuild()
