from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AppErrorCode, JobStatusEnum


class OcopAppInstall(BaseModel):
    app_install: Optional["OcopAppInstallAppInstall"] = Field(alias="appInstall")


class OcopAppInstallAppInstall(BaseModel):
    app_installation: Optional["OcopAppInstallAppInstallAppInstallation"] = Field(
        alias="appInstallation"
    )
    errors: list["OcopAppInstallAppInstallErrors"]


class OcopAppInstallAppInstallAppInstallation(BaseModel):
    id: str
    status: JobStatusEnum
    message: Optional[str]


class OcopAppInstallAppInstallErrors(BaseModel):
    field: Optional[str]
    code: AppErrorCode
    message: Optional[str]


OcopAppInstall.model_rebuild()
OcopAppInstallAppInstall.model_rebuild()
