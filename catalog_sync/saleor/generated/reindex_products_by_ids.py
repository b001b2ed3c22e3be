from typing import Optional

from .base_model import BaseModel
from .fragments import ReindexProduct


class ReindexProductsByIds(BaseModel):
    products: Optional["ReindexProductsByIdsProducts"]


class ReindexProductsByIdsProducts(BaseModel):
    edges: list["ReindexProductsByIdsProductsEdges"]


class ReindexProductsByIdsProductsEdges(BaseModel):
    node: "ReindexProductsByIdsProductsEdgesNode"


ReindexProductsByIdsProductsEdgesNode = ReindexProduct
ReindexProductsByIds.model_rebuild()
ReindexProductsByIdsProducts.model_rebuild()
ReindexProductsByIdsProductsEdges.model_rebuild()
