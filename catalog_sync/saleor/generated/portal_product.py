from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel
from .enums import ProductMediaType


class PortalProduct(BaseModel):
    product: Optional["PortalProductProduct"]
    warehouses: Optional["PortalProductWarehouses"]
    channel: Optional["PortalProductChannel"]


class PortalProductProduct(BaseModel):
    id: str
    name: str
    slug: str
    description: Optional[str]
    producer: Optional[
        Annotated[
            Union[
                "PortalProductProductProducerAssignedAttribute",
                "PortalProductProductProducerAssignedSinglePageReferenceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    product_type: "PortalProductProductProductType" = Field(alias="productType")
    media: Optional[list["PortalProductProductMedia"]]
    variants: Optional[list["PortalProductProductVariants"]]


class PortalProductProductProducerAssignedAttribute(BaseModel):
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


class PortalProductProductProducerAssignedSinglePageReferenceAttribute(BaseModel):
    typename__: Literal["AssignedSinglePageReferenceAttribute"] = Field(
        alias="__typename"
    )
    page: Optional[
        "PortalProductProductProducerAssignedSinglePageReferenceAttributePage"
    ]


class PortalProductProductProducerAssignedSinglePageReferenceAttributePage(BaseModel):
    id: str
    slug: str


class PortalProductProductProductType(BaseModel):
    slug: str


class PortalProductProductMedia(BaseModel):
    id: str
    alt: str
    sort_order: Optional[int] = Field(alias="sortOrder")
    type_: ProductMediaType = Field(alias="type")
    url: str


class PortalProductProductVariants(BaseModel):
    id: str
    name: str
    sku: Optional[str]
    channel_listings: Optional[list["PortalProductProductVariantsChannelListings"]] = (
        Field(alias="channelListings")
    )
    stocks: Optional[list["PortalProductProductVariantsStocks"]]


class PortalProductProductVariantsChannelListings(BaseModel):
    channel: "PortalProductProductVariantsChannelListingsChannel"
    price: Optional["PortalProductProductVariantsChannelListingsPrice"]


class PortalProductProductVariantsChannelListingsChannel(BaseModel):
    slug: str


class PortalProductProductVariantsChannelListingsPrice(BaseModel):
    amount: float
    currency: str


class PortalProductProductVariantsStocks(BaseModel):
    warehouse: "PortalProductProductVariantsStocksWarehouse"
    quantity: int


class PortalProductProductVariantsStocksWarehouse(BaseModel):
    slug: str


class PortalProductWarehouses(BaseModel):
    edges: list["PortalProductWarehousesEdges"]


class PortalProductWarehousesEdges(BaseModel):
    node: "PortalProductWarehousesEdgesNode"


class PortalProductWarehousesEdgesNode(BaseModel):
    id: str
    slug: str


class PortalProductChannel(BaseModel):
    id: str
    slug: str


PortalProduct.model_rebuild()
PortalProductProduct.model_rebuild()
PortalProductProductProducerAssignedSinglePageReferenceAttribute.model_rebuild()
PortalProductProductVariants.model_rebuild()
PortalProductProductVariantsChannelListings.model_rebuild()
PortalProductProductVariantsStocks.model_rebuild()
PortalProductWarehouses.model_rebuild()
PortalProductWarehousesEdges.model_rebuild()
