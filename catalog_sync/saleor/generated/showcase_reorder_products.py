from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import CollectionErrorCode


class ShowcaseReorderProducts(BaseModel):
    collection_reorder_products: Optional[
        "ShowcaseReorderProductsCollectionReorderProducts"
    ] = Field(alias="collectionReorderProducts")


class ShowcaseReorderProductsCollectionReorderProducts(BaseModel):
    collection: Optional["ShowcaseReorderProductsCollectionReorderProductsCollection"]
    errors: list["ShowcaseReorderProductsCollectionReorderProductsErrors"]


class ShowcaseReorderProductsCollectionReorderProductsCollection(BaseModel):
    id: str


class ShowcaseReorderProductsCollectionReorderProductsErrors(BaseModel):
    field: Optional[str]
    code: CollectionErrorCode
    message: Optional[str]


ShowcaseReorderProducts.model_rebuild()
ShowcaseReorderProductsCollectionReorderProducts.model_rebuild()
