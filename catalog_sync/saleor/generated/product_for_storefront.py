from typing import Optional

from .base_model import BaseModel
from .fragments import CatalogueProduct


class ProductForStorefront(BaseModel):
    product: Optional["ProductForStorefrontProduct"]


ProductForStorefrontProduct = CatalogueProduct
ProductForStorefront.model_rebuild()
