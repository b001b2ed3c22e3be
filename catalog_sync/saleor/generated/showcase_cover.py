from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import CollectionErrorCode


class ShowcaseCover(BaseModel):
    collection_update: Optional["ShowcaseCoverCollectionUpdate"] = Field(
        alias="collectionUpdate"
    )


class ShowcaseCoverCollectionUpdate(BaseModel):
    collection: Optional["ShowcaseCoverCollectionUpdateCollection"]
    errors: list["ShowcaseCoverCollectionUpdateErrors"]


class ShowcaseCoverCollectionUpdateCollection(BaseModel):
    id: str
    background_image: Optional[
        "ShowcaseCoverCollectionUpdateCollectionBackgroundImage"
    ] = Field(alias="backgroundImage")


class ShowcaseCoverCollectionUpdateCollectionBackgroundImage(BaseModel):
    url: str
    alt: Optional[str]


class ShowcaseCoverCollectionUpdateErrors(BaseModel):
    field: Optional[str]
    code: CollectionErrorCode
    message: Optional[str]


ShowcaseCover.model_rebuild()
ShowcaseCoverCollectionUpdate.model_rebuild()
ShowcaseCoverCollectionUpdateCollection.model_rebuild()
