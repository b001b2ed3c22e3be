"""Every GraphQL document this project sends to Saleor (checked against Saleor 3.23.28's schema by a test).

Each document names its operation; the client uses that name in error messages.
"""

from __future__ import annotations

# --- state ---------------------------------------------------------------------------------

CATALOGUE_STATE = """
query CatalogueState($channel: String!, $warehouses: [String!], $attributes: [String!],
                     $productTypes: [String!], $pageTypes: [String!], $categories: [String!]) {
  channel(slug: $channel) {
    id slug name currencyCode defaultCountry { code } warehouses { id slug }
    orderSettings { allowUnpaidOrders }
  }
  warehouses(first: 100, filter: {slugs: $warehouses}) {
    edges { node { id slug name } }
  }
  attributes(first: 100, where: {slug: {oneOf: $attributes}}) {
    edges { node {
      id slug name type inputType entityType translation(languageCode: EN) { name }
      choices(first: 100) {
        edges { node { id name slug externalReference translation(languageCode: EN) { name } } }
      }
    } }
  }
  productTypes(first: 100, filter: {slugs: $productTypes}) {
    edges { node { id slug name productAttributes { id slug } } }
  }
  pageTypes(first: 100, filter: {slugs: $pageTypes}) {
    edges { node { id slug name attributes { id slug } } }
  }
  categories(first: 100, filter: {slugs: $categories}) {
    edges { node { id slug name parent { slug } translation(languageCode: EN) { name } } }
  }
}
"""

SHIPPING_ZONES = """
query ShippingZones($search: String, $first: Int, $after: String) {
  shippingZones(filter: {search: $search}, first: $first, after: $after) {
    edges { node {
      id name countries { code } warehouses { id } channels { id }
      shippingMethods { id name channelListings { channel { id } } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

# --- bootstrap mutations ----------------------------------------------------------------------

CHANNEL_CREATE = """
mutation ChannelCreate($input: ChannelCreateInput!) {
  channelCreate(input: $input) { channel { id slug } errors { field code message } }
}
"""

CHANNEL_UPDATE = """
mutation ChannelUpdate($id: ID!, $input: ChannelUpdateInput!) {
  channelUpdate(id: $id, input: $input) { channel { id slug } errors { field code message } }
}
"""

WAREHOUSE_CREATE = """
mutation WarehouseCreate($input: WarehouseCreateInput!) {
  createWarehouse(input: $input) { warehouse { id slug } errors { field code message } }
}
"""

SHIPPING_ZONE_CREATE = """
mutation ShippingZoneCreate($input: ShippingZoneCreateInput!) {
  shippingZoneCreate(input: $input) { shippingZone { id name } errors { field code message } }
}
"""

SHIPPING_ZONE_UPDATE = """
mutation ShippingZoneUpdate($id: ID!, $input: ShippingZoneUpdateInput!) {
  shippingZoneUpdate(id: $id, input: $input) { shippingZone { id name } errors { field code message } }
}
"""

SHIPPING_METHOD_CREATE = """
mutation ShippingMethodCreate($input: ShippingPriceInput!) {
  shippingPriceCreate(input: $input) { shippingMethod { id name } errors { field code message } }
}
"""

SHIPPING_METHOD_LISTING = """
mutation ShippingMethodListing($id: ID!, $input: ShippingMethodChannelListingInput!) {
  shippingMethodChannelListingUpdate(id: $id, input: $input) { shippingMethod { id } errors { field code message } }
}
"""

ATTRIBUTE_CREATE = """
mutation AttributeCreate($input: AttributeCreateInput!) {
  attributeCreate(input: $input) {
    attribute {
      id slug
      choices(first: 100) { edges { node { id name slug externalReference } } }
    }
    errors { field code message }
  }
}
"""

ATTRIBUTE_VALUE_CREATE = """
mutation AttributeValueCreate($attribute: ID!, $input: AttributeValueCreateInput!) {
  attributeValueCreate(attribute: $attribute, input: $input) {
    attributeValue { id name slug externalReference } errors { field code message }
  }
}
"""

ATTRIBUTE_TRANSLATE = """
mutation AttributeTranslate($id: ID!, $language: LanguageCodeEnum!, $input: NameTranslationInput!) {
  attributeTranslate(id: $id, languageCode: $language, input: $input) { attribute { id } errors { field code message } }
}
"""

ATTRIBUTE_VALUE_TRANSLATE = """
mutation AttributeValueTranslate($id: ID!, $language: LanguageCodeEnum!, $input: AttributeValueTranslationInput!) {
  attributeValueTranslate(id: $id, languageCode: $language, input: $input) {
    attributeValue { id } errors { field code message }
  }
}
"""

PAGE_TYPE_CREATE = """
mutation PageTypeCreate($input: PageTypeCreateInput!) {
  pageTypeCreate(input: $input) { pageType { id slug } errors { field code message } }
}
"""

PAGE_ATTRIBUTE_ASSIGN = """
mutation PageAttributeAssign($pageType: ID!, $attributes: [ID!]!) {
  pageAttributeAssign(pageTypeId: $pageType, attributeIds: $attributes) {
    pageType { id } errors { field code message }
  }
}
"""

PRODUCT_TYPE_CREATE = """
mutation ProductTypeCreate($input: ProductTypeInput!) {
  productTypeCreate(input: $input) { productType { id slug } errors { field code message } }
}
"""

PRODUCT_ATTRIBUTE_ASSIGN = """
mutation ProductAttributeAssign($productType: ID!, $operations: [ProductAttributeAssignInput!]!) {
  productAttributeAssign(productTypeId: $productType, operations: $operations) {
    productType { id } errors { field code message }
  }
}
"""

CATEGORY_CREATE = """
mutation CategoryCreate($input: CategoryInput!, $parent: ID) {
  categoryCreate(input: $input, parent: $parent) { category { id slug } errors { field code message } }
}
"""

CATEGORY_TRANSLATE = """
mutation CategoryTranslate($id: ID!, $language: LanguageCodeEnum!, $input: TranslationInput!) {
  categoryTranslate(id: $id, languageCode: $language, input: $input) { category { id } errors { field code message } }
}
"""

# --- catalogue --------------------------------------------------------------------------------

PRODUCER_PAGES = """
query ProducerPages($pageType: ID!, $first: Int, $after: String) {
  pages(where: {pageType: {eq: $pageType}}, first: $first, after: $after) {
    edges { node { id slug title assignedAttributes(limit: 100) {
        attribute { slug }
        ... on AssignedPlainTextAttribute { text: value }
        ... on AssignedNumericAttribute { number: value }
        ... on AssignedDateAttribute { day: value }
        ... on AssignedSingleChoiceAttribute { choice: value { slug } }
        ... on AssignedSinglePageReferenceAttribute { page: value { id } }
      } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

CATALOGUE_PRODUCTS = """
query CatalogueProducts($productTypes: [ID!]!, $first: Int, $after: String) {
  products(where: {productType: {oneOf: $productTypes}}, first: $first, after: $after) {
    edges { node {
      id slug name externalReference category { slug }
      productVariants(first: 1) { edges { node { id } } }
      assignedAttributes(limit: 100) {
        attribute { slug }
        ... on AssignedPlainTextAttribute { text: value }
        ... on AssignedNumericAttribute { number: value }
        ... on AssignedDateAttribute { day: value }
        ... on AssignedSingleChoiceAttribute { choice: value { slug } }
        ... on AssignedSinglePageReferenceAttribute { page: value { id } }
      }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

PAGE_CREATE = """
mutation PageCreate($input: PageCreateInput!) {
  pageCreate(input: $input) { page { id slug } errors { field code message } }
}
"""

PAGE_UPDATE = """
mutation PageUpdate($id: ID!, $input: PageInput!) {
  pageUpdate(id: $id, input: $input) { page { id slug } errors { field code message } }
}
"""

PRODUCT_BULK_CREATE = """
mutation ProductBulkCreate($products: [ProductBulkCreateInput!]!) {
  productBulkCreate(products: $products, errorPolicy: REJECT_FAILED_ROWS) {
    count
    results { product { id slug externalReference productType { slug } } errors { path code message } }
    errors { path code message }
  }
}
"""

PRODUCT_UPDATE = """
mutation ProductUpdate($id: ID!, $input: ProductInput!) {
  productUpdate(id: $id, input: $input) { product { id externalReference } errors { field code message } }
}
"""

# --- demo listings for products that have no variant yet -------------------------------------------

VARIANT_CREATE = """
mutation VariantCreate($input: ProductVariantCreateInput!) {
  productVariantCreate(input: $input) { productVariant { id sku } errors { field code message } }
}
"""

PRODUCT_CHANNEL_LISTING = """
mutation ProductChannelListing($id: ID!, $input: ProductChannelListingUpdateInput!) {
  productChannelListingUpdate(id: $id, input: $input) { product { id } errors { field code message } }
}
"""

VARIANT_CHANNEL_LISTING = """
mutation VariantChannelListing($id: ID!, $input: [ProductVariantChannelListingAddInput!]!) {
  productVariantChannelListingUpdate(id: $id, input: $input) { variant { id } errors { field code message } }
}
"""

ALL_DOCUMENTS: dict[str, str] = {
    name: value for name, value in dict(globals()).items() if name.isupper() and not name.startswith("_")
    and isinstance(value, str) and value.lstrip().startswith(("query", "mutation"))
}
