from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProducerOrderNode


class ProducerOrdersCreatedSince(BaseModel):
    orders: Optional["ProducerOrdersCreatedSinceOrders"]


class ProducerOrdersCreatedSinceOrders(BaseModel):
    edges: list["ProducerOrdersCreatedSinceOrdersEdges"]
    page_info: "ProducerOrdersCreatedSinceOrdersPageInfo" = Field(alias="pageInfo")


class ProducerOrdersCreatedSinceOrdersEdges(BaseModel):
    node: "ProducerOrdersCreatedSinceOrdersEdgesNode"


ProducerOrdersCreatedSinceOrdersEdgesNode = ProducerOrderNode


class ProducerOrdersCreatedSinceOrdersPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


ProducerOrdersCreatedSince.model_rebuild()
ProducerOrdersCreatedSinceOrders.model_rebuild()
ProducerOrdersCreatedSinceOrdersEdges.model_rebuild()
