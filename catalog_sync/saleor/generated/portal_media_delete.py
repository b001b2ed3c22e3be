from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class PortalMediaDelete(BaseModel):
    product_media_delete: Optional["PortalMediaDeleteProductMediaDelete"] = Field(
        alias="productMediaDelete"
    )


class PortalMediaDeleteProductMediaDelete(BaseModel):
    media: Optional["PortalMediaDeleteProductMediaDeleteMedia"]
    errors: list["PortalMediaDeleteProductMediaDeleteErrors"]


class PortalMediaDeleteProductMediaDeleteMedia(BaseModel):
    id: str


class PortalMediaDeleteProductMediaDeleteErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


PortalMediaDelete.model_rebuild()
PortalMediaDeleteProductMediaDelete.model_rebuild()
