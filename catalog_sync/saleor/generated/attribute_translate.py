from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import TranslationErrorCode


class AttributeTranslate(BaseModel):
    attribute_translate: Optional["AttributeTranslateAttributeTranslate"] = Field(
        alias="attributeTranslate"
    )


class AttributeTranslateAttributeTranslate(BaseModel):
    attribute: Optional["AttributeTranslateAttributeTranslateAttribute"]
    errors: list["AttributeTranslateAttributeTranslateErrors"]


class AttributeTranslateAttributeTranslateAttribute(BaseModel):
    id: str


class AttributeTranslateAttributeTranslateErrors(BaseModel):
    field: Optional[str]
    code: TranslationErrorCode
    message: Optional[str]


AttributeTranslate.model_rebuild()
AttributeTranslateAttributeTranslate.model_rebuild()
