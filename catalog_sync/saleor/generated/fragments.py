from datetime import datetime
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import Field

from catalog_sync.saleor.scalars import Day

from .base_model import BaseModel
from .enums import (
    AccountErrorCode,
    AddressTypeEnum,
    CheckoutErrorCode,
    FulfillmentStatus,
    OrderChargeStatusEnum,
    OrderGrantedRefundStatusEnum,
    OrderStatus,
    ProductMediaType,
    TransactionEventTypeEnum,
)


class CartMoney(BaseModel):
    amount: float
    currency: str


class CatalogueCollection(BaseModel):
    id: str
    slug: str
    name: str
    description: Optional[str]
    translation: Optional["CatalogueCollectionTranslation"]
    background_image: Optional["CatalogueCollectionBackgroundImage"] = Field(
        alias="backgroundImage"
    )
    products: Optional["CatalogueCollectionProducts"]


class CatalogueCollectionTranslation(BaseModel):
    name: Optional[str]
    description: Optional[str]


class CatalogueCollectionBackgroundImage(BaseModel):
    url: str
    alt: Optional[str]


class CatalogueCollectionProducts(BaseModel):
    edges: list["CatalogueCollectionProductsEdges"]
    page_info: "CatalogueCollectionProductsPageInfo" = Field(alias="pageInfo")


class CatalogueCollectionProductsEdges(BaseModel):
    node: "CatalogueCollectionProductsEdgesNode"


class CatalogueCollectionProductsEdgesNode(BaseModel):
    id: str


class CatalogueCollectionProductsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


class CatalogueProducer(BaseModel):
    id: str
    slug: str
    title: str
    content: Optional[str]
    seo_description: Optional[str] = Field(alias="seoDescription")
    is_published: bool = Field(alias="isPublished")
    created: datetime
    published_at: Optional[datetime] = Field(alias="publishedAt")
    page_type: "CatalogueProducerPageType" = Field(alias="pageType")
    translation: Optional["CatalogueProducerTranslation"]
    story: Optional[
        Annotated[
            Union[
                "CatalogueProducerStoryAssignedAttribute",
                "CatalogueProducerStoryAssignedTextAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    province: Optional[
        Annotated[
            Union[
                "CatalogueProducerProvinceAssignedAttribute",
                "CatalogueProducerProvinceAssignedSingleChoiceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    photos: Optional[str] = None
    location: Optional[
        Annotated[
            Union[
                "CatalogueProducerLocationAssignedAttribute",
                "CatalogueProducerLocationAssignedPlainTextAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ] = None
    phone: Optional[
        Annotated[
            Union[
                "CatalogueProducerPhoneAssignedAttribute",
                "CatalogueProducerPhoneAssignedPlainTextAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ] = None
    email: Optional[
        Annotated[
            Union[
                "CatalogueProducerEmailAssignedAttribute",
                "CatalogueProducerEmailAssignedPlainTextAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ] = None


class CatalogueProducerPageType(BaseModel):
    slug: str


class CatalogueProducerTranslation(BaseModel):
    title: Optional[str]
    content: Optional[str]
    seo_description: Optional[str] = Field(alias="seoDescription")


class CatalogueProducerStoryAssignedAttribute(BaseModel):
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
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
    ] = Field(alias="__typename")


class CatalogueProducerStoryAssignedTextAttribute(BaseModel):
    typename__: Literal["AssignedTextAttribute"] = Field(alias="__typename")
    json_: Optional[Any] = Field(alias="json")
    english: Optional[Any]


class CatalogueProducerProvinceAssignedAttribute(BaseModel):
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
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class CatalogueProducerProvinceAssignedSingleChoiceAttribute(BaseModel):
    typename__: Literal["AssignedSingleChoiceAttribute"] = Field(alias="__typename")
    choice: Optional["CatalogueProducerProvinceAssignedSingleChoiceAttributeChoice"]


class CatalogueProducerProvinceAssignedSingleChoiceAttributeChoice(BaseModel):
    slug: Optional[str]
    name: Optional[str]


class CatalogueProducerLocationAssignedAttribute(BaseModel):
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
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleChoiceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class CatalogueProducerLocationAssignedPlainTextAttribute(BaseModel):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    text: Optional[str]
    english: Optional[str]


class CatalogueProducerPhoneAssignedAttribute(BaseModel):
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
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleChoiceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class CatalogueProducerPhoneAssignedPlainTextAttribute(BaseModel):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    text: Optional[str]


class CatalogueProducerEmailAssignedAttribute(BaseModel):
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
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleChoiceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class CatalogueProducerEmailAssignedPlainTextAttribute(BaseModel):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    text: Optional[str]


class CatalogueProduct(BaseModel):
    id: str
    slug: str
    name: str
    description: Optional[str]
    seo_description: Optional[str] = Field(alias="seoDescription")
    created: datetime
    updated_at: datetime = Field(alias="updatedAt")
    is_available_for_purchase: Optional[bool] = Field(alias="isAvailableForPurchase")
    translation: Optional["CatalogueProductTranslation"]
    product_type: "CatalogueProductProductType" = Field(alias="productType")
    category: Optional["CatalogueProductCategory"]
    thumbnail: Optional["CatalogueProductThumbnail"]
    media: Optional[list["CatalogueProductMedia"]]
    variants: Optional[list["CatalogueProductVariants"]]
    certificate: Optional[
        Annotated[
            Union[
                "CatalogueProductCertificateAssignedAttribute",
                "CatalogueProductCertificateAssignedPlainTextAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    stars: Optional[
        Annotated[
            Union[
                "CatalogueProductStarsAssignedAttribute",
                "CatalogueProductStarsAssignedNumericAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    valid_until: Optional[
        Annotated[
            Union[
                "CatalogueProductValidUntilAssignedAttribute",
                "CatalogueProductValidUntilAssignedDateAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ] = Field(alias="validUntil")
    group: Optional[
        Annotated[
            Union[
                "CatalogueProductGroupAssignedAttribute",
                "CatalogueProductGroupAssignedSingleChoiceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    province: Optional[
        Annotated[
            Union[
                "CatalogueProductProvinceAssignedAttribute",
                "CatalogueProductProvinceAssignedSingleChoiceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    producer: Optional[
        Annotated[
            Union[
                "CatalogueProductProducerAssignedAttribute",
                "CatalogueProductProducerAssignedSinglePageReferenceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]


class CatalogueProductTranslation(BaseModel):
    name: Optional[str]
    description: Optional[str]


class CatalogueProductProductType(BaseModel):
    slug: str


class CatalogueProductCategory(BaseModel):
    slug: str


class CatalogueProductThumbnail(BaseModel):
    url: str
    alt: Optional[str]


class CatalogueProductMedia(BaseModel):
    url: str
    alt: str
    type_: ProductMediaType = Field(alias="type")


class CatalogueProductVariants(BaseModel):
    id: str
    name: str
    sku: Optional[str]
    quantity_available: Optional[int] = Field(alias="quantityAvailable")
    translation: Optional["CatalogueProductVariantsTranslation"]
    pricing: Optional["CatalogueProductVariantsPricing"]


class CatalogueProductVariantsTranslation(BaseModel):
    name: str


class CatalogueProductVariantsPricing(BaseModel):
    price: Optional["CatalogueProductVariantsPricingPrice"]


class CatalogueProductVariantsPricingPrice(BaseModel):
    gross: "CatalogueProductVariantsPricingPriceGross"


class CatalogueProductVariantsPricingPriceGross(BaseModel):
    amount: float
    currency: str


class CatalogueProductCertificateAssignedAttribute(BaseModel):
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
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleChoiceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class CatalogueProductCertificateAssignedPlainTextAttribute(BaseModel):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    text: Optional[str]


class CatalogueProductStarsAssignedAttribute(BaseModel):
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
        "AssignedPlainTextAttribute",
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleChoiceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class CatalogueProductStarsAssignedNumericAttribute(BaseModel):
    typename__: Literal["AssignedNumericAttribute"] = Field(alias="__typename")
    number: Optional[float]


class CatalogueProductValidUntilAssignedAttribute(BaseModel):
    typename__: Literal[
        "AssignedAttribute",
        "AssignedBooleanAttribute",
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
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class CatalogueProductValidUntilAssignedDateAttribute(BaseModel):
    typename__: Literal["AssignedDateAttribute"] = Field(alias="__typename")
    day: Optional[Day]


class CatalogueProductGroupAssignedAttribute(BaseModel):
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
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class CatalogueProductGroupAssignedSingleChoiceAttribute(BaseModel):
    typename__: Literal["AssignedSingleChoiceAttribute"] = Field(alias="__typename")
    choice: Optional["CatalogueProductGroupAssignedSingleChoiceAttributeChoice"]


class CatalogueProductGroupAssignedSingleChoiceAttributeChoice(BaseModel):
    slug: Optional[str]
    name: Optional[str]


class CatalogueProductProvinceAssignedAttribute(BaseModel):
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
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class CatalogueProductProvinceAssignedSingleChoiceAttribute(BaseModel):
    typename__: Literal["AssignedSingleChoiceAttribute"] = Field(alias="__typename")
    choice: Optional["CatalogueProductProvinceAssignedSingleChoiceAttributeChoice"]


class CatalogueProductProvinceAssignedSingleChoiceAttributeChoice(BaseModel):
    slug: Optional[str]
    name: Optional[str]


class CatalogueProductProducerAssignedAttribute(BaseModel):
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


class CatalogueProductProducerAssignedSinglePageReferenceAttribute(BaseModel):
    typename__: Literal["AssignedSinglePageReferenceAttribute"] = Field(
        alias="__typename"
    )
    page: Optional["CatalogueProductProducerAssignedSinglePageReferenceAttributePage"]


class CatalogueProductProducerAssignedSinglePageReferenceAttributePage(BaseModel):
    id: str
    slug: str
    title: str


class CatalogueProductNode(BaseModel):
    id: str
    slug: str
    name: str
    external_reference: Optional[str] = Field(alias="externalReference")
    category: Optional["CatalogueProductNodeCategory"]
    product_variants: Optional["CatalogueProductNodeProductVariants"] = Field(
        alias="productVariants"
    )
    assigned_attributes: list[
        Annotated[
            Union[
                "CatalogueProductNodeAssignedAttributesAssignedAttribute",
                "CatalogueProductNodeAssignedAttributesAssignedDateAttribute",
                "CatalogueProductNodeAssignedAttributesAssignedNumericAttribute",
                "CatalogueProductNodeAssignedAttributesAssignedPlainTextAttribute",
                "CatalogueProductNodeAssignedAttributesAssignedSingleChoiceAttribute",
                "CatalogueProductNodeAssignedAttributesAssignedSinglePageReferenceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ] = Field(alias="assignedAttributes")


class CatalogueProductNodeCategory(BaseModel):
    slug: str


class CatalogueProductNodeProductVariants(BaseModel):
    edges: list["CatalogueProductNodeProductVariantsEdges"]


class CatalogueProductNodeProductVariantsEdges(BaseModel):
    node: "CatalogueProductNodeProductVariantsEdgesNode"


class CatalogueProductNodeProductVariantsEdgesNode(BaseModel):
    id: str


class CatalogueProductNodeAssignedAttributesAssignedAttribute(BaseModel):
    typename__: Literal[
        "AssignedAttribute",
        "AssignedBooleanAttribute",
        "AssignedDateTimeAttribute",
        "AssignedFileAttribute",
        "AssignedMultiCategoryReferenceAttribute",
        "AssignedMultiChoiceAttribute",
        "AssignedMultiCollectionReferenceAttribute",
        "AssignedMultiPageReferenceAttribute",
        "AssignedMultiProductReferenceAttribute",
        "AssignedMultiProductVariantReferenceAttribute",
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")
    attribute: "CatalogueProductNodeAssignedAttributesAssignedAttributeAttribute"


class CatalogueProductNodeAssignedAttributesAssignedAttributeAttribute(BaseModel):
    slug: str


class CatalogueProductNodeAssignedAttributesAssignedDateAttribute(BaseModel):
    typename__: Literal["AssignedDateAttribute"] = Field(alias="__typename")
    attribute: "CatalogueProductNodeAssignedAttributesAssignedDateAttributeAttribute"
    day: Optional[Day]


class CatalogueProductNodeAssignedAttributesAssignedDateAttributeAttribute(BaseModel):
    slug: str


class CatalogueProductNodeAssignedAttributesAssignedNumericAttribute(BaseModel):
    typename__: Literal["AssignedNumericAttribute"] = Field(alias="__typename")
    attribute: "CatalogueProductNodeAssignedAttributesAssignedNumericAttributeAttribute"
    number: Optional[float]


class CatalogueProductNodeAssignedAttributesAssignedNumericAttributeAttribute(
    BaseModel
):
    slug: str


class CatalogueProductNodeAssignedAttributesAssignedPlainTextAttribute(BaseModel):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    attribute: (
        "CatalogueProductNodeAssignedAttributesAssignedPlainTextAttributeAttribute"
    )
    text: Optional[str]


class CatalogueProductNodeAssignedAttributesAssignedPlainTextAttributeAttribute(
    BaseModel
):
    slug: str


class CatalogueProductNodeAssignedAttributesAssignedSingleChoiceAttribute(BaseModel):
    typename__: Literal["AssignedSingleChoiceAttribute"] = Field(alias="__typename")
    attribute: (
        "CatalogueProductNodeAssignedAttributesAssignedSingleChoiceAttributeAttribute"
    )
    choice: Optional[
        "CatalogueProductNodeAssignedAttributesAssignedSingleChoiceAttributeChoice"
    ]


class CatalogueProductNodeAssignedAttributesAssignedSingleChoiceAttributeAttribute(
    BaseModel
):
    slug: str


class CatalogueProductNodeAssignedAttributesAssignedSingleChoiceAttributeChoice(
    BaseModel
):
    slug: Optional[str]


class CatalogueProductNodeAssignedAttributesAssignedSinglePageReferenceAttribute(
    BaseModel
):
    typename__: Literal["AssignedSinglePageReferenceAttribute"] = Field(
        alias="__typename"
    )
    attribute: "CatalogueProductNodeAssignedAttributesAssignedSinglePageReferenceAttributeAttribute"
    page: Optional[
        "CatalogueProductNodeAssignedAttributesAssignedSinglePageReferenceAttributePage"
    ]


class CatalogueProductNodeAssignedAttributesAssignedSinglePageReferenceAttributeAttribute(
    BaseModel
):
    slug: str


class CatalogueProductNodeAssignedAttributesAssignedSinglePageReferenceAttributePage(
    BaseModel
):
    id: str


class CustomerAccountError(BaseModel):
    field: Optional[str]
    code: AccountErrorCode
    message: Optional[str]


class CustomerAddress(BaseModel):
    id: str
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    phone: Optional[str]
    street_address_1: str = Field(alias="streetAddress1")
    street_address_2: str = Field(alias="streetAddress2")
    city: str
    country_area: str = Field(alias="countryArea")
    country: "CustomerAddressCountry"


class CustomerAddressCountry(BaseModel):
    code: str


class CustomerMoney(BaseModel):
    amount: float
    currency: str


class CustomerOrder(BaseModel):
    id: str
    number: str
    created: datetime
    status: OrderStatus
    user_email: Optional[str] = Field(alias="userEmail")
    is_shipping_required: bool = Field(alias="isShippingRequired")
    total: "CustomerOrderTotal"
    subtotal: "CustomerOrderSubtotal"
    shipping_price: "CustomerOrderShippingPrice" = Field(alias="shippingPrice")
    shipping_address: Optional["CustomerOrderShippingAddress"] = Field(
        alias="shippingAddress"
    )
    lines: list["CustomerOrderLines"]


class CustomerOrderTotal(BaseModel):
    gross: "CustomerOrderTotalGross"


class CustomerOrderTotalGross(CustomerMoney):
    pass


class CustomerOrderSubtotal(BaseModel):
    gross: "CustomerOrderSubtotalGross"


class CustomerOrderSubtotalGross(CustomerMoney):
    pass


class CustomerOrderShippingPrice(BaseModel):
    gross: "CustomerOrderShippingPriceGross"


class CustomerOrderShippingPriceGross(CustomerMoney):
    pass


class CustomerOrderShippingAddress(CustomerAddress):
    pass


class CustomerOrderLines(BaseModel):
    product_name: str = Field(alias="productName")
    variant_name: str = Field(alias="variantName")
    quantity: int
    unit_price: "CustomerOrderLinesUnitPrice" = Field(alias="unitPrice")
    total_price: "CustomerOrderLinesTotalPrice" = Field(alias="totalPrice")


class CustomerOrderLinesUnitPrice(BaseModel):
    gross: "CustomerOrderLinesUnitPriceGross"


class CustomerOrderLinesUnitPriceGross(CustomerMoney):
    pass


class CustomerOrderLinesTotalPrice(BaseModel):
    gross: "CustomerOrderLinesTotalPriceGross"


class CustomerOrderLinesTotalPriceGross(CustomerMoney):
    pass


class PayoutOrderNode(BaseModel):
    id: str
    number: str
    status: OrderStatus
    charge_status: OrderChargeStatusEnum = Field(alias="chargeStatus")
    updated_at: datetime = Field(alias="updatedAt")
    channel: "PayoutOrderNodeChannel"
    total_charged: "PayoutOrderNodeTotalCharged" = Field(alias="totalCharged")
    lines: list["PayoutOrderNodeLines"]
    fulfillments: list["PayoutOrderNodeFulfillments"]
    granted_refunds: list["PayoutOrderNodeGrantedRefunds"] = Field(
        alias="grantedRefunds"
    )
    transactions: list["PayoutOrderNodeTransactions"]


class PayoutOrderNodeChannel(BaseModel):
    slug: str


class PayoutOrderNodeTotalCharged(BaseModel):
    amount: float
    currency: str


class PayoutOrderNodeLines(BaseModel):
    id: str
    product_name: str = Field(alias="productName")
    variant_name: str = Field(alias="variantName")
    quantity: int
    unit_price: "PayoutOrderNodeLinesUnitPrice" = Field(alias="unitPrice")
    total_price: "PayoutOrderNodeLinesTotalPrice" = Field(alias="totalPrice")
    variant: Optional["PayoutOrderNodeLinesVariant"]


class PayoutOrderNodeLinesUnitPrice(BaseModel):
    gross: "PayoutOrderNodeLinesUnitPriceGross"


class PayoutOrderNodeLinesUnitPriceGross(BaseModel):
    amount: float


class PayoutOrderNodeLinesTotalPrice(BaseModel):
    gross: "PayoutOrderNodeLinesTotalPriceGross"


class PayoutOrderNodeLinesTotalPriceGross(BaseModel):
    amount: float
    currency: str


class PayoutOrderNodeLinesVariant(BaseModel):
    id: str
    product: "PayoutOrderNodeLinesVariantProduct"


class PayoutOrderNodeLinesVariantProduct(BaseModel):
    id: str
    producer: Optional[
        Annotated[
            Union[
                "PayoutOrderNodeLinesVariantProductProducerAssignedAttribute",
                "PayoutOrderNodeLinesVariantProductProducerAssignedSinglePageReferenceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]


class PayoutOrderNodeLinesVariantProductProducerAssignedAttribute(BaseModel):
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


class PayoutOrderNodeLinesVariantProductProducerAssignedSinglePageReferenceAttribute(
    BaseModel
):
    typename__: Literal["AssignedSinglePageReferenceAttribute"] = Field(
        alias="__typename"
    )
    page: Optional[
        "PayoutOrderNodeLinesVariantProductProducerAssignedSinglePageReferenceAttributePage"
    ]


class PayoutOrderNodeLinesVariantProductProducerAssignedSinglePageReferenceAttributePage(
    BaseModel
):
    id: str
    slug: str


class PayoutOrderNodeFulfillments(BaseModel):
    id: str
    status: FulfillmentStatus
    created: datetime
    lines: Optional[list["PayoutOrderNodeFulfillmentsLines"]]


class PayoutOrderNodeFulfillmentsLines(BaseModel):
    quantity: int
    order_line: Optional["PayoutOrderNodeFulfillmentsLinesOrderLine"] = Field(
        alias="orderLine"
    )


class PayoutOrderNodeFulfillmentsLinesOrderLine(BaseModel):
    id: str


class PayoutOrderNodeGrantedRefunds(BaseModel):
    id: str
    status: OrderGrantedRefundStatusEnum
    updated_at: datetime = Field(alias="updatedAt")
    amount: "PayoutOrderNodeGrantedRefundsAmount"
    lines: Optional[list["PayoutOrderNodeGrantedRefundsLines"]]


class PayoutOrderNodeGrantedRefundsAmount(BaseModel):
    amount: float


class PayoutOrderNodeGrantedRefundsLines(BaseModel):
    quantity: int
    order_line: "PayoutOrderNodeGrantedRefundsLinesOrderLine" = Field(alias="orderLine")


class PayoutOrderNodeGrantedRefundsLinesOrderLine(BaseModel):
    id: str


class PayoutOrderNodeTransactions(BaseModel):
    events: list["PayoutOrderNodeTransactionsEvents"]


class PayoutOrderNodeTransactionsEvents(BaseModel):
    type_: Optional[TransactionEventTypeEnum] = Field(alias="type")
    created_at: datetime = Field(alias="createdAt")
    amount: "PayoutOrderNodeTransactionsEventsAmount"


class PayoutOrderNodeTransactionsEventsAmount(BaseModel):
    amount: float


class PortalStoryPageState(BaseModel):
    id: str
    slug: str
    title: str
    content: Optional[str]
    is_published: bool = Field(alias="isPublished")
    page_type: "PortalStoryPageStatePageType" = Field(alias="pageType")
    photos: Optional[str]
    location: Optional[
        Annotated[
            Union[
                "PortalStoryPageStateLocationAssignedAttribute",
                "PortalStoryPageStateLocationAssignedPlainTextAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    phone: Optional[
        Annotated[
            Union[
                "PortalStoryPageStatePhoneAssignedAttribute",
                "PortalStoryPageStatePhoneAssignedPlainTextAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    email: Optional[
        Annotated[
            Union[
                "PortalStoryPageStateEmailAssignedAttribute",
                "PortalStoryPageStateEmailAssignedPlainTextAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]
    province: Optional[
        Annotated[
            Union[
                "PortalStoryPageStateProvinceAssignedAttribute",
                "PortalStoryPageStateProvinceAssignedSingleChoiceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]


class PortalStoryPageStatePageType(BaseModel):
    slug: str
    attributes: Optional[list["PortalStoryPageStatePageTypeAttributes"]]


class PortalStoryPageStatePageTypeAttributes(BaseModel):
    id: str
    slug: str


class PortalStoryPageStateLocationAssignedAttribute(BaseModel):
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
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleChoiceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class PortalStoryPageStateLocationAssignedPlainTextAttribute(BaseModel):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    text: Optional[str]


class PortalStoryPageStatePhoneAssignedAttribute(BaseModel):
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
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleChoiceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class PortalStoryPageStatePhoneAssignedPlainTextAttribute(BaseModel):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    text: Optional[str]


class PortalStoryPageStateEmailAssignedAttribute(BaseModel):
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
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleChoiceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class PortalStoryPageStateEmailAssignedPlainTextAttribute(BaseModel):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    text: Optional[str]


class PortalStoryPageStateProvinceAssignedAttribute(BaseModel):
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
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSinglePageReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")


class PortalStoryPageStateProvinceAssignedSingleChoiceAttribute(BaseModel):
    typename__: Literal["AssignedSingleChoiceAttribute"] = Field(alias="__typename")
    choice: Optional["PortalStoryPageStateProvinceAssignedSingleChoiceAttributeChoice"]


class PortalStoryPageStateProvinceAssignedSingleChoiceAttributeChoice(BaseModel):
    slug: Optional[str]
    name: Optional[str]


class ProducerOrderNode(BaseModel):
    id: str
    number: str
    created: datetime
    status: OrderStatus
    shipping_address: Optional["ProducerOrderNodeShippingAddress"] = Field(
        alias="shippingAddress"
    )
    lines: list["ProducerOrderNodeLines"]
    fulfillments: list["ProducerOrderNodeFulfillments"]


class ProducerOrderNodeShippingAddress(BaseModel):
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    phone: Optional[str]
    street_address_1: str = Field(alias="streetAddress1")
    street_address_2: str = Field(alias="streetAddress2")
    city: str
    country_area: str = Field(alias="countryArea")
    postal_code: str = Field(alias="postalCode")


class ProducerOrderNodeLines(BaseModel):
    id: str
    product_name: str = Field(alias="productName")
    variant_name: str = Field(alias="variantName")
    product_sku: Optional[str] = Field(alias="productSku")
    quantity: int
    quantity_fulfilled: int = Field(alias="quantityFulfilled")
    quantity_to_fulfill: int = Field(alias="quantityToFulfill")
    unit_price: "ProducerOrderNodeLinesUnitPrice" = Field(alias="unitPrice")
    total_price: "ProducerOrderNodeLinesTotalPrice" = Field(alias="totalPrice")
    variant: Optional["ProducerOrderNodeLinesVariant"]


class ProducerOrderNodeLinesUnitPrice(BaseModel):
    gross: "ProducerOrderNodeLinesUnitPriceGross"


class ProducerOrderNodeLinesUnitPriceGross(BaseModel):
    amount: float
    currency: str


class ProducerOrderNodeLinesTotalPrice(BaseModel):
    gross: "ProducerOrderNodeLinesTotalPriceGross"


class ProducerOrderNodeLinesTotalPriceGross(BaseModel):
    amount: float
    currency: str


class ProducerOrderNodeLinesVariant(BaseModel):
    id: str
    product: "ProducerOrderNodeLinesVariantProduct"


class ProducerOrderNodeLinesVariantProduct(BaseModel):
    id: str
    producer: Optional[
        Annotated[
            Union[
                "ProducerOrderNodeLinesVariantProductProducerAssignedAttribute",
                "ProducerOrderNodeLinesVariantProductProducerAssignedSinglePageReferenceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ]


class ProducerOrderNodeLinesVariantProductProducerAssignedAttribute(BaseModel):
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


class ProducerOrderNodeLinesVariantProductProducerAssignedSinglePageReferenceAttribute(
    BaseModel
):
    typename__: Literal["AssignedSinglePageReferenceAttribute"] = Field(
        alias="__typename"
    )
    page: Optional[
        "ProducerOrderNodeLinesVariantProductProducerAssignedSinglePageReferenceAttributePage"
    ]


class ProducerOrderNodeLinesVariantProductProducerAssignedSinglePageReferenceAttributePage(
    BaseModel
):
    id: str
    slug: str


class ProducerOrderNodeFulfillments(BaseModel):
    id: str
    status: FulfillmentStatus
    created: datetime
    tracking_number: str = Field(alias="trackingNumber")
    carrier: Optional[str]
    lines: Optional[list["ProducerOrderNodeFulfillmentsLines"]]


class ProducerOrderNodeFulfillmentsLines(BaseModel):
    quantity: int
    order_line: Optional["ProducerOrderNodeFulfillmentsLinesOrderLine"] = Field(
        alias="orderLine"
    )


class ProducerOrderNodeFulfillmentsLinesOrderLine(BaseModel):
    id: str


class ProducerPageNode(BaseModel):
    id: str
    slug: str
    title: str
    assigned_attributes: list[
        Annotated[
            Union[
                "ProducerPageNodeAssignedAttributesAssignedAttribute",
                "ProducerPageNodeAssignedAttributesAssignedDateAttribute",
                "ProducerPageNodeAssignedAttributesAssignedNumericAttribute",
                "ProducerPageNodeAssignedAttributesAssignedPlainTextAttribute",
                "ProducerPageNodeAssignedAttributesAssignedSingleChoiceAttribute",
                "ProducerPageNodeAssignedAttributesAssignedSinglePageReferenceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ] = Field(alias="assignedAttributes")


class ProducerPageNodeAssignedAttributesAssignedAttribute(BaseModel):
    typename__: Literal[
        "AssignedAttribute",
        "AssignedBooleanAttribute",
        "AssignedDateTimeAttribute",
        "AssignedFileAttribute",
        "AssignedMultiCategoryReferenceAttribute",
        "AssignedMultiChoiceAttribute",
        "AssignedMultiCollectionReferenceAttribute",
        "AssignedMultiPageReferenceAttribute",
        "AssignedMultiProductReferenceAttribute",
        "AssignedMultiProductVariantReferenceAttribute",
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")
    attribute: "ProducerPageNodeAssignedAttributesAssignedAttributeAttribute"


class ProducerPageNodeAssignedAttributesAssignedAttributeAttribute(BaseModel):
    slug: str


class ProducerPageNodeAssignedAttributesAssignedDateAttribute(BaseModel):
    typename__: Literal["AssignedDateAttribute"] = Field(alias="__typename")
    attribute: "ProducerPageNodeAssignedAttributesAssignedDateAttributeAttribute"
    day: Optional[Day]


class ProducerPageNodeAssignedAttributesAssignedDateAttributeAttribute(BaseModel):
    slug: str


class ProducerPageNodeAssignedAttributesAssignedNumericAttribute(BaseModel):
    typename__: Literal["AssignedNumericAttribute"] = Field(alias="__typename")
    attribute: "ProducerPageNodeAssignedAttributesAssignedNumericAttributeAttribute"
    number: Optional[float]


class ProducerPageNodeAssignedAttributesAssignedNumericAttributeAttribute(BaseModel):
    slug: str


class ProducerPageNodeAssignedAttributesAssignedPlainTextAttribute(BaseModel):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    attribute: "ProducerPageNodeAssignedAttributesAssignedPlainTextAttributeAttribute"
    text: Optional[str]


class ProducerPageNodeAssignedAttributesAssignedPlainTextAttributeAttribute(BaseModel):
    slug: str


class ProducerPageNodeAssignedAttributesAssignedSingleChoiceAttribute(BaseModel):
    typename__: Literal["AssignedSingleChoiceAttribute"] = Field(alias="__typename")
    attribute: (
        "ProducerPageNodeAssignedAttributesAssignedSingleChoiceAttributeAttribute"
    )
    choice: Optional[
        "ProducerPageNodeAssignedAttributesAssignedSingleChoiceAttributeChoice"
    ]


class ProducerPageNodeAssignedAttributesAssignedSingleChoiceAttributeAttribute(
    BaseModel
):
    slug: str


class ProducerPageNodeAssignedAttributesAssignedSingleChoiceAttributeChoice(BaseModel):
    slug: Optional[str]


class ProducerPageNodeAssignedAttributesAssignedSinglePageReferenceAttribute(BaseModel):
    typename__: Literal["AssignedSinglePageReferenceAttribute"] = Field(
        alias="__typename"
    )
    attribute: "ProducerPageNodeAssignedAttributesAssignedSinglePageReferenceAttributeAttribute"
    page: Optional[
        "ProducerPageNodeAssignedAttributesAssignedSinglePageReferenceAttributePage"
    ]


class ProducerPageNodeAssignedAttributesAssignedSinglePageReferenceAttributeAttribute(
    BaseModel
):
    slug: str


class ProducerPageNodeAssignedAttributesAssignedSinglePageReferenceAttributePage(
    BaseModel
):
    id: str


class ReindexProduct(BaseModel):
    id: str
    slug: str
    name: str
    description: Optional[str]
    seo_description: Optional[str] = Field(alias="seoDescription")
    created: datetime
    updated_at: datetime = Field(alias="updatedAt")
    is_available_for_purchase: Optional[bool] = Field(alias="isAvailableForPurchase")
    translation: Optional["ReindexProductTranslation"]
    product_type: "ReindexProductProductType" = Field(alias="productType")
    category: Optional["ReindexProductCategory"]
    thumbnail: Optional["ReindexProductThumbnail"]
    media: Optional[list["ReindexProductMedia"]]
    variants: Optional[list["ReindexProductVariants"]]
    assigned_attributes: list[
        Annotated[
            Union[
                "ReindexProductAssignedAttributesAssignedAttribute",
                "ReindexProductAssignedAttributesAssignedDateAttribute",
                "ReindexProductAssignedAttributesAssignedNumericAttribute",
                "ReindexProductAssignedAttributesAssignedPlainTextAttribute",
                "ReindexProductAssignedAttributesAssignedSingleChoiceAttribute",
                "ReindexProductAssignedAttributesAssignedSinglePageReferenceAttribute",
            ],
            Field(discriminator="typename__"),
        ]
    ] = Field(alias="assignedAttributes")


class ReindexProductTranslation(BaseModel):
    name: Optional[str]
    description: Optional[str]


class ReindexProductProductType(BaseModel):
    slug: str


class ReindexProductCategory(BaseModel):
    slug: str


class ReindexProductThumbnail(BaseModel):
    url: str
    alt: Optional[str]


class ReindexProductMedia(BaseModel):
    url: str
    alt: str
    type_: ProductMediaType = Field(alias="type")


class ReindexProductVariants(BaseModel):
    id: str
    name: str
    sku: Optional[str]
    quantity_available: Optional[int] = Field(alias="quantityAvailable")
    translation: Optional["ReindexProductVariantsTranslation"]
    pricing: Optional["ReindexProductVariantsPricing"]


class ReindexProductVariantsTranslation(BaseModel):
    name: str


class ReindexProductVariantsPricing(BaseModel):
    price: Optional["ReindexProductVariantsPricingPrice"]


class ReindexProductVariantsPricingPrice(BaseModel):
    gross: "ReindexProductVariantsPricingPriceGross"


class ReindexProductVariantsPricingPriceGross(BaseModel):
    amount: float
    currency: str


class ReindexProductAssignedAttributesAssignedAttribute(BaseModel):
    typename__: Literal[
        "AssignedAttribute",
        "AssignedBooleanAttribute",
        "AssignedDateTimeAttribute",
        "AssignedFileAttribute",
        "AssignedMultiCategoryReferenceAttribute",
        "AssignedMultiChoiceAttribute",
        "AssignedMultiCollectionReferenceAttribute",
        "AssignedMultiPageReferenceAttribute",
        "AssignedMultiProductReferenceAttribute",
        "AssignedMultiProductVariantReferenceAttribute",
        "AssignedSingleCategoryReferenceAttribute",
        "AssignedSingleCollectionReferenceAttribute",
        "AssignedSingleProductReferenceAttribute",
        "AssignedSingleProductVariantReferenceAttribute",
        "AssignedSwatchAttribute",
        "AssignedTextAttribute",
    ] = Field(alias="__typename")
    attribute: "ReindexProductAssignedAttributesAssignedAttributeAttribute"


class ReindexProductAssignedAttributesAssignedAttributeAttribute(BaseModel):
    slug: str


class ReindexProductAssignedAttributesAssignedDateAttribute(BaseModel):
    typename__: Literal["AssignedDateAttribute"] = Field(alias="__typename")
    attribute: "ReindexProductAssignedAttributesAssignedDateAttributeAttribute"
    day: Optional[Day]


class ReindexProductAssignedAttributesAssignedDateAttributeAttribute(BaseModel):
    slug: str


class ReindexProductAssignedAttributesAssignedNumericAttribute(BaseModel):
    typename__: Literal["AssignedNumericAttribute"] = Field(alias="__typename")
    attribute: "ReindexProductAssignedAttributesAssignedNumericAttributeAttribute"
    number: Optional[float]


class ReindexProductAssignedAttributesAssignedNumericAttributeAttribute(BaseModel):
    slug: str


class ReindexProductAssignedAttributesAssignedPlainTextAttribute(BaseModel):
    typename__: Literal["AssignedPlainTextAttribute"] = Field(alias="__typename")
    attribute: "ReindexProductAssignedAttributesAssignedPlainTextAttributeAttribute"
    text: Optional[str]


class ReindexProductAssignedAttributesAssignedPlainTextAttributeAttribute(BaseModel):
    slug: str


class ReindexProductAssignedAttributesAssignedSingleChoiceAttribute(BaseModel):
    typename__: Literal["AssignedSingleChoiceAttribute"] = Field(alias="__typename")
    attribute: "ReindexProductAssignedAttributesAssignedSingleChoiceAttributeAttribute"
    choice: Optional[
        "ReindexProductAssignedAttributesAssignedSingleChoiceAttributeChoice"
    ]


class ReindexProductAssignedAttributesAssignedSingleChoiceAttributeAttribute(BaseModel):
    slug: str


class ReindexProductAssignedAttributesAssignedSingleChoiceAttributeChoice(BaseModel):
    slug: Optional[str]
    name: Optional[str]


class ReindexProductAssignedAttributesAssignedSinglePageReferenceAttribute(BaseModel):
    typename__: Literal["AssignedSinglePageReferenceAttribute"] = Field(
        alias="__typename"
    )
    attribute: (
        "ReindexProductAssignedAttributesAssignedSinglePageReferenceAttributeAttribute"
    )
    page: Optional[
        "ReindexProductAssignedAttributesAssignedSinglePageReferenceAttributePage"
    ]


class ReindexProductAssignedAttributesAssignedSinglePageReferenceAttributeAttribute(
    BaseModel
):
    slug: str


class ReindexProductAssignedAttributesAssignedSinglePageReferenceAttributePage(
    BaseModel
):
    id: str
    slug: str
    title: str


class ShopCheckout(BaseModel):
    id: str
    email: Optional[str]
    is_shipping_required: bool = Field(alias="isShippingRequired")
    quantity: int
    lines: list["ShopCheckoutLines"]
    subtotal_price: "ShopCheckoutSubtotalPrice" = Field(alias="subtotalPrice")
    shipping_price: "ShopCheckoutShippingPrice" = Field(alias="shippingPrice")
    total_price: "ShopCheckoutTotalPrice" = Field(alias="totalPrice")
    shipping_address: Optional["ShopCheckoutShippingAddress"] = Field(
        alias="shippingAddress"
    )
    billing_address: Optional["ShopCheckoutBillingAddress"] = Field(
        alias="billingAddress"
    )
    shipping_methods: list["ShopCheckoutShippingMethods"] = Field(
        alias="shippingMethods"
    )
    delivery: Optional["ShopCheckoutDelivery"]
    problems: Optional[
        list[
            Annotated[
                Union[
                    "ShopCheckoutProblemsCheckoutProblemDeliveryMethodStale",
                    "ShopCheckoutProblemsCheckoutProblemDeliveryMethodInvalid",
                    "ShopCheckoutProblemsCheckoutLineProblemInsufficientStock",
                    "ShopCheckoutProblemsCheckoutLineProblemVariantNotAvailable",
                ],
                Field(discriminator="typename__"),
            ]
        ]
    ]


class ShopCheckoutLines(BaseModel):
    id: str
    quantity: int
    unit_price: "ShopCheckoutLinesUnitPrice" = Field(alias="unitPrice")
    total_price: "ShopCheckoutLinesTotalPrice" = Field(alias="totalPrice")
    variant: "ShopCheckoutLinesVariant"


class ShopCheckoutLinesUnitPrice(BaseModel):
    gross: "ShopCheckoutLinesUnitPriceGross"


class ShopCheckoutLinesUnitPriceGross(CartMoney):
    pass


class ShopCheckoutLinesTotalPrice(BaseModel):
    gross: "ShopCheckoutLinesTotalPriceGross"


class ShopCheckoutLinesTotalPriceGross(CartMoney):
    pass


class ShopCheckoutLinesVariant(BaseModel):
    id: str
    name: str
    quantity_available: Optional[int] = Field(alias="quantityAvailable")
    translation: Optional["ShopCheckoutLinesVariantTranslation"]
    product: "ShopCheckoutLinesVariantProduct"


class ShopCheckoutLinesVariantTranslation(BaseModel):
    name: str


class ShopCheckoutLinesVariantProduct(BaseModel):
    id: str
    slug: str
    name: str
    translation: Optional["ShopCheckoutLinesVariantProductTranslation"]
    product_type: "ShopCheckoutLinesVariantProductProductType" = Field(
        alias="productType"
    )


class ShopCheckoutLinesVariantProductTranslation(BaseModel):
    name: Optional[str]


class ShopCheckoutLinesVariantProductProductType(BaseModel):
    is_shipping_required: bool = Field(alias="isShippingRequired")


class ShopCheckoutSubtotalPrice(BaseModel):
    gross: "ShopCheckoutSubtotalPriceGross"


class ShopCheckoutSubtotalPriceGross(CartMoney):
    pass


class ShopCheckoutShippingPrice(BaseModel):
    gross: "ShopCheckoutShippingPriceGross"


class ShopCheckoutShippingPriceGross(CartMoney):
    pass


class ShopCheckoutTotalPrice(BaseModel):
    gross: "ShopCheckoutTotalPriceGross"


class ShopCheckoutTotalPriceGross(CartMoney):
    pass


class ShopCheckoutShippingAddress(BaseModel):
    first_name: str = Field(alias="firstName")
    phone: Optional[str]
    street_address_1: str = Field(alias="streetAddress1")
    city: str
    country_area: str = Field(alias="countryArea")


class ShopCheckoutBillingAddress(BaseModel):
    first_name: str = Field(alias="firstName")
    phone: Optional[str]


class ShopCheckoutShippingMethods(BaseModel):
    id: str
    name: str
    price: "ShopCheckoutShippingMethodsPrice"


class ShopCheckoutShippingMethodsPrice(CartMoney):
    pass


class ShopCheckoutDelivery(BaseModel):
    shipping_method: Optional["ShopCheckoutDeliveryShippingMethod"] = Field(
        alias="shippingMethod"
    )


class ShopCheckoutDeliveryShippingMethod(BaseModel):
    id: str


class ShopCheckoutProblemsCheckoutProblemDeliveryMethodStale(BaseModel):
    typename__: Literal["CheckoutProblemDeliveryMethodStale"] = Field(
        alias="__typename"
    )


class ShopCheckoutProblemsCheckoutProblemDeliveryMethodInvalid(BaseModel):
    typename__: Literal["CheckoutProblemDeliveryMethodInvalid"] = Field(
        alias="__typename"
    )


class ShopCheckoutProblemsCheckoutLineProblemInsufficientStock(BaseModel):
    typename__: Literal["CheckoutLineProblemInsufficientStock"] = Field(
        alias="__typename"
    )
    available_quantity: Optional[int] = Field(alias="availableQuantity")
    line: "ShopCheckoutProblemsCheckoutLineProblemInsufficientStockLine"


class ShopCheckoutProblemsCheckoutLineProblemInsufficientStockLine(BaseModel):
    id: str


class ShopCheckoutProblemsCheckoutLineProblemVariantNotAvailable(BaseModel):
    typename__: Literal["CheckoutLineProblemVariantNotAvailable"] = Field(
        alias="__typename"
    )
    line: "ShopCheckoutProblemsCheckoutLineProblemVariantNotAvailableLine"


class ShopCheckoutProblemsCheckoutLineProblemVariantNotAvailableLine(BaseModel):
    id: str


class ShopCheckoutError(BaseModel):
    field: Optional[str]
    code: CheckoutErrorCode
    message: Optional[str]
    lines: Optional[list[str]]
    variants: Optional[list[str]]
    address_type: Optional[AddressTypeEnum] = Field(alias="addressType")


class ShopOrder(BaseModel):
    id: str
    number: str
    created: datetime
    is_shipping_required: bool = Field(alias="isShippingRequired")
    total: "ShopOrderTotal"
    subtotal: "ShopOrderSubtotal"
    shipping_price: "ShopOrderShippingPrice" = Field(alias="shippingPrice")
    lines: list["ShopOrderLines"]


class ShopOrderTotal(BaseModel):
    gross: "ShopOrderTotalGross"


class ShopOrderTotalGross(CartMoney):
    pass


class ShopOrderSubtotal(BaseModel):
    gross: "ShopOrderSubtotalGross"


class ShopOrderSubtotalGross(CartMoney):
    pass


class ShopOrderShippingPrice(BaseModel):
    gross: "ShopOrderShippingPriceGross"


class ShopOrderShippingPriceGross(CartMoney):
    pass


class ShopOrderLines(BaseModel):
    product_name: str = Field(alias="productName")
    variant_name: str = Field(alias="variantName")
    quantity: int
    unit_price: "ShopOrderLinesUnitPrice" = Field(alias="unitPrice")
    total_price: "ShopOrderLinesTotalPrice" = Field(alias="totalPrice")


class ShopOrderLinesUnitPrice(BaseModel):
    gross: "ShopOrderLinesUnitPriceGross"


class ShopOrderLinesUnitPriceGross(CartMoney):
    pass


class ShopOrderLinesTotalPrice(BaseModel):
    gross: "ShopOrderLinesTotalPriceGross"


class ShopOrderLinesTotalPriceGross(CartMoney):
    pass


class ShopTransactionEvent(BaseModel):
    type_: Optional[TransactionEventTypeEnum] = Field(alias="type")
    message: str


CartMoney.model_rebuild()
CatalogueCollection.model_rebuild()
CatalogueProducer.model_rebuild()
CatalogueProduct.model_rebuild()
CatalogueProductNode.model_rebuild()
CustomerAccountError.model_rebuild()
CustomerAddress.model_rebuild()
CustomerMoney.model_rebuild()
CustomerOrder.model_rebuild()
PayoutOrderNode.model_rebuild()
PortalStoryPageState.model_rebuild()
ProducerOrderNode.model_rebuild()
ProducerPageNode.model_rebuild()
ReindexProduct.model_rebuild()
ShopCheckout.model_rebuild()
ShopCheckoutError.model_rebuild()
ShopOrder.model_rebuild()
ShopTransactionEvent.model_rebuild()
