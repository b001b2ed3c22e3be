from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import WarehouseErrorCode


class WarehouseCreate(BaseModel):
    create_warehouse: Optional["WarehouseCreateCreateWarehouse"] = Field(
        alias="createWarehouse"
    )


class WarehouseCreateCreateWarehouse(BaseModel):
    warehouse: Optional["WarehouseCreateCreateWarehouseWarehouse"]
    errors: list["WarehouseCreateCreateWarehouseErrors"]


class WarehouseCreateCreateWarehouseWarehouse(BaseModel):
    id: str
    slug: str


class WarehouseCreateCreateWarehouseErrors(BaseModel):
    field: Optional[str]
    code: WarehouseErrorCode
    message: Optional[str]


WarehouseCreate.model_rebuild()
WarehouseCreateCreateWarehouse.model_rebuild()
