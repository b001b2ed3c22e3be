from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class PortalMediaCreate(BaseModel):
    product_media_create: Optional["PortalMediaCreateProductMediaCreate"] = Field(
        alias="productMediaCreate"
    )


class PortalMediaCreateProductMediaCreate(BaseModel):
    media: Optional["PortalMediaCreateProductMediaCreateMedia"]
    errors: list["PortalMediaCreateProductMediaCreateErrors"]


class PortalMediaCreateProductMediaCreateMedia(BaseModel):
    id: str
    alt: str
    sort_order: Optional[int] = Field(alias="sortOrder")
    url: str


class PortalMediaCreateProductMediaCreateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


PortalMediaCreate.model_rebuild()
PortalMediaCreateProductMediaCreate.model_rebuild()
