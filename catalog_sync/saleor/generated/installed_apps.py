from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import JobStatusEnum


class InstalledApps(BaseModel):
    apps: Optional["InstalledAppsApps"]
    apps_installations: list["InstalledAppsAppsInstallations"] = Field(
        alias="appsInstallations"
    )


class InstalledAppsApps(BaseModel):
    edges: list["InstalledAppsAppsEdges"]


class InstalledAppsAppsEdges(BaseModel):
    node: "InstalledAppsAppsEdgesNode"


class InstalledAppsAppsEdgesNode(BaseModel):
    id: str
    identifier: Optional[str]
    is_active: Optional[bool] = Field(alias="isActive")


class InstalledAppsAppsInstallations(BaseModel):
    id: str
    status: JobStatusEnum
    message: Optional[str]
    manifest_url: str = Field(alias="manifestUrl")


InstalledApps.model_rebuild()
InstalledAppsApps.model_rebuild()
InstalledAppsAppsEdges.model_rebuild()
