from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class PortalProductDescription(BaseModel):
    product_update: Optional["PortalProductDescriptionProductUpdate"] = Field(
        alias="productUpdate"
    )


class PortalProductDescriptionProductUpdate(BaseModel):
    product: Optional["PortalProductDescriptionProductUpdateProduct"]
    errors: list["PortalProductDescriptionProductUpdateErrors"]


class PortalProductDescriptionProductUpdateProduct(BaseModel):
    id: str
    description: Optional[str]


class PortalProductDescriptionProductUpdateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


PortalProductDescription.model_rebuild()
PortalProductDescriptionProductUpdate.model_rebuild()
