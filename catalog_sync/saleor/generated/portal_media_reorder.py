from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class PortalMediaReorder(BaseModel):
    product_media_reorder: Optional["PortalMediaReorderProductMediaReorder"] = Field(
        alias="productMediaReorder"
    )


class PortalMediaReorderProductMediaReorder(BaseModel):
    media: Optional[list["PortalMediaReorderProductMediaReorderMedia"]]
    errors: list["PortalMediaReorderProductMediaReorderErrors"]


class PortalMediaReorderProductMediaReorderMedia(BaseModel):
    id: str
    sort_order: Optional[int] = Field(alias="sortOrder")


class PortalMediaReorderProductMediaReorderErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


PortalMediaReorder.model_rebuild()
PortalMediaReorderProductMediaReorder.model_rebuild()
