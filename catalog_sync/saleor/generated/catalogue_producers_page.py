from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CatalogueProducer


class CatalogueProducersPage(BaseModel):
    pages: Optional["CatalogueProducersPagePages"]


class CatalogueProducersPagePages(BaseModel):
    total_count: Optional[int] = Field(alias="totalCount")
    edges: list["CatalogueProducersPagePagesEdges"]
    page_info: "CatalogueProducersPagePagesPageInfo" = Field(alias="pageInfo")


class CatalogueProducersPagePagesEdges(BaseModel):
    node: "CatalogueProducersPagePagesEdgesNode"


CatalogueProducersPagePagesEdgesNode = CatalogueProducer


class CatalogueProducersPagePagesPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


CatalogueProducersPage.model_rebuild()
CatalogueProducersPagePages.model_rebuild()
CatalogueProducersPagePagesEdges.model_rebuild()
