from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class ProductUpdate(BaseModel):
    product_update: Optional["ProductUpdateProductUpdate"] = Field(
        alias="productUpdate"
    )


class ProductUpdateProductUpdate(BaseModel):
    product: Optional["ProductUpdateProductUpdateProduct"]
    errors: list["ProductUpdateProductUpdateErrors"]


class ProductUpdateProductUpdateProduct(BaseModel):
    id: str
    external_reference: Optional[str] = Field(alias="externalReference")


class ProductUpdateProductUpdateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


ProductUpdate.model_rebuild()
ProductUpdateProductUpdate.model_rebuild()
