from typing import Optional

from .base_model import BaseModel
from .fragments import CatalogueProduct


class CatalogueProductsByIds(BaseModel):
    products: Optional["CatalogueProductsByIdsProducts"]


class CatalogueProductsByIdsProducts(BaseModel):
    edges: list["CatalogueProductsByIdsProductsEdges"]


class CatalogueProductsByIdsProductsEdges(BaseModel):
    node: "CatalogueProductsByIdsProductsEdgesNode"


CatalogueProductsByIdsProductsEdgesNode = CatalogueProduct
CatalogueProductsByIds.model_rebuild()
CatalogueProductsByIdsProducts.model_rebuild()
CatalogueProductsByIdsProductsEdges.model_rebuild()
