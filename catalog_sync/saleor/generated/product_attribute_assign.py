from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class ProductAttributeAssign(BaseModel):
    product_attribute_assign: Optional[
        "ProductAttributeAssignProductAttributeAssign"
    ] = Field(alias="productAttributeAssign")


class ProductAttributeAssignProductAttributeAssign(BaseModel):
    product_type: Optional[
        "ProductAttributeAssignProductAttributeAssignProductType"
    ] = Field(alias="productType")
    errors: list["ProductAttributeAssignProductAttributeAssignErrors"]


class ProductAttributeAssignProductAttributeAssignProductType(BaseModel):
    id: str


class ProductAttributeAssignProductAttributeAssignErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


ProductAttributeAssign.model_rebuild()
ProductAttributeAssignProductAttributeAssign.model_rebuild()
