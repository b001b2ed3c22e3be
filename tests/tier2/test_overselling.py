"""Tier 2: the last units of a product are never sold twice, however many shoppers buy them at once.

Saleor 3.23.28's ``allocate_stocks`` counts no earlier allocation when it also counts reservations
(``check_reservations=True``, which ``checkoutComplete`` always passes): its ``stocks_id`` generator is
consumed by the reservation query, so the allocation query filters on no stock at all. Its only guard is
then the stock check that runs before the stock rows are locked, which completions running at once all
pass (docs/saleor-oversell-report.md). The first test shows that cause inside Saleor with nothing running
at once; the second puts 30 shoppers through the shop's checkout at once against a Saleor with several
worker processes, for a product with 10 in stock, and counts the orders.
"""

from __future__ import annotations

import io
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import Client

from catalog_sync.catalogue import store
from catalog_sync.domain.provinces import province_by_slug
from storefront.buying import session, stocklock
from storefront.buying.forms import saleor_province
from testkit import catalogue_builders as builders
from testkit.saleor_api import SaleorApi
from tests.buying import journeys
from tests.storefront.html_reading import text_of

pytestmark = pytest.mark.django_db(transaction=True)

STOCK = 10
SHOPPERS = 30
STATE = """{ channel(slug: "ocop-vn") { id warehouses { id } }
  productTypes(first: 10) { edges { node { id slug } } } categories(first: 1) { edges { node { id } } } }"""
PRODUCT = """mutation($products: [ProductBulkCreateInput!]!) { productBulkCreate(products: $products) {
  results { product { id variants { id } } errors { path message code } } } }"""
CHECKOUT = """mutation($variant: ID!, $address: AddressInput!) {
  checkoutCreate(input: {channel: "ocop-vn", email: "khach@example.vn", lines: [{variantId: $variant, quantity: 1}],
                         shippingAddress: $address, billingAddress: $address}) {
    checkout { id shippingMethods { id } } errors { field code message } } }"""
DELIVERY = """mutation($id: ID!, $method: ID!) { checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {
  errors { field code message } } }"""
COMPLETE = """mutation($id: ID!) { checkoutComplete(id: $id) { order { number } errors { field code message } } }"""
ADDRESS = {"firstName": "Nguyễn Văn An", "phone": "+84912345678", "streetAddress1": "12 Trần Phú",
           "city": "Phường Xuân Hương - Đà Lạt", "countryArea": saleor_province(province_by_slug("lam-dong")),
           "country": "VN"}
# Inside Saleor: everything in stock already allocated, then one more unit of the same order line allocated
# twice (rolled back), with and without the reservation count; what allocate_stocks did each time.
ALLOCATE_AGAIN = """
import json
from django.db import transaction
from django.db.models import F
from saleor.core.exceptions import InsufficientStock
from saleor.order.fetch import OrderLineInfo
from saleor.order.models import OrderLine
from saleor.site.models import SiteSettings
from saleor.warehouse.management import allocate_stocks
from saleor.warehouse.models import Stock
line = OrderLine.objects.select_related("order__channel", "variant").get(order__number=%d)
outcome = {}
for check_reservations in (False, True):
    with transaction.atomic():
        Stock.objects.filter(product_variant=line.variant).update(quantity=F("quantity_allocated"))
        try:
            allocate_stocks([OrderLineInfo(line=line, quantity=1, variant=line.variant)], "VN", line.order.channel,
                            SiteSettings.objects.get(), None, calculate_stocks_with_shipping_zones=False,
                            check_reservations=check_reservations, checkout_lines=[])
            outcome[str(check_reservations)] = "allocated"
        except InsufficientStock:
            outcome[str(check_reservations)] = "refused"
        transaction.set_rollback(True)
print(json.dumps(outcome))
"""


@pytest.fixture(scope="module")
def crowd_api(saleor_env):
    """Saleor's API with four worker processes, as production runs it: requests really run at once."""
    api = SaleorApi(saleor_env, workers=4)
    api.start()
    try:
        api.create_app_token()
        yield api
    finally:
        api.stop()


def product_in_stock(api, quantity: int, slug: str) -> tuple[str, str]:
    """A goods product in ocop-vn (bootstrapped) with ``quantity`` in stock: (product id, variant id)."""
    state = api.data(STATE)
    product_type = next(e["node"]["id"] for e in state["productTypes"]["edges"] if e["node"]["slug"] == "ocop-product")
    channel = state["channel"]
    (result,) = api.data(PRODUCT, {"products": [{
        "productType": product_type, "category": state["categories"]["edges"][0]["node"]["id"], "name": slug,
        "slug": slug, "attributes": [],
        "channelListings": [{"channelId": channel["id"], "isPublished": True, "visibleInListings": True,
                             "isAvailableForPurchase": True}],
        "variants": [{"sku": slug, "attributes": [], "trackInventory": True,
                      "stocks": [{"warehouse": channel["warehouses"][0]["id"], "quantity": quantity}],
                      "channelListings": [{"channelId": channel["id"], "price": "120000"}]}],
    }]})["productBulkCreate"]["results"]
    assert not result["errors"], result["errors"]
    return result["product"]["id"], result["product"]["variants"][0]["id"]


def ready_checkout(api, variant_id: str) -> str:
    """An anonymous checkout of one unit with its address and delivery set, ready to complete."""
    checkout = api.data(CHECKOUT, {"variant": variant_id, "address": ADDRESS}, token=None)["checkoutCreate"]["checkout"]
    api.data(DELIVERY, {"id": checkout["id"], "method": checkout["shippingMethods"][0]["id"]}, token=None)
    return checkout["id"]


def at_once(calls: list) -> list:
    """Run every call in its own thread, all released together."""
    start = threading.Barrier(len(calls))

    def run(call):
        start.wait()
        try:
            return call()
        finally:
            connections.close_all()  # this thread's database connection

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def allocated(saleor_env, sku: str) -> tuple[int, int]:
    """(quantity, quantity_allocated) of the variant's stock, as Saleor's database holds it."""
    (row,) = saleor_env.sql("SELECT s.quantity, s.quantity_allocated FROM warehouse_stock s JOIN "
                            "product_productvariant v ON v.id = s.product_variant_id WHERE v.sku = %s",
                            (sku,))
    return row


@pytest.fixture
def bootstrapped(settings, crowd_api):
    """The channel ocop-vn, its warehouse, delivery and product types (``saleor_bootstrap``, idempotent)."""
    settings.SALEOR_API_URL, settings.SALEOR_APP_TOKEN = crowd_api.url, crowd_api.app_token
    call_command("saleor_bootstrap", "--json", stdout=io.StringIO())
    return crowd_api


def test_saleor_counts_no_earlier_allocation_when_it_also_counts_reservations(saleor_env, bootstrapped):
    # given an order for one unit placed through Saleor's API, and then the stock made exactly what is allocated
    api = bootstrapped
    _, variant = product_in_stock(api, STOCK, "cause")
    order = api.data(COMPLETE, {"id": ready_checkout(api, variant)}, token=None)["checkoutComplete"]["order"]
    # when Saleor allocates one more unit for it, once as order edits do and once as checkoutComplete does
    outcome = saleor_env.shell_json(ALLOCATE_AGAIN % int(order["number"]))
    # then without the reservation count it refuses (nothing is left), and with it (checkoutComplete) it allocates
    # beyond the stock: the allocation already made is not counted
    assert outcome == {"False": "refused", "True": "allocated"}


def test_thirty_shoppers_buying_the_last_ten_at_once_get_exactly_ten_orders(saleor_env, bootstrapped, monkeypatch):
    api = bootstrapped
    session.forget_clients()
    # (all 30 wait on the lock at once here, one thread each; in production gunicorn's few workers queue them)
    monkeypatch.setattr(stocklock, "WAIT_SECONDS", 300.0)
    # given, straight to Saleor, 30 checkouts completed at once for a product with 10 in stock
    _, direct = product_in_stock(api, STOCK, "straight-to-saleor")
    checkouts = [ready_checkout(api, direct) for _ in range(SHOPPERS)]
    replies = at_once([lambda c=c: api.graphql(COMPLETE, {"id": c}, token=None) for c in checkouts])
    straight = sum(1 for r in replies if ((r.get("data") or {}).get("checkoutComplete") or {}).get("order"))
    # (Saleor alone places more orders than it has stock whenever the completions overlap)
    print(f"\n{SHOPPERS} completions at once straight to Saleor, {STOCK} in stock: {straight} orders, "
          f"{allocated(saleor_env, 'straight-to-saleor')[1]} allocated")

    # given 30 shoppers, each with one unit of another product with 10 in stock in the cart, at the checkout
    product_id, variant = product_in_stock(api, STOCK, "mat-ong-cuoi-cung")
    # (in the read model as a certified product: the shop sells only what it lists)
    assert store.apply_product(builders.product_record(id=product_id, name="Mật ong cuối cùng", variants=(
        builders.variant_record(id=variant, price=Decimal(120_000), quantity_available=STOCK),)))
    shoppers = [Client() for _ in range(SHOPPERS)]
    for shopper in shoppers:
        assert shopper.post("/cart/", {"variant": variant, "quantity": 1}).status_code == 303
        assert shopper.get("/checkout/").status_code == 200
    # when they all place their order, cash on delivery, at the same moment
    placed = at_once([lambda s=s: s.post("/checkout/", journeys.SHOPPER) for s in shoppers])
    # then exactly ten get an order, and the other twenty see "hết hàng" next to the line, with nothing ordered
    ordered = [r for r in placed if r.status_code == 303]
    refused = [r for r in placed if r.status_code != 303]
    assert len(ordered) == STOCK, [r.status_code for r in placed]
    assert {r.status_code for r in refused} == {400}
    assert {text_of(r.content, "line-errors-1") for r in refused} == {"Đã hết hàng."}
    # and Saleor holds ten orders of it, with ten allocated of ten
    (count,) = saleor_env.sql("SELECT count(*) FROM order_orderline l JOIN product_productvariant v "
                              "ON v.id = l.variant_id WHERE v.sku = %s", ("mat-ong-cuoi-cung",))
    assert count == (STOCK,)
    assert allocated(saleor_env, "mat-ong-cuoi-cung") == (STOCK, STOCK)
    session.forget_clients()
    print(f"{SHOPPERS} completions at once through the shop, {STOCK} in stock: {len(ordered)} orders")


def test_a_shopper_who_waited_behind_others_is_told_out_of_stock_only_once_the_last_unit_is_sold(
        saleor_env, bootstrapped, monkeypatch):
    api = bootstrapped
    session.forget_clients()
    # given a product with one unit left, in two shoppers' carts at the checkout
    product_id, variant = product_in_stock(api, 1, "nuoc-mam-cuoi-cung")
    assert store.apply_product(builders.product_record(id=product_id, name="Nước mắm cuối cùng", variants=(
        builders.variant_record(id=variant, price=Decimal(120_000), quantity_available=1),)))
    first, second = Client(), Client()
    for shopper in (first, second):
        assert shopper.post("/cart/", {"variant": variant, "quantity": 1}).status_code == 303
        assert shopper.get("/checkout/").status_code == 200
    monkeypatch.setattr(stocklock, "WAIT_SECONDS", 0.2)
    # when the second places the order while others hold the product longer than a shopper waits, stock left
    with stocklock.variants_locked([variant]):
        waited = second.post("/checkout/", journeys.SHOPPER)
    # then it is asked to try again in a moment, nothing said beside the line
    assert waited.status_code == 409
    assert text_of(waited.content, "checkout-errors") == ("Nhiều người đang mua sản phẩm này cùng lúc. "
                                                          "Vui lòng thử lại sau giây lát.")
    # when the first buys the last unit, and the second tries again while others still hold the product
    assert first.post("/checkout/", journeys.SHOPPER).status_code == 303
    with stocklock.variants_locked([variant]):
        sold_out = second.post("/checkout/", journeys.SHOPPER)
    # then Saleor's answer, read again, puts "hết hàng" beside the line
    assert sold_out.status_code == 400
    assert text_of(sold_out.content, "line-errors-1") == "Đã hết hàng."
    # and Saleor holds one order of it, one allocated of one
    assert allocated(saleor_env, "nuoc-mam-cuoi-cung") == (1, 1)
    session.forget_clients()
