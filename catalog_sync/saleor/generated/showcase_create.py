from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import CollectionErrorCode


class ShowcaseCreate(BaseModel):
    collection_create: Optional["ShowcaseCreateCollectionCreate"] = Field(
        alias="collectionCreate"
    )


class ShowcaseCreateCollectionCreate(BaseModel):
    collection: Optional["ShowcaseCreateCollectionCreateCollection"]
    errors: list["ShowcaseCreateCollectionCreateErrors"]


class ShowcaseCreateCollectionCreateCollection(BaseModel):
    id: str
    slug: str


class ShowcaseCreateCollectionCreateErrors(BaseModel):
    field: Optional[str]
    code: CollectionErrorCode
    message: Optional[str]


ShowcaseCreate.model_rebuild()
ShowcaseCreateCollectionCreate.model_rebuild()
