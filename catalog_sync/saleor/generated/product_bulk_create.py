from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductBulkCreateErrorCode


class ProductBulkCreate(BaseModel):
    product_bulk_create: Optional["ProductBulkCreateProductBulkCreate"] = Field(
        alias="productBulkCreate"
    )


class ProductBulkCreateProductBulkCreate(BaseModel):
    count: int
    results: list["ProductBulkCreateProductBulkCreateResults"]
    errors: list["ProductBulkCreateProductBulkCreateErrors"]


class ProductBulkCreateProductBulkCreateResults(BaseModel):
    product: Optional["ProductBulkCreateProductBulkCreateResultsProduct"]
    errors: Optional[list["ProductBulkCreateProductBulkCreateResultsErrors"]]


class ProductBulkCreateProductBulkCreateResultsProduct(BaseModel):
    id: str
    slug: str
    external_reference: Optional[str] = Field(alias="externalReference")
    product_type: "ProductBulkCreateProductBulkCreateResultsProductProductType" = Field(
        alias="productType"
    )


class ProductBulkCreateProductBulkCreateResultsProductProductType(BaseModel):
    slug: str


class ProductBulkCreateProductBulkCreateResultsErrors(BaseModel):
    path: Optional[str]
    code: ProductBulkCreateErrorCode
    message: Optional[str]


class ProductBulkCreateProductBulkCreateErrors(BaseModel):
    path: Optional[str]
    code: ProductBulkCreateErrorCode
    message: Optional[str]


ProductBulkCreate.model_rebuild()
ProductBulkCreateProductBulkCreate.model_rebuild()
ProductBulkCreateProductBulkCreateResults.model_rebuild()
ProductBulkCreateProductBulkCreateResultsProduct.model_rebuild()
