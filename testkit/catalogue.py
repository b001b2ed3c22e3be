"""Build the OCOP catalogue in a real Saleor through its GraphQL API (docs/design.md, "The Saleor catalogue")."""

from __future__ import annotations

from dataclasses import dataclass, field

CHANNEL_SLUG = "ocop-vn"

CHANNEL = """mutation($input: ChannelCreateInput!) { channelCreate(input: $input) {
  channel { id slug } errors { field message code } } }"""
WAREHOUSE = """mutation($input: WarehouseCreateInput!) { createWarehouse(input: $input) {
  warehouse { id } errors { field message code } } }"""
CHANNEL_UPDATE = """mutation($id: ID!, $input: ChannelUpdateInput!) { channelUpdate(id: $id, input: $input) {
  channel { id } errors { field message code } } }"""
ZONE = """mutation($input: ShippingZoneCreateInput!) { shippingZoneCreate(input: $input) {
  shippingZone { id } errors { field message code } } }"""
ATTRIBUTE = """mutation($input: AttributeCreateInput!) { attributeCreate(input: $input) {
  attribute { id slug } errors { field message code } } }"""
PRODUCT_TYPE = """mutation($input: ProductTypeInput!) { productTypeCreate(input: $input) {
  productType { id slug } errors { field message code } } }"""
BULK = """mutation($products: [ProductBulkCreateInput!]!) { productBulkCreate(products: $products) {
  count results { product { id slug variants { id } } errors { path message code } } } }"""
LISTING = """mutation($id: ID!, $input: ProductChannelListingUpdateInput!) {
  productChannelListingUpdate(id: $id, input: $input) { errors { field message code } } }"""


@dataclass
class Catalogue:
    channel_id: str
    warehouse_id: str
    attributes: dict[str, str]
    product_types: dict[str, str]
    products: dict[str, dict] = field(default_factory=dict)  # slug -> {"id", "variant_id"}


def build_base(api) -> Catalogue:
    channel = api.data(CHANNEL, {"input": {
        "name": "OCOP Việt Nam", "slug": CHANNEL_SLUG, "currencyCode": "VND", "defaultCountry": "VN",
        "isActive": True}})["channelCreate"]["channel"]
    warehouse = api.data(WAREHOUSE, {"input": {
        "name": "Kho Hà Nội", "slug": "kho-ha-noi", "email": "kho@example.vn",
        "address": {"streetAddress1": "1 Tràng Tiền", "city": "Hà Nội", "country": "VN",
                    "companyName": "OCOP Market", "phone": "+84912345678"}}})["createWarehouse"]["warehouse"]
    api.data(CHANNEL_UPDATE, {"id": channel["id"], "input": {"addWarehouses": [warehouse["id"]]}})
    api.data(ZONE, {"input": {"name": "Việt Nam", "countries": ["VN"], "addWarehouses": [warehouse["id"]],
                              "addChannels": [channel["id"]]}})
    attributes = {}
    for slug, input_type, name in (
        ("ocop-certificate", "PLAIN_TEXT", "Giấy chứng nhận OCOP"),
        ("ocop-stars", "NUMERIC", "Số sao OCOP"),
        ("ocop-valid-until", "DATE", "Hiệu lực đến"),
    ):
        attributes[slug] = api.data(ATTRIBUTE, {"input": {
            "name": name, "slug": slug, "type": "PRODUCT_TYPE", "inputType": input_type}})["attributeCreate"][
            "attribute"]["id"]
    product_types = {}
    for slug, name, attrs in (("ocop-product", "Sản phẩm OCOP", list(attributes.values())),
                              ("other-product", "Other", [])):
        product_types[slug] = api.data(PRODUCT_TYPE, {"input": {
            "name": name, "slug": slug, "hasVariants": False, "isShippingRequired": True, "kind": "NORMAL",
            "productAttributes": attrs}})["productTypeCreate"]["productType"]["id"]
    return Catalogue(channel["id"], warehouse["id"], attributes, product_types)


def add_products(api, catalogue: Catalogue, specs: list[dict]) -> None:
    """specs: {"slug", "certificate": str|None, "type": "ocop-product"|"other-product", "stars", "valid_until",
    "listing": extra ProductChannelListingCreateInput fields}."""
    products = []
    for spec in specs:
        attributes = []
        if spec.get("certificate") is not None:
            attributes.append({"id": catalogue.attributes["ocop-certificate"], "plainText": spec["certificate"]})
        if spec.get("stars") is not None:
            attributes.append({"id": catalogue.attributes["ocop-stars"], "numeric": str(spec["stars"])})
        if spec.get("valid_until") is not None:
            attributes.append({"id": catalogue.attributes["ocop-valid-until"], "date": spec["valid_until"]})
        listing = {"channelId": catalogue.channel_id, "isPublished": True, "visibleInListings": True,
                   "isAvailableForPurchase": True, **spec.get("listing", {})}
        products.append({
            "productType": catalogue.product_types[spec.get("type", "ocop-product")],
            "name": spec.get("name", spec["slug"]),
            "slug": spec["slug"],
            "attributes": attributes,
            "channelListings": [listing],
            "variants": [{
                "sku": spec["slug"], "attributes": [], "trackInventory": True,
                "stocks": [{"warehouse": catalogue.warehouse_id, "quantity": 100}],
                "channelListings": [{"channelId": catalogue.channel_id, "price": "150000"}],
            }],
        })
    for start in range(0, len(products), 50):
        reply = api.data(BULK, {"products": products[start:start + 50]})["productBulkCreate"]
        for result in reply["results"]:
            assert not result["errors"], result["errors"]
            product = result["product"]
            catalogue.products[product["slug"]] = {"id": product["id"], "variant_id": product["variants"][0]["id"]}


def unpublish(api, catalogue: Catalogue, slug: str) -> None:
    api.data(LISTING, {"id": catalogue.products[slug]["id"], "input": {"updateChannels": [
        {"channelId": catalogue.channel_id, "isPublished": False}]}})


VISIBLE = """query($after: String) { products(channel: "ocop-vn", first: 100, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { slug isAvailableForPurchase } } } }"""

CHECKOUT = """mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) {
  checkout { id lines { variant { product { slug } } } } errors { field message code } } }"""


def visible_slugs(api) -> set[str]:
    """What an anonymous customer sees in the ocop-vn channel."""
    slugs, after = set(), None
    while True:
        page = api.data(VISIBLE, {"after": after}, token=None)["products"]
        slugs |= {edge["node"]["slug"] for edge in page["edges"]}
        if not page["pageInfo"]["hasNextPage"]:
            return slugs
        after = page["pageInfo"]["endCursor"]


def can_buy(api, catalogue: Catalogue, slug: str) -> bool:
    """An anonymous checkoutCreate with one line of the product succeeds."""
    reply = api.graphql(CHECKOUT, {"input": {
        "channel": CHANNEL_SLUG, "email": "khach@example.vn",
        "lines": [{"variantId": catalogue.products[slug]["variant_id"], "quantity": 1}]}}, token=None)
    body = reply.get("data", {}).get("checkoutCreate") or {}
    return not reply.get("errors") and not body.get("errors") and bool(body.get("checkout"))


LISTING_STATE = """query($id: ID!) { product(id: $id) {
  channelListings { channel { slug } isPublished publishedAt visibleInListings availableForPurchaseAt }
  attributes { attribute { slug } values { name plainText date } } } }"""


def listing_state(api, catalogue: Catalogue, slug: str) -> list[dict]:
    return api.data(LISTING_STATE, {"id": catalogue.products[slug]["id"]})["product"]["channelListings"]


def attribute_values(api, catalogue: Catalogue, slug: str) -> dict[str, str | None]:
    product = api.data(LISTING_STATE, {"id": catalogue.products[slug]["id"]})["product"]
    out: dict[str, str | None] = {}
    for item in product["attributes"]:
        values = item["values"]
        if not values:
            out[item["attribute"]["slug"]] = None
        elif item["attribute"]["slug"] == "ocop-valid-until":
            out[item["attribute"]["slug"]] = values[0]["date"]
        elif item["attribute"]["slug"] == "ocop-certificate":
            out[item["attribute"]["slug"]] = values[0]["plainText"]
        else:
            out[item["attribute"]["slug"]] = values[0]["name"]
    return out
