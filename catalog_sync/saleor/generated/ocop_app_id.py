from typing import Optional

from .base_model import BaseModel


class OcopAppId(BaseModel):
    app: Optional["OcopAppIdApp"]


class OcopAppIdApp(BaseModel):
    id: str
    identifier: Optional[str]


OcopAppId.model_rebuild()
