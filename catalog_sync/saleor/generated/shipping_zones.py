from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class ShippingZones(BaseModel):
    shipping_zones: Optional["ShippingZonesShippingZones"] = Field(
        alias="shippingZones"
    )


class ShippingZonesShippingZones(BaseModel):
    edges: list["ShippingZonesShippingZonesEdges"]
    page_info: "ShippingZonesShippingZonesPageInfo" = Field(alias="pageInfo")


class ShippingZonesShippingZonesEdges(BaseModel):
    node: "ShippingZonesShippingZonesEdgesNode"


class ShippingZonesShippingZonesEdgesNode(BaseModel):
    id: str
    name: str
    countries: list["ShippingZonesShippingZonesEdgesNodeCountries"]
    warehouses: list["ShippingZonesShippingZonesEdgesNodeWarehouses"]
    channels: list["ShippingZonesShippingZonesEdgesNodeChannels"]
    shipping_methods: Optional[
        list["ShippingZonesShippingZonesEdgesNodeShippingMethods"]
    ] = Field(alias="shippingMethods")


class ShippingZonesShippingZonesEdgesNodeCountries(BaseModel):
    code: str


class ShippingZonesShippingZonesEdgesNodeWarehouses(BaseModel):
    id: str


class ShippingZonesShippingZonesEdgesNodeChannels(BaseModel):
    id: str


class ShippingZonesShippingZonesEdgesNodeShippingMethods(BaseModel):
    id: str
    name: str
    channel_listings: Optional[
        list["ShippingZonesShippingZonesEdgesNodeShippingMethodsChannelListings"]
    ] = Field(alias="channelListings")


class ShippingZonesShippingZonesEdgesNodeShippingMethodsChannelListings(BaseModel):
    channel: "ShippingZonesShippingZonesEdgesNodeShippingMethodsChannelListingsChannel"


class ShippingZonesShippingZonesEdgesNodeShippingMethodsChannelListingsChannel(
    BaseModel
):
    id: str


class ShippingZonesShippingZonesPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


ShippingZones.model_rebuild()
ShippingZonesShippingZones.model_rebuild()
ShippingZonesShippingZonesEdges.model_rebuild()
ShippingZonesShippingZonesEdgesNode.model_rebuild()
ShippingZonesShippingZonesEdgesNodeShippingMethods.model_rebuild()
ShippingZonesShippingZonesEdgesNodeShippingMethodsChannelListings.model_rebuild()
