"""A real Saleor ready to take card payments: two channels (VND, USD), a non-shipped product, checkouts.

Used by tests/tier2/test_payments.py; every call goes through Saleor's GraphQL API.
"""

from __future__ import annotations

from dataclasses import dataclass

CHANNEL = """mutation($input: ChannelCreateInput!) { channelCreate(input: $input) {
  channel { id slug } errors { field message code } } }"""
WAREHOUSE = """mutation($input: WarehouseCreateInput!) { createWarehouse(input: $input) {
  warehouse { id } errors { field message code } } }"""
CHANNEL_UPDATE = """mutation($id: ID!, $input: ChannelUpdateInput!) { channelUpdate(id: $id, input: $input) {
  channel { id } errors { field message code } } }"""
ZONE = """mutation($input: ShippingZoneCreateInput!) { shippingZoneCreate(input: $input) {
  shippingZone { id } errors { field message code } } }"""
PRODUCT_TYPE = """mutation($input: ProductTypeInput!) { productTypeCreate(input: $input) {
  productType { id } errors { field message code } } }"""
BULK = """mutation($products: [ProductBulkCreateInput!]!) { productBulkCreate(products: $products) {
  results { product { id variants { id } } errors { path message code } } } }"""
CHECKOUT = """mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) {
  checkout { id totalPrice { gross { amount currency } } } errors { field message code } } }"""
GATEWAY_INITIALIZE = """mutation($id: ID!) { paymentGatewayInitialize(id: $id, paymentGateways: [{id: "ocop.market"}]) {
  gatewayConfigs { id data errors { field message code } } errors { field message code } } }"""
TRANSACTION_INITIALIZE = """mutation($id: ID!, $action: TransactionFlowStrategyEnum, $data: JSON) {
  transactionInitialize(id: $id, action: $action, paymentGateway: {id: "ocop.market", data: $data}) {
    transaction { id pspReference }
    transactionEvent { type amount { amount currency } message }
    data errors { field message code } } }"""
TRANSACTION_PROCESS = """mutation($id: ID!) { transactionProcess(id: $id) {
    transaction { id chargedAmount { amount currency } authorizedAmount { amount currency } }
    transactionEvent { type amount { amount currency } message }
    data errors { field message code } } }"""
CHECKOUT_STATE = """query($id: ID!) { checkout(id: $id) { chargeStatus authorizeStatus
  totalPrice { gross { amount currency } } } }"""
COMPLETE = """mutation($id: ID!) { checkoutComplete(id: $id) {
  order { id number chargeStatus total { gross { amount currency } } totalCharged { amount currency } }
  errors { field message code } } }"""
REQUEST_ACTION = """mutation($id: ID!, $type: TransactionActionEnum!, $amount: PositiveDecimal) {
  transactionRequestAction(id: $id, actionType: $type, amount: $amount) {
    transaction { id chargedAmount { amount currency } authorizedAmount { amount currency }
                  refundedAmount { amount currency } canceledAmount { amount currency } }
    errors { field message code } } }"""
TRANSACTION = """query($id: ID!) { transaction(id: $id) { id pspReference
  chargedAmount { amount currency } authorizedAmount { amount currency } refundedAmount { amount currency }
  canceledAmount { amount currency } events { type pspReference amount { amount currency } } } }"""
ADDRESS = {"firstName": "Lan", "lastName": "Nguyễn", "streetAddress1": "1 Tràng Tiền", "city": "Hà Nội",
           "country": "VN", "phone": "+84912345678"}


@dataclass
class Shop:
    variant_id: str


def build_shop(api) -> Shop:
    """Channels ocop-vn (VND) and ocop-usd (USD), a warehouse, and one tourism service at 125.000 ₫ / $12.34."""
    channels = [api.data(CHANNEL, {"input": {"name": name, "slug": slug, "currencyCode": currency,
                                             "defaultCountry": "VN", "isActive": True}})["channelCreate"]["channel"]
                for name, slug, currency in (("OCOP Việt Nam", "ocop-vn", "VND"), ("OCOP export", "ocop-usd", "USD"))]
    warehouse = api.data(WAREHOUSE, {"input": {
        "name": "Kho Hà Nội", "slug": "kho-ha-noi", "email": "kho@example.vn",
        "address": {"streetAddress1": "1 Tràng Tiền", "city": "Hà Nội", "country": "VN",
                    "companyName": "OCOP Market", "phone": "+84912345678"}}})["createWarehouse"]["warehouse"]
    for channel in channels:
        api.data(CHANNEL_UPDATE, {"id": channel["id"], "input": {"addWarehouses": [warehouse["id"]]}})
    api.data(ZONE, {"input": {"name": "Việt Nam", "countries": ["VN"], "addWarehouses": [warehouse["id"]],
                              "addChannels": [channel["id"] for channel in channels]}})
    product_type = api.data(PRODUCT_TYPE, {"input": {
        "name": "Dịch vụ", "slug": "service", "hasVariants": False, "isShippingRequired": False,
        "kind": "NORMAL"}})["productTypeCreate"]["productType"]["id"]
    prices = {"ocop-vn": "125000", "ocop-usd": "12.34"}
    reply = api.data(BULK, {"products": [{
        "productType": product_type, "name": "Trải nghiệm làng nghề", "slug": "trai-nghiem-lang-nghe",
        "attributes": [],
        "channelListings": [{"channelId": channel["id"], "isPublished": True, "visibleInListings": True,
                             "isAvailableForPurchase": True} for channel in channels],
        "variants": [{"sku": "trai-nghiem", "attributes": [], "trackInventory": True,
                      "stocks": [{"warehouse": warehouse["id"], "quantity": 100}],
                      "channelListings": [{"channelId": channel["id"], "price": prices[channel["slug"]]}
                                          for channel in channels]}],
    }]})["productBulkCreate"]["results"][0]
    assert not reply["errors"], reply["errors"]
    return Shop(variant_id=reply["product"]["variants"][0]["id"])


def new_checkout(api, shop: Shop, channel: str) -> dict:
    return api.data(CHECKOUT, {"input": {
        "channel": channel, "email": "lan@example.vn", "billingAddress": ADDRESS,
        "lines": [{"variantId": shop.variant_id, "quantity": 1}]}}, token=None)["checkoutCreate"]["checkout"]
