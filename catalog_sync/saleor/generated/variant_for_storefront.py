from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class VariantForStorefront(BaseModel):
    product_variant: Optional["VariantForStorefrontProductVariant"] = Field(
        alias="productVariant"
    )


class VariantForStorefrontProductVariant(BaseModel):
    product: "VariantForStorefrontProductVariantProduct"


class VariantForStorefrontProductVariantProduct(BaseModel):
    id: str


VariantForStorefront.model_rebuild()
VariantForStorefrontProductVariant.model_rebuild()
