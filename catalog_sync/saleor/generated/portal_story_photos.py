from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import MetadataErrorCode, PageErrorCode
from .fragments import PortalStoryPageState


class PortalStoryPhotos(BaseModel):
    update_metadata: Optional["PortalStoryPhotosUpdateMetadata"] = Field(
        alias="updateMetadata"
    )
    page_update: Optional["PortalStoryPhotosPageUpdate"] = Field(alias="pageUpdate")


class PortalStoryPhotosUpdateMetadata(BaseModel):
    errors: list["PortalStoryPhotosUpdateMetadataErrors"]


class PortalStoryPhotosUpdateMetadataErrors(BaseModel):
    field: Optional[str]
    code: MetadataErrorCode
    message: Optional[str]


class PortalStoryPhotosPageUpdate(BaseModel):
    page: Optional["PortalStoryPhotosPageUpdatePage"]
    errors: list["PortalStoryPhotosPageUpdateErrors"]


PortalStoryPhotosPageUpdatePage = PortalStoryPageState


class PortalStoryPhotosPageUpdateErrors(BaseModel):
    field: Optional[str]
    code: PageErrorCode
    message: Optional[str]


PortalStoryPhotos.model_rebuild()
PortalStoryPhotosUpdateMetadata.model_rebuild()
PortalStoryPhotosPageUpdate.model_rebuild()
