from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel


class PortalVariant(BaseModel):
    product_variant: Optional["PortalVariantProductVariant"] = Field(
        alias="productVariant"
    )
    warehouses: Optional["PortalVariantWarehouses"]
    channel: Optional["PortalVariantChannel"]


class PortalVariantProductVariant(BaseModel):
    id: str
    name: str
    product: "PortalVariantProductVariantProduct"
    channel_listings: Optional[list["PortalVariantProductVariantChannelListings"]] = (
        Field(alias="channelListings")
    )
    stocks: Optional[list["PortalVariantProductVariantStocks"]]


class PortalVariantProductVariantProduct(BaseModel):
    id: str
    name: str
    producer: Optional[
        Annotated[
            Union[
                "PortalVariantProductVariantProductProducerAssignedAttribute",
                "PortalVariantProductVariantProductProducerAssignedSinglePageReferenceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]


class PortalVariantProductVariantProductProducerAssignedAttribute(BaseModel):
    typename__: Literal[
        "AssignedAttribute",
        "AssignedBooleanAttribute",
        "AssignedDateAttribute",
        "AssignedDateTimeAttribute",
        "AssignedFileAttribute",
        "AssignedMultiCategoryReferenceAttribute",
        "AssignedMultiChoiceAttribute",
        "AssignedMultiCollectionReferenceAttribute",
        "AssignedMultiPageReferenceAttribute",
        "AssignedMultiProductReferenceAttribute",
        "AssignedMultiProductVariantReferenceAttribute",
        "AssignedNumericAttribute",
        "AssignedPlainTextAttribute",
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleChoiceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class PortalVariantProductVariantProductProducerAssignedSinglePageReferenceAttribute(
    BaseModel
):
    typename__: Literal["AssignedSinglePageReferenceAttribute"] = Field(
        alias="__typename"
    )
    page: Optional[
        "PortalVariantProductVariantProductProducerAssignedSinglePageReferenceAttributePage"
    ]


class PortalVariantProductVariantProductProducerAssignedSinglePageReferenceAttributePage(
    BaseModel
):
    id: str
    slug: str


class PortalVariantProductVariantChannelListings(BaseModel):
    channel: "PortalVariantProductVariantChannelListingsChannel"
    price: Optional["PortalVariantProductVariantChannelListingsPrice"]


class PortalVariantProductVariantChannelListingsChannel(BaseModel):
    id: str
    slug: str


class PortalVariantProductVariantChannelListingsPrice(BaseModel):
    amount: float
    currency: str


class PortalVariantProductVariantStocks(BaseModel):
    warehouse: "PortalVariantProductVariantStocksWarehouse"
    quantity: int


class PortalVariantProductVariantStocksWarehouse(BaseModel):
    id: str
    slug: str


class PortalVariantWarehouses(BaseModel):
    edges: list["PortalVariantWarehousesEdges"]


class PortalVariantWarehousesEdges(BaseModel):
    node: "PortalVariantWarehousesEdgesNode"


class PortalVariantWarehousesEdgesNode(BaseModel):
    id: str
    slug: str


class PortalVariantChannel(BaseModel):
    id: str
    slug: str


PortalVariant.model_rebuild()
PortalVariantProductVariant.model_rebuild()
PortalVariantProductVariantProduct.model_rebuild()
PortalVariantProductVariantProductProducerAssignedSinglePageReferenceAttribute.model_rebuild()
PortalVariantProductVariantChannelListings.model_rebuild()
PortalVariantProductVariantStocks.model_rebuild()
PortalVariantWarehouses.model_rebuild()
PortalVariantWarehousesEdges.model_rebuild()
