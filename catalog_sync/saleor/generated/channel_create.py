from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ChannelErrorCode


class ChannelCreate(BaseModel):
    channel_create: Optional["ChannelCreateChannelCreate"] = Field(
        alias="channelCreate"
    )


class ChannelCreateChannelCreate(BaseModel):
    channel: Optional["ChannelCreateChannelCreateChannel"]
    errors: list["ChannelCreateChannelCreateErrors"]


class ChannelCreateChannelCreateChannel(BaseModel):
    id: str
    slug: str


class ChannelCreateChannelCreateErrors(BaseModel):
    field: Optional[str]
    code: ChannelErrorCode
    message: Optional[str]


ChannelCreate.model_rebuild()
ChannelCreateChannelCreate.model_rebuild()
