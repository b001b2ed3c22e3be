from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class PortalVariantStock(BaseModel):
    product_variant_stocks_update: Optional[
        "PortalVariantStockProductVariantStocksUpdate"
    ] = Field(alias="productVariantStocksUpdate")


class PortalVariantStockProductVariantStocksUpdate(BaseModel):
    product_variant: Optional[
        "PortalVariantStockProductVariantStocksUpdateProductVariant"
    ] = Field(alias="productVariant")
    errors: list["PortalVariantStockProductVariantStocksUpdateErrors"]


class PortalVariantStockProductVariantStocksUpdateProductVariant(BaseModel):
    id: str
    stocks: Optional[
        list["PortalVariantStockProductVariantStocksUpdateProductVariantStocks"]
    ]


class PortalVariantStockProductVariantStocksUpdateProductVariantStocks(BaseModel):
    warehouse: (
        "PortalVariantStockProductVariantStocksUpdateProductVariantStocksWarehouse"
    )
    quantity: int


class PortalVariantStockProductVariantStocksUpdateProductVariantStocksWarehouse(
    BaseModel
):
    slug: str


class PortalVariantStockProductVariantStocksUpdateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


PortalVariantStock.model_rebuild()
PortalVariantStockProductVariantStocksUpdate.model_rebuild()
PortalVariantStockProductVariantStocksUpdateProductVariant.model_rebuild()
PortalVariantStockProductVariantStocksUpdateProductVariantStocks.model_rebuild()
