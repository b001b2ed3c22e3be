from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class CollectionProductsPage(BaseModel):
    collection: Optional["CollectionProductsPageCollection"]


class CollectionProductsPageCollection(BaseModel):
    products: Optional["CollectionProductsPageCollectionProducts"]


class CollectionProductsPageCollectionProducts(BaseModel):
    edges: list["CollectionProductsPageCollectionProductsEdges"]
    page_info: "CollectionProductsPageCollectionProductsPageInfo" = Field(
        alias="pageInfo"
    )


class CollectionProductsPageCollectionProductsEdges(BaseModel):
    node: "CollectionProductsPageCollectionProductsEdgesNode"


class CollectionProductsPageCollectionProductsEdgesNode(BaseModel):
    id: str


class CollectionProductsPageCollectionProductsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


CollectionProductsPage.model_rebuild()
CollectionProductsPageCollection.model_rebuild()
CollectionProductsPageCollectionProducts.model_rebuild()
CollectionProductsPageCollectionProductsEdges.model_rebuild()
