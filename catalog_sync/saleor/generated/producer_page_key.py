from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel
from .enums import MetadataErrorCode


class ProducerPageKey(BaseModel):
    update_metadata: Optional["ProducerPageKeyUpdateMetadata"] = Field(
        alias="updateMetadata"
    )


class ProducerPageKeyUpdateMetadata(BaseModel):
    item: Optional[
        Annotated[
            Union[
                "ProducerPageKeyUpdateMetadataItemObjectWithMetadata",
                "ProducerPageKeyUpdateMetadataItemPage",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    errors: list["ProducerPageKeyUpdateMetadataErrors"]


class ProducerPageKeyUpdateMetadataItemObjectWithMetadata(BaseModel):
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
        "Fulfillment",
        "GiftCard",
        "Invoice",
        "Menu",
        "MenuItem",
        "ObjectWithMetadata",
        "Order",
        "OrderLine",
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


class ProducerPageKeyUpdateMetadataItemPage(BaseModel):
    typename__: Literal["Page"] = Field(alias="__typename")
    id: str
    slug: str


class ProducerPageKeyUpdateMetadataErrors(BaseModel):
    field: Optional[str]
    code: MetadataErrorCode
    message: Optional[str]


ProducerPageKey.model_rebuild()
ProducerPageKeyUpdateMetadata.model_rebuild()
