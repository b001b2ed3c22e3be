from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class OcopWithdrawalLogs(BaseModel):
    products: Optional["OcopWithdrawalLogsProducts"]


class OcopWithdrawalLogsProducts(BaseModel):
    page_info: "OcopWithdrawalLogsProductsPageInfo" = Field(alias="pageInfo")
    edges: list["OcopWithdrawalLogsProductsEdges"]


class OcopWithdrawalLogsProductsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


class OcopWithdrawalLogsProductsEdges(BaseModel):
    node: "OcopWithdrawalLogsProductsEdgesNode"


class OcopWithdrawalLogsProductsEdgesNode(BaseModel):
    id: str
    ocop_withdrawals: Optional[str] = Field(alias="ocopWithdrawals")


OcopWithdrawalLogs.model_rebuild()
OcopWithdrawalLogsProducts.model_rebuild()
OcopWithdrawalLogsProductsEdges.model_rebuild()
