from typing import Optional

from .base_model import BaseModel
from .fragments import CatalogueProducer


class ProducerForStorefront(BaseModel):
    page: Optional["ProducerForStorefrontPage"]


ProducerForStorefrontPage = CatalogueProducer
ProducerForStorefront.model_rebuild()
