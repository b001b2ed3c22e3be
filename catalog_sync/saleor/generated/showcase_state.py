from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class ShowcaseState(BaseModel):
    collection: Optional["ShowcaseStateCollection"]
    channel: Optional["ShowcaseStateChannel"]


class ShowcaseStateCollection(BaseModel):
    id: str
    slug: str
    channel_listings: Optional[list["ShowcaseStateCollectionChannelListings"]] = Field(
        alias="channelListings"
    )
    products: Optional["ShowcaseStateCollectionProducts"]


class ShowcaseStateCollectionChannelListings(BaseModel):
    channel: "ShowcaseStateCollectionChannelListingsChannel"
    is_published: bool = Field(alias="isPublished")


class ShowcaseStateCollectionChannelListingsChannel(BaseModel):
    id: str
    slug: str


class ShowcaseStateCollectionProducts(BaseModel):
    edges: list["ShowcaseStateCollectionProductsEdges"]
    page_info: "ShowcaseStateCollectionProductsPageInfo" = Field(alias="pageInfo")


class ShowcaseStateCollectionProductsEdges(BaseModel):
    node: "ShowcaseStateCollectionProductsEdgesNode"


class ShowcaseStateCollectionProductsEdgesNode(BaseModel):
    id: str


class ShowcaseStateCollectionProductsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


class ShowcaseStateChannel(BaseModel):
    id: str


ShowcaseState.model_rebuild()
ShowcaseStateCollection.model_rebuild()
ShowcaseStateCollectionChannelListings.model_rebuild()
ShowcaseStateCollectionProducts.model_rebuild()
ShowcaseStateCollectionProductsEdges.model_rebuild()
