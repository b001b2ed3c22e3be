"""Tier 2: a shopper buys from the demo store in a real Saleor 3.23, cash on delivery.

Goods end in a Saleor order charged right to the đồng (the goods at Saleor's price plus delivery), a
tourism service (ocop-service) is bought without any address, a mixed cart ships only its goods, and a
product withdrawn while in a cart cannot be bought. Every one of the 34 provinces is accepted by Saleor's
address validation as the checkout form sends it.

With ``OCOP_RECORD_BUYING=1`` the journeys also (re)record the Saleor replies tier 1 replays
(tests/fixtures/saleor/14_buying_cart.json … 17_buying_address_rules.json).
"""

from __future__ import annotations

import datetime
import io
import json
import os
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from catalog_sync.domain.provinces import PROVINCES
from catalog_sync.saleor import SaleorClient, make_transport
from catalog_sync.saleor.recording import RecordingTransport
from catalog_sync.saleor.shopping import AddressInput, CheckoutRefused, Shop
from storefront.buying import session
from storefront.buying.forms import saleor_province
from tests.buying import journeys

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "saleor"
RECORD = os.environ.get("OCOP_RECORD_BUYING") == "1"
PRODUCTS = """query($channel: String!) { products(first: 100, channel: $channel) { edges { node {
  id productType { slug } variants { id quantityAvailable } } } } }"""
SETTINGS = """mutation($id: ID!, $allow: Boolean!) { channelUpdate(id: $id, input: {
  orderSettings: {allowUnpaidOrders: $allow}}) { errors { field code message } } }"""
UNPUBLISH = """mutation($id: ID!, $channel: ID!) { productChannelListingUpdate(id: $id, input: {
  updateChannels: [{channelId: $channel, isPublished: false}]}) { errors { field code message } } }"""


def transport_for(cassette: str):
    transport = make_transport()
    if RECORD:
        (FIXTURES / f"{cassette}.json").unlink(missing_ok=True)
        transport = RecordingTransport(transport, FIXTURES / f"{cassette}.json")
    return transport


def fresh_cache(monkeypatch) -> None:
    """A cache no journey has used, as each tier-1 test has: what the shop knows from Saleor's earlier answers
    (known.py) decides what it asks, and a replayed journey must ask the same."""
    from django.core.cache.backends.base import BaseCache

    prefix = f"ocop-test-{uuid.uuid4().hex}"
    monkeypatch.setattr(BaseCache, "make_key", lambda self, key, version=None: self.key_func(
        key, prefix, self.version if version is None else version))


def journey_products(monkeypatch, saleor_api, cassette: str, ids: list[str]) -> tuple[journeys.Products, object]:
    fresh_cache(monkeypatch)
    transport = transport_for(cassette)
    monkeypatch.setattr("storefront.buying.session.make_transport", lambda: transport)
    session.forget_clients()
    return journeys.fill_read_model(SaleorClient(saleor_api.url, None, transport=transport), ids), transport


def saleor_order(saleor_env, number: str) -> dict:
    (row,) = saleor_env.sql(
        "SELECT total_gross_amount, shipping_price_gross_amount, currency, charge_status, shipping_address_id, "
        "(SELECT count(*) FROM order_orderline l WHERE l.order_id = o.id) FROM order_order o WHERE number = %s",
        (int(number),))
    return dict(zip(("total", "shipping", "currency", "charge_status", "shipping_address", "lines"), row, strict=True))


def test_a_shopper_buys_goods_and_a_service_cash_on_delivery_and_never_a_withdrawn_product(
    settings, saleor_api, saleor_env, shared_data, make_certificate, monkeypatch
):
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    # given the demo store, with a community tourism service certified in group 6
    make_certificate(id="LC-2025-0001", product_name="Du lịch cộng đồng bản Cát Cát", producer="HTX Du lịch Cát Cát",
                     issued_on=datetime.date(2025, 4, 1), decision_no="210/QĐ-UBND", province="lao-cai",
                     group="du-lich", product_set="dich-vu-du-lich")
    call_command("demo", "--data", str(shared_data), "--json", stdout=io.StringIO(), stderr=io.StringIO())
    nodes = [e["node"] for e in saleor_api.graphql(PRODUCTS, {"channel": "ocop-vn"}, token=None)["data"]
             ["products"]["edges"]]
    goods = sorted((n for n in nodes if n["productType"]["slug"] == "ocop-product"
                    and 5 <= n["variants"][0]["quantityAvailable"] < 49), key=lambda n: (n["variants"][0][
                        "quantityAvailable"], n["id"]))
    (service,) = [n for n in nodes if n["productType"]["slug"] == "ocop-service"]
    ids = [goods[0]["id"], goods[1]["id"], service["id"]]
    # and the channel takes unpaid orders (bootstrap sets it), also where an earlier bootstrap left it off
    read = '{ channel(slug: "ocop-vn") { id orderSettings { allowUnpaidOrders } } }'
    channel = saleor_api.data(read)["channel"]
    assert channel["orderSettings"]["allowUnpaidOrders"] is True
    saleor_api.data(SETTINGS, {"id": channel["id"], "allow": False})
    report = io.StringIO()
    call_command("saleor_bootstrap", "--json", stdout=report)
    assert json.loads(report.getvalue())["updated"] == ["channel ocop-vn"]
    assert saleor_api.data(read)["channel"]["orderSettings"]["allowUnpaidOrders"] is True
    report = io.StringIO()
    call_command("saleor_bootstrap", "--json", stdout=report)
    assert json.loads(report.getvalue())["updated"] == [] and json.loads(report.getvalue())["created"] == []

    timings: dict[str, float] = {}

    # the cart
    products, _ = journey_products(monkeypatch, saleor_api, "14_buying_cart", ids)
    started = time.monotonic()
    journeys.cart_journey(Client(), products)
    timings["cart journey"] = time.monotonic() - started

    # a service without an address; a mixed cart ships only the goods
    products, _ = journey_products(monkeypatch, saleor_api, "16_buying_service", ids)
    service_number, mixed_number = journeys.service_journey(Client(), products)
    service_order, mixed_order = saleor_order(saleor_env, service_number), saleor_order(saleor_env, mixed_number)
    assert service_order == {"total": products.service.variants[0].price * 2, "shipping": Decimal(0),
                             "currency": "VND", "charge_status": "none", "shipping_address": None, "lines": 1}
    assert mixed_order["total"] == products.service.variants[0].price + products.goods.variants[0].price + \
        journeys.SHIPPING
    assert mixed_order["shipping"] == journeys.SHIPPING and mixed_order["shipping_address"] is not None

    # Saleor's address rules for VN, as the form sends them
    products, transport = journey_products(monkeypatch, saleor_api, "17_buying_address_rules", ids)
    shop = Shop(SaleorClient(saleor_api.url, None, transport=transport))
    cart = shop.create(products.goods.variants[0].id, 1)
    hue = AddressInput("Trần Thị Bình", "+842343822123", "3 Lê Lợi", "Phường Thuận Hóa", "Huế")
    with pytest.raises(CheckoutRefused):
        shop.set_shipping_address(cart.id, hue)
    accepted = shop.set_shipping_address(cart.id, AddressInput(hue.name, hue.phone, hue.street, hue.ward,
                                                               "Thừa Thiên–Huế"))
    assert accepted.shipping_address.province == "Thừa Thiên–Huế"
    unrecorded = Shop(SaleorClient(saleor_api.url, None))
    for province in PROVINCES:  # every current province, as the form names it to Saleor
        address = AddressInput("Trần Thị Bình", "+84912345678", "3 Lê Lợi", "Phường Một", saleor_province(province))
        assert unrecorded.set_shipping_address(cart.id, address).shipping_address.province == \
            saleor_province(province), province.slug

    # goods cash on delivery; a product withdrawn while in the cart is never bought
    products, _ = journey_products(monkeypatch, saleor_api, "15_buying_cod", ids)

    def withdraw(product):
        saleor_api.data(UNPUBLISH, {"id": product.id, "channel": channel["id"]})
        journeys.leave_read_model(product)

    started = time.monotonic()
    number = journeys.cod_journey(Client(), products, withdraw)
    timings["cod journey"] = time.monotonic() - started
    order = saleor_order(saleor_env, number)
    assert order == {"total": products.goods.variants[0].price * 2 + journeys.SHIPPING, "shipping": journeys.SHIPPING,
                     "currency": "VND", "charge_status": "none", "shipping_address": order["shipping_address"],
                     "lines": 1}
    assert order["shipping_address"] is not None
    session.forget_clients()
    print("\n" + ", ".join(f"{name}: {seconds:.2f} s" for name, seconds in timings.items()))
