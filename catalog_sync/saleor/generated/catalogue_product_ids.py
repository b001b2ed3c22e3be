from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class CatalogueProductIds(BaseModel):
    products: Optional["CatalogueProductIdsProducts"]


class CatalogueProductIdsProducts(BaseModel):
    total_count: Optional[int] = Field(alias="totalCount", default=None)
    edges: list["CatalogueProductIdsProductsEdges"]
    page_info: "CatalogueProductIdsProductsPageInfo" = Field(alias="pageInfo")


class CatalogueProductIdsProductsEdges(BaseModel):
    node: "CatalogueProductIdsProductsEdgesNode"


class CatalogueProductIdsProductsEdgesNode(BaseModel):
    id: str


class CatalogueProductIdsProductsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


CatalogueProductIds.model_rebuild()
CatalogueProductIdsProducts.model_rebuild()
CatalogueProductIdsProductsEdges.model_rebuild()
