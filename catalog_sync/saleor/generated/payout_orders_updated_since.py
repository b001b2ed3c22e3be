from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PayoutOrderNode


class PayoutOrdersUpdatedSince(BaseModel):
    orders: Optional["PayoutOrdersUpdatedSinceOrders"]


class PayoutOrdersUpdatedSinceOrders(BaseModel):
    edges: list["PayoutOrdersUpdatedSinceOrdersEdges"]
    page_info: "PayoutOrdersUpdatedSinceOrdersPageInfo" = Field(alias="pageInfo")


class PayoutOrdersUpdatedSinceOrdersEdges(BaseModel):
    node: "PayoutOrdersUpdatedSinceOrdersEdgesNode"


PayoutOrdersUpdatedSinceOrdersEdgesNode = PayoutOrderNode


class PayoutOrdersUpdatedSinceOrdersPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


PayoutOrdersUpdatedSince.model_rebuild()
PayoutOrdersUpdatedSinceOrders.model_rebuild()
PayoutOrdersUpdatedSinceOrdersEdges.model_rebuild()
