from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import CollectionErrorCode


class ShowcaseUpdate(BaseModel):
    collection_update: Optional["ShowcaseUpdateCollectionUpdate"] = Field(
        alias="collectionUpdate"
    )


class ShowcaseUpdateCollectionUpdate(BaseModel):
    collection: Optional["ShowcaseUpdateCollectionUpdateCollection"]
    errors: list["ShowcaseUpdateCollectionUpdateErrors"]


class ShowcaseUpdateCollectionUpdateCollection(BaseModel):
    id: str
    slug: str


class ShowcaseUpdateCollectionUpdateErrors(BaseModel):
    field: Optional[str]
    code: CollectionErrorCode
    message: Optional[str]


ShowcaseUpdate.model_rebuild()
ShowcaseUpdateCollectionUpdate.model_rebuild()
