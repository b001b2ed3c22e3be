from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class ProductTypeCreate(BaseModel):
    product_type_create: Optional["ProductTypeCreateProductTypeCreate"] = Field(
        alias="productTypeCreate"
    )


class ProductTypeCreateProductTypeCreate(BaseModel):
    product_type: Optional["ProductTypeCreateProductTypeCreateProductType"] = Field(
        alias="productType"
    )
    errors: list["ProductTypeCreateProductTypeCreateErrors"]


class ProductTypeCreateProductTypeCreateProductType(BaseModel):
    id: str
    slug: str


class ProductTypeCreateProductTypeCreateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


ProductTypeCreate.model_rebuild()
ProductTypeCreateProductTypeCreate.model_rebuild()
