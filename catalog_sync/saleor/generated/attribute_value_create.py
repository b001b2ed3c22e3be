from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AttributeErrorCode


class AttributeValueCreate(BaseModel):
    attribute_value_create: Optional["AttributeValueCreateAttributeValueCreate"] = (
        Field(alias="attributeValueCreate")
    )


class AttributeValueCreateAttributeValueCreate(BaseModel):
    attribute_value: Optional[
        "AttributeValueCreateAttributeValueCreateAttributeValue"
    ] = Field(alias="attributeValue")
    errors: list["AttributeValueCreateAttributeValueCreateErrors"]


class AttributeValueCreateAttributeValueCreateAttributeValue(BaseModel):
    id: str
    name: Optional[str]
    slug: Optional[str]
    external_reference: Optional[str] = Field(alias="externalReference")


class AttributeValueCreateAttributeValueCreateErrors(BaseModel):
    field: Optional[str]
    code: AttributeErrorCode
    message: Optional[str]


AttributeValueCreate.model_rebuild()
AttributeValueCreateAttributeValueCreate.model_rebuild()
