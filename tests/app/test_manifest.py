from pathlib import Path

import pytest
from graphql import build_schema, parse, validate

from catalog_sync.app.manifest import ACCOUNT_EMAILS, ORDER_LINES, ORDER_MONEY, WEBHOOKS
from catalog_sync.payments.subscriptions import PAYMENT_WEBHOOKS

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "shared" / "saleor" / "schema-3.23.28.graphql"


@pytest.fixture(scope="module")
def saleor_schema():
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"Saleor's schema not found at {SCHEMA_PATH}")
    return build_schema(SCHEMA_PATH.read_text())


def test_manifest_names_the_app_its_token_target_and_signed_webhooks(client, settings):
    # given the service's public URL
    settings.APP_PUBLIC_URL = "https://ocop.example.vn"
    # when Saleor reads the manifest
    manifest = client.get("/saleor/manifest/").json()
    # then it names the app, where to post the token and where to deliver events
    assert manifest["id"] == "ocop.market"
    assert manifest["tokenTargetUrl"] == "https://ocop.example.vn/saleor/register/"
    assert manifest["appUrl"] == "https://ocop.example.vn/"
    catalogue = [hook for hook in manifest["webhooks"] if hook["name"].startswith("OCOP catalogue")]
    assert {hook["targetUrl"] for hook in catalogue} == {"https://ocop.example.vn/saleor/webhooks/"}
    events = {event for hook in catalogue for event in hook["asyncEvents"]}
    assert {"PRODUCT_UPDATED", "PRODUCT_DELETED", "PRODUCT_VARIANT_STOCK_UPDATED", "COLLECTION_UPDATED",
            "PAGE_UPDATED", "TRANSLATION_UPDATED"} <= events
    assert "MANAGE_PRODUCTS" in manifest["permissions"]


def test_manifest_defaults_to_the_host_it_was_asked_on(client, settings):
    settings.APP_PUBLIC_URL = None
    manifest = client.get("/saleor/manifest/", HTTP_HOST="localhost").json()
    assert manifest["tokenTargetUrl"] == "http://localhost/saleor/register/"


@pytest.mark.parametrize("hook", (*WEBHOOKS, ACCOUNT_EMAILS, ORDER_LINES, ORDER_MONEY), ids=lambda hook: hook.name)
def test_every_subscription_query_is_valid_against_saleor_3_23(hook, saleor_schema):
    assert validate(saleor_schema, parse(hook.query)) == []


@pytest.mark.parametrize("hook", (*WEBHOOKS, ACCOUNT_EMAILS, ORDER_LINES, ORDER_MONEY), ids=lambda hook: hook.name)
def test_every_event_is_one_saleor_3_23_knows(hook, saleor_schema):
    known = set(saleor_schema.get_type("WebhookEventTypeAsyncEnum").values)
    assert set(hook.events) <= known


def test_manifest_makes_the_app_a_payment_gateway_answering_saleors_payment_webhooks(client, settings):
    settings.APP_PUBLIC_URL = "https://ocop.example.vn"
    manifest = client.get("/saleor/manifest/").json()
    payments = [hook for hook in manifest["webhooks"] if "syncEvents" in hook]
    # then every synchronous payment event is delivered to the payments endpoint
    assert sorted(event for hook in payments for event in hook["syncEvents"]) == [
        "PAYMENT_GATEWAY_INITIALIZE_SESSION", "TRANSACTION_CANCELATION_REQUESTED", "TRANSACTION_CHARGE_REQUESTED",
        "TRANSACTION_INITIALIZE_SESSION", "TRANSACTION_PROCESS_SESSION", "TRANSACTION_REFUND_REQUESTED"]
    assert {hook["targetUrl"] for hook in payments} == {"https://ocop.example.vn/saleor/payments/"}
    assert "HANDLE_PAYMENTS" in manifest["permissions"]


@pytest.mark.parametrize("hook", PAYMENT_WEBHOOKS, ids=lambda hook: hook.event)
def test_every_payment_subscription_is_valid_against_saleor_3_23(hook, saleor_schema):
    assert validate(saleor_schema, parse(hook.query)) == []
    assert hook.event in set(saleor_schema.get_type("WebhookEventTypeSyncEnum").values)


def test_manifest_asks_saleor_for_the_account_emails_and_the_rights_they_need(client, settings):
    settings.APP_PUBLIC_URL = "https://ocop.example.vn"
    manifest = client.get("/saleor/manifest/").json()
    # then the confirmation and password-reset requests are delivered to the account emails endpoint
    (hook,) = [hook for hook in manifest["webhooks"] if hook["targetUrl"].endswith("/saleor/account-emails/")]
    assert hook["targetUrl"] == "https://ocop.example.vn/saleor/account-emails/"
    assert hook["asyncEvents"] == ["ACCOUNT_CONFIRMATION_REQUESTED", "ACCOUNT_SET_PASSWORD_REQUESTED"]
    # and the app may receive them (MANAGE_USERS) and read a guest's order by number (MANAGE_ORDERS)
    assert {"MANAGE_USERS", "MANAGE_ORDERS"} <= set(manifest["permissions"])


def test_manifest_asks_saleor_for_placed_orders_so_producers_hear_of_their_lines(client, settings):
    settings.APP_PUBLIC_URL = "https://ocop.example.vn"
    manifest = client.get("/saleor/manifest/").json()
    # then orders created, confirmed and fully paid are delivered to the order lines endpoint
    (hook,) = [hook for hook in manifest["webhooks"] if hook["targetUrl"].endswith("/saleor/order-lines/")]
    assert hook["targetUrl"] == "https://ocop.example.vn/saleor/order-lines/"
    assert hook["asyncEvents"] == ["ORDER_CREATED", "ORDER_CONFIRMED", "ORDER_FULLY_PAID"]
    # and the app may read and fulfil orders
    assert "MANAGE_ORDERS" in manifest["permissions"]


def test_manifest_asks_saleor_for_each_change_of_an_order_s_money_for_the_payouts_ledger(client, settings):
    settings.APP_PUBLIC_URL = "https://ocop.example.vn"
    manifest = client.get("/saleor/manifest/").json()
    # then payments, fulfilments (goods shipped, services used, returns) and refunds reach the ledger's endpoint
    (hook,) = [hook for hook in manifest["webhooks"] if hook["targetUrl"].endswith("/saleor/payouts/orders/")]
    assert hook["targetUrl"] == "https://ocop.example.vn/saleor/payouts/orders/"
    assert hook["asyncEvents"] == ["ORDER_FULLY_PAID", "ORDER_PAID", "ORDER_FULFILLED", "FULFILLMENT_CREATED",
                                   "ORDER_REFUNDED", "ORDER_FULLY_REFUNDED", "ORDER_UPDATED"]
