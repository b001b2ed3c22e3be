from .base_model import BaseModel


class SaleorHealth(BaseModel):
    shop: "SaleorHealthShop"


class SaleorHealthShop(BaseModel):
    name: str


SaleorHealth.model_rebuild()
