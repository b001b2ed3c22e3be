from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import CollectionErrorCode


class ShowcaseAddProducts(BaseModel):
    collection_add_products: Optional["ShowcaseAddProductsCollectionAddProducts"] = (
        Field(alias="collectionAddProducts")
    )


class ShowcaseAddProductsCollectionAddProducts(BaseModel):
    collection: Optional["ShowcaseAddProductsCollectionAddProductsCollection"]
    errors: list["ShowcaseAddProductsCollectionAddProductsErrors"]


class ShowcaseAddProductsCollectionAddProductsCollection(BaseModel):
    id: str


class ShowcaseAddProductsCollectionAddProductsErrors(BaseModel):
    field: Optional[str]
    code: CollectionErrorCode
    message: Optional[str]


ShowcaseAddProducts.model_rebuild()
ShowcaseAddProductsCollectionAddProducts.model_rebuild()
