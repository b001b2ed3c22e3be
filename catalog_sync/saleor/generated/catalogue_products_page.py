from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CatalogueProduct


class CatalogueProductsPage(BaseModel):
    products: Optional["CatalogueProductsPageProducts"]


class CatalogueProductsPageProducts(BaseModel):
    total_count: Optional[int] = Field(alias="totalCount")
    edges: list["CatalogueProductsPageProductsEdges"]
    page_info: "CatalogueProductsPageProductsPageInfo" = Field(alias="pageInfo")


class CatalogueProductsPageProductsEdges(BaseModel):
    node: "CatalogueProductsPageProductsEdgesNode"


CatalogueProductsPageProductsEdgesNode = CatalogueProduct


class CatalogueProductsPageProductsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


CatalogueProductsPage.model_rebuild()
CatalogueProductsPageProducts.model_rebuild()
CatalogueProductsPageProductsEdges.model_rebuild()
