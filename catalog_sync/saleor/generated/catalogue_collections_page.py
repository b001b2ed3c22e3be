from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CatalogueCollection


class CatalogueCollectionsPage(BaseModel):
    collections: Optional["CatalogueCollectionsPageCollections"]


class CatalogueCollectionsPageCollections(BaseModel):
    total_count: Optional[int] = Field(alias="totalCount")
    edges: list["CatalogueCollectionsPageCollectionsEdges"]
    page_info: "CatalogueCollectionsPageCollectionsPageInfo" = Field(alias="pageInfo")


class CatalogueCollectionsPageCollectionsEdges(BaseModel):
    node: "CatalogueCollectionsPageCollectionsEdgesNode"


CatalogueCollectionsPageCollectionsEdgesNode = CatalogueCollection


class CatalogueCollectionsPageCollectionsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


CatalogueCollectionsPage.model_rebuild()
CatalogueCollectionsPageCollections.model_rebuild()
CatalogueCollectionsPageCollectionsEdges.model_rebuild()
