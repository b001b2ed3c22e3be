from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import (  # noqa: F401
    CatalogueProductNode,
    CatalogueProductNodeAssignedAttributesAssignedAttribute,
    CatalogueProductNodeAssignedAttributesAssignedDateAttribute,
    CatalogueProductNodeAssignedAttributesAssignedNumericAttribute,
    CatalogueProductNodeAssignedAttributesAssignedPlainTextAttribute,
    CatalogueProductNodeAssignedAttributesAssignedSingleChoiceAttribute,
    CatalogueProductNodeAssignedAttributesAssignedSinglePageReferenceAttribute,
    CatalogueProductNodeCategory,
    CatalogueProductNodeProductVariants,
    ProducerPageNode,
)


class PortalListingTarget(BaseModel):
    page: Optional["PortalListingTargetPage"]
    product: Optional["PortalListingTargetProduct"]


PortalListingTargetPage = ProducerPageNode


class PortalListingTargetProduct(CatalogueProductNode):
    channel_listings: Optional[list["PortalListingTargetProductChannelListings"]] = (
        Field(alias="channelListings")
    )
    variants: Optional[list["PortalListingTargetProductVariants"]]


class PortalListingTargetProductChannelListings(BaseModel):
    channel: "PortalListingTargetProductChannelListingsChannel"
    is_published: bool = Field(alias="isPublished")


class PortalListingTargetProductChannelListingsChannel(BaseModel):
    id: str
    slug: str


class PortalListingTargetProductVariants(BaseModel):
    id: str
    channel_listings: Optional[
        list["PortalListingTargetProductVariantsChannelListings"]
    ] = Field(alias="channelListings")


class PortalListingTargetProductVariantsChannelListings(BaseModel):
    channel: "PortalListingTargetProductVariantsChannelListingsChannel"
    price: Optional["PortalListingTargetProductVariantsChannelListingsPrice"]


class PortalListingTargetProductVariantsChannelListingsChannel(BaseModel):
    slug: str


class PortalListingTargetProductVariantsChannelListingsPrice(BaseModel):
    amount: float


PortalListingTarget.model_rebuild()
PortalListingTargetProduct.model_rebuild()
PortalListingTargetProductChannelListings.model_rebuild()
PortalListingTargetProductVariants.model_rebuild()
PortalListingTargetProductVariantsChannelListings.model_rebuild()
