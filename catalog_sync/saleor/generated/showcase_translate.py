from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import TranslationErrorCode


class ShowcaseTranslate(BaseModel):
    collection_translate: Optional["ShowcaseTranslateCollectionTranslate"] = Field(
        alias="collectionTranslate"
    )


class ShowcaseTranslateCollectionTranslate(BaseModel):
    collection: Optional["ShowcaseTranslateCollectionTranslateCollection"]
    errors: list["ShowcaseTranslateCollectionTranslateErrors"]


class ShowcaseTranslateCollectionTranslateCollection(BaseModel):
    id: str


class ShowcaseTranslateCollectionTranslateErrors(BaseModel):
    field: Optional[str]
    code: TranslationErrorCode
    message: Optional[str]


ShowcaseTranslate.model_rebuild()
ShowcaseTranslateCollectionTranslate.model_rebuild()
