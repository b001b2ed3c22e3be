from typing import Optional

from .base_model import BaseModel
from .fragments import PortalStoryPageState


class PortalStoryPage(BaseModel):
    page: Optional["PortalStoryPagePage"]


PortalStoryPagePage = PortalStoryPageState
PortalStoryPage.model_rebuild()
