from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import UploadErrorCode


class PortalStoryFileUpload(BaseModel):
    file_upload: Optional["PortalStoryFileUploadFileUpload"] = Field(alias="fileUpload")


class PortalStoryFileUploadFileUpload(BaseModel):
    uploaded_file: Optional["PortalStoryFileUploadFileUploadUploadedFile"] = Field(
        alias="uploadedFile"
    )
    errors: list["PortalStoryFileUploadFileUploadErrors"]


class PortalStoryFileUploadFileUploadUploadedFile(BaseModel):
    url: str
    content_type: Optional[str] = Field(alias="contentType")


class PortalStoryFileUploadFileUploadErrors(BaseModel):
    field: Optional[str]
    code: UploadErrorCode
    message: Optional[str]


PortalStoryFileUpload.model_rebuild()
PortalStoryFileUploadFileUpload.model_rebuild()
