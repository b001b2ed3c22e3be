from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ChannelErrorCode


class ChannelUpdate(BaseModel):
    channel_update: Optional["ChannelUpdateChannelUpdate"] = Field(
        alias="channelUpdate"
    )


class ChannelUpdateChannelUpdate(BaseModel):
    channel: Optional["ChannelUpdateChannelUpdateChannel"]
    errors: list["ChannelUpdateChannelUpdateErrors"]


class ChannelUpdateChannelUpdateChannel(BaseModel):
    id: str
    slug: str


class ChannelUpdateChannelUpdateErrors(BaseModel):
    field: Optional[str]
    code: ChannelErrorCode
    message: Optional[str]


ChannelUpdate.model_rebuild()
ChannelUpdateChannelUpdate.model_rebuild()
