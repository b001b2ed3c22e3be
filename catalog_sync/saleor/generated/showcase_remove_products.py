from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import CollectionErrorCode


class ShowcaseRemoveProducts(BaseModel):
    collection_remove_products: Optional[
        "ShowcaseRemoveProductsCollectionRemoveProducts"
    ] = Field(alias="collectionRemoveProducts")


class ShowcaseRemoveProductsCollectionRemoveProducts(BaseModel):
    collection: Optional["ShowcaseRemoveProductsCollectionRemoveProductsCollection"]
    errors: list["ShowcaseRemoveProductsCollectionRemoveProductsErrors"]


class ShowcaseRemoveProductsCollectionRemoveProductsCollection(BaseModel):
    id: str


class ShowcaseRemoveProductsCollectionRemoveProductsErrors(BaseModel):
    field: Optional[str]
    code: CollectionErrorCode
    message: Optional[str]


ShowcaseRemoveProducts.model_rebuild()
ShowcaseRemoveProductsCollectionRemoveProducts.model_rebuild()
