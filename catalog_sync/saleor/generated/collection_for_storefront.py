from typing import Optional

from .base_model import BaseModel
from .fragments import CatalogueCollection


class CollectionForStorefront(BaseModel):
    collection: Optional["CollectionForStorefrontCollection"]


CollectionForStorefrontCollection = CatalogueCollection
CollectionForStorefront.model_rebuild()
