from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import TranslationErrorCode


class AttributeValueTranslate(BaseModel):
    attribute_value_translate: Optional[
        "AttributeValueTranslateAttributeValueTranslate"
    ] = Field(alias="attributeValueTranslate")


class AttributeValueTranslateAttributeValueTranslate(BaseModel):
    attribute_value: Optional[
        "AttributeValueTranslateAttributeValueTranslateAttributeValue"
    ] = Field(alias="attributeValue")
    errors: list["AttributeValueTranslateAttributeValueTranslateErrors"]


class AttributeValueTranslateAttributeValueTranslateAttributeValue(BaseModel):
    id: str


class AttributeValueTranslateAttributeValueTranslateErrors(BaseModel):
    field: Optional[str]
    code: TranslationErrorCode
    message: Optional[str]


AttributeValueTranslate.model_rebuild()
AttributeValueTranslateAttributeValueTranslate.model_rebuild()
