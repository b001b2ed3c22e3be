from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel
from .enums import MetadataErrorCode


class ProducerFulfillmentCarrier(BaseModel):
    update_metadata: Optional["ProducerFulfillmentCarrierUpdateMetadata"] = Field(
        alias="updateMetadata"
    )


class ProducerFulfillmentCarrierUpdateMetadata(BaseModel):
    item: Optional[
        Annotated[
            Union[
                "ProducerFulfillmentCarrierUpdateMetadataItemObjectWithMetadata",
                "ProducerFulfillmentCarrierUpdateMetadataItemFulfillment",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    errors: list["ProducerFulfillmentCarrierUpdateMetadataErrors"]


class ProducerFulfillmentCarrierUpdateMetadataItemObjectWithMetadata(BaseModel):
    typename__: Literal[
        "Address",
        "App",
        "Attribute",
        "Category",
        "Channel",
        "Checkout",
        "CheckoutLine",
        "Collection",
        "CustomerType",
        "GiftCard",
        "Invoice",
        "Menu",
        "MenuItem",
        "ObjectWithMetadata",
        "Order",
        "OrderLine",
        "Page",
        "PageType",
        "Payment",
        "Product",
        "ProductMedia",
        "ProductType",
        "ProductVariant",
        "Promotion",
        "Sale",
        "ShippingMethod",
        "ShippingMethodType",
        "ShippingZone",
        "Shop",
        "TaxClass",
        "TaxConfiguration",
        "TransactionItem",
        "User",
        "Voucher",
        "Warehouse",
    ] = Field(alias="__typename")


class ProducerFulfillmentCarrierUpdateMetadataItemFulfillment(BaseModel):
    typename__: Literal["Fulfillment"] = Field(alias="__typename")
    id: str
    carrier: Optional[str]


class ProducerFulfillmentCarrierUpdateMetadataErrors(BaseModel):
    field: Optional[str]
    code: MetadataErrorCode
    message: Optional[str]


ProducerFulfillmentCarrier.model_rebuild()
ProducerFulfillmentCarrierUpdateMetadata.model_rebuild()
