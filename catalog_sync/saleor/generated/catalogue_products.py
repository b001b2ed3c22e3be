from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CatalogueProductNode


class CatalogueProducts(BaseModel):
    products: Optional["CatalogueProductsProducts"]


class CatalogueProductsProducts(BaseModel):
    edges: list["CatalogueProductsProductsEdges"]
    page_info: "CatalogueProductsProductsPageInfo" = Field(alias="pageInfo")


class CatalogueProductsProductsEdges(BaseModel):
    node: "CatalogueProductsProductsEdgesNode"


CatalogueProductsProductsEdgesNode = CatalogueProductNode


class CatalogueProductsProductsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


CatalogueProducts.model_rebuild()
CatalogueProductsProducts.model_rebuild()
CatalogueProductsProductsEdges.model_rebuild()
