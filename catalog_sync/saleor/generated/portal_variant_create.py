from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class PortalVariantCreate(BaseModel):
    product_variant_create: Optional["PortalVariantCreateProductVariantCreate"] = Field(
        alias="productVariantCreate"
    )


class PortalVariantCreateProductVariantCreate(BaseModel):
    product_variant: Optional[
        "PortalVariantCreateProductVariantCreateProductVariant"
    ] = Field(alias="productVariant")
    errors: list["PortalVariantCreateProductVariantCreateErrors"]


class PortalVariantCreateProductVariantCreateProductVariant(BaseModel):
    id: str
    name: str
    sku: Optional[str]


class PortalVariantCreateProductVariantCreateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


PortalVariantCreate.model_rebuild()
PortalVariantCreateProductVariantCreate.model_rebuild()
