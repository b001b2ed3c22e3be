from typing import Optional

from .base_model import BaseModel


class ProducerWarehouse(BaseModel):
    warehouses: Optional["ProducerWarehouseWarehouses"]


class ProducerWarehouseWarehouses(BaseModel):
    edges: list["ProducerWarehouseWarehousesEdges"]


class ProducerWarehouseWarehousesEdges(BaseModel):
    node: "ProducerWarehouseWarehousesEdgesNode"


class ProducerWarehouseWarehousesEdgesNode(BaseModel):
    id: str
    slug: str


ProducerWarehouse.model_rebuild()
ProducerWarehouseWarehouses.model_rebuild()
ProducerWarehouseWarehousesEdges.model_rebuild()
