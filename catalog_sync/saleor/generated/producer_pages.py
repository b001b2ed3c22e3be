from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProducerPageNode


class ProducerPages(BaseModel):
    pages: Optional["ProducerPagesPages"]


class ProducerPagesPages(BaseModel):
    edges: list["ProducerPagesPagesEdges"]
    page_info: "ProducerPagesPagesPageInfo" = Field(alias="pageInfo")


class ProducerPagesPagesEdges(BaseModel):
    node: "ProducerPagesPagesEdgesNode"


ProducerPagesPagesEdgesNode = ProducerPageNode


class ProducerPagesPagesPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


ProducerPages.model_rebuild()
ProducerPagesPages.model_rebuild()
ProducerPagesPagesEdges.model_rebuild()
