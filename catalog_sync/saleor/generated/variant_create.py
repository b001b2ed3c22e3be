from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class VariantCreate(BaseModel):
    product_variant_create: Optional["VariantCreateProductVariantCreate"] = Field(
        alias="productVariantCreate"
    )


class VariantCreateProductVariantCreate(BaseModel):
    product_variant: Optional["VariantCreateProductVariantCreateProductVariant"] = (
        Field(alias="productVariant")
    )
    errors: list["VariantCreateProductVariantCreateErrors"]


class VariantCreateProductVariantCreateProductVariant(BaseModel):
    id: str
    sku: Optional[str]


class VariantCreateProductVariantCreateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


VariantCreate.model_rebuild()
VariantCreateProductVariantCreate.model_rebuild()
