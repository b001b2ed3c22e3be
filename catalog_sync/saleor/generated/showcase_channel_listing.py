from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductErrorCode


class ShowcaseChannelListing(BaseModel):
    collection_channel_listing_update: Optional[
        "ShowcaseChannelListingCollectionChannelListingUpdate"
    ] = Field(alias="collectionChannelListingUpdate")


class ShowcaseChannelListingCollectionChannelListingUpdate(BaseModel):
    collection: Optional[
        "ShowcaseChannelListingCollectionChannelListingUpdateCollection"
    ]
    errors: list["ShowcaseChannelListingCollectionChannelListingUpdateErrors"]


class ShowcaseChannelListingCollectionChannelListingUpdateCollection(BaseModel):
    id: str
    channel_listings: Optional[
        list[
            "ShowcaseChannelListingCollectionChannelListingUpdateCollectionChannelListings"
        ]
    ] = Field(alias="channelListings")


class ShowcaseChannelListingCollectionChannelListingUpdateCollectionChannelListings(
    BaseModel
):
    channel: "ShowcaseChannelListingCollectionChannelListingUpdateCollectionChannelListingsChannel"
    is_published: bool = Field(alias="isPublished")


class ShowcaseChannelListingCollectionChannelListingUpdateCollectionChannelListingsChannel(
    BaseModel
):
    slug: str


class ShowcaseChannelListingCollectionChannelListingUpdateErrors(BaseModel):
    field: Optional[str]
    code: ProductErrorCode
    message: Optional[str]


ShowcaseChannelListing.model_rebuild()
ShowcaseChannelListingCollectionChannelListingUpdate.model_rebuild()
ShowcaseChannelListingCollectionChannelListingUpdateCollection.model_rebuild()
ShowcaseChannelListingCollectionChannelListingUpdateCollectionChannelListings.model_rebuild()
