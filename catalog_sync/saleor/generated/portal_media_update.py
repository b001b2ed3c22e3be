from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class PortalMediaUpdate(BaseModel):
    product_media_update: Optional["PortalMediaUpdateProductMediaUpdate"] = Field(
        alias="productMediaUpdate"
    )


class PortalMediaUpdateProductMediaUpdate(BaseModel):
    media: Optional["PortalMediaUpdateProductMediaUpdateMedia"]
    errors: list["PortalMediaUpdateProductMediaUpdateErrors"]


class PortalMediaUpdateProductMediaUpdateMedia(BaseModel):
    id: str
    alt: str


class PortalMediaUpdateProductMediaUpdateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


PortalMediaUpdate.model_rebuild()
PortalMediaUpdateProductMediaUpdate.model_rebuild()
