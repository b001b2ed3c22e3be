from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import TranslationErrorCode


class CategoryTranslate(BaseModel):
    category_translate: Optional["CategoryTranslateCategoryTranslate"] = Field(
        alias="categoryTranslate"
    )


class CategoryTranslateCategoryTranslate(BaseModel):
    category: Optional["CategoryTranslateCategoryTranslateCategory"]
    errors: list["CategoryTranslateCategoryTranslateErrors"]


class CategoryTranslateCategoryTranslateCategory(BaseModel):
    id: str


class CategoryTranslateCategoryTranslateErrors(BaseModel):
    field: Optional[str]
    code: TranslationErrorCode
    message: Optional[str]


CategoryTranslate.model_rebuild()
CategoryTranslateCategoryTranslate.model_rebuild()
