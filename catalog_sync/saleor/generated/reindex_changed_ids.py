from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class ReindexChangedIds(BaseModel):
    products: Optional["ReindexChangedIdsProducts"]


class ReindexChangedIdsProducts(BaseModel):
    edges: list["ReindexChangedIdsProductsEdges"]
    page_info: "ReindexChangedIdsProductsPageInfo" = Field(alias="pageInfo")


class ReindexChangedIdsProductsEdges(BaseModel):
    node: "ReindexChangedIdsProductsEdgesNode"


class ReindexChangedIdsProductsEdgesNode(BaseModel):
    id: str


class ReindexChangedIdsProductsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


ReindexChangedIds.model_rebuild()
ReindexChangedIdsProducts.model_rebuild()
ReindexChangedIdsProductsEdges.model_rebuild()
