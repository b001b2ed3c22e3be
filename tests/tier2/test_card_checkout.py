"""Tier 2: shoppers pay by card and on delivery in a real Saleor 3.23, the app ``ocop.market`` installed and
localstripe as Stripe, and get orders charged right to the đồng.

The card journey (tests/buying/card_journey.py: a decline first, then a card whose bank asks the shopper
to confirm; a product withdrawn before paying is never paid for) runs through the web service; then real
headless Chromium buys from a product page at 360 px, by card (localstripe's card element) and cash on
delivery with JavaScript off, with screenshots under test-results/buying-tier2/. Saleor's own order rows
say what was charged.

With ``OCOP_RECORD_BUYING=1`` the card journey (re)records the Saleor replies tier 1 replays
(tests/fixtures/saleor/18_buying_card.json; the client secrets scrubbed).
"""

from __future__ import annotations

import base64
import io
import time
from decimal import Decimal

import httpx
import pytest
from django.core.management import call_command
from django.test import Client

from catalog_sync.app.models import Installation
from catalog_sync.payments.models import StripeEvent
from storefront.buying import session
from tests.buying import card_journey, journeys
from tests.localstripe import CARD_OK, PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET
from tests.tier2.app_install import staff_install_app

from . import buying_browser
from .test_buying import PRODUCTS, UNPUBLISH, journey_products, saleor_order

pytestmark = pytest.mark.django_db(transaction=True)


def charged(saleor_env, number: str) -> dict:
    """What Saleor's order row says was charged (Saleor's ``Order.totalCharged`` and ``chargeStatus``)."""
    (row,) = saleor_env.sql("SELECT total_charged_amount, charge_status FROM order_order WHERE number = %s",
                            (int(number),))
    return {"total_charged": row[0], "charge_status": row[1]}


def test_shoppers_pay_by_card_or_on_delivery_and_saleor_holds_orders_charged_right_to_the_dong(
    live_server, settings, saleor_api, saleor_env, shared_data, localstripe, monkeypatch, browser
):
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.APP_PUBLIC_URL = live_server.url
    settings.STRIPE_API_BASE = localstripe.url
    # given the demo store
    call_command("demo", "--data", str(shared_data), "--json", stdout=io.StringIO(), stderr=io.StringIO())
    nodes = [e["node"] for e in saleor_api.graphql(PRODUCTS, {"channel": "ocop-vn"}, token=None)["data"]
             ["products"]["edges"]]
    goods = sorted((n for n in nodes if n["productType"]["slug"] == "ocop-product"
                    and 8 <= n["variants"][0]["quantityAvailable"] < 49), key=lambda n: (n["variants"][0][
                        "quantityAvailable"], n["id"]))
    ids = [goods[0]["id"], goods[1]["id"], goods[2]["id"]]
    channel = saleor_api.data('{ channel(slug: "ocop-vn") { id } }')["channel"]
    # and the app installed by staff, with Stripe test keys for ocop-vn (localstripe)
    staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    assert Installation.objects.count() == 1
    call_command("payments_configure_stripe", "--channel", "ocop-vn", "--secret-key", SECRET_KEY,
                 "--publishable-key", PUBLISHABLE_KEY, "--webhook-secret", WEBHOOK_SECRET, stdout=io.StringIO())
    localstripe.send_webhooks_to(f"{live_server.url}/saleor/stripe/ocop-vn/")

    def give_card(number: str) -> str:
        """What localstripe's Stripe.js does with a typed card: a token, with the publishable key only."""
        token = httpx.post(f"{localstripe.url}/v1/tokens", data={
            "card[number]": number, "card[exp_month]": "12", "card[exp_year]": "2030", "card[cvc]": "123",
            "key": PUBLISHABLE_KEY}, timeout=10).raise_for_status().json()
        return token["card"]["id"]

    def withdraw(product):
        saleor_api.data(UNPUBLISH, {"id": product.id, "channel": channel["id"]})
        journeys.leave_read_model(product)

    # when a shopper pays by card through the web service (a decline first)
    products, _ = journey_products(monkeypatch, saleor_api, "18_buying_card", ids)
    def confirm_with_bank(client_secret: str) -> None:  # the shopper passes 3-D Secure in Stripe.js
        localstripe.authenticate(client_secret.split("_secret_")[0], client_secret)

    number, total = card_journey.card_journey(Client(), products, withdraw, give_card, confirm_with_bank)
    # then Saleor's order is charged in full, exactly its total in đồng
    order = saleor_order(saleor_env, number)
    assert (order["total"], order["currency"], order["lines"]) == (total, "VND", 1)
    assert charged(saleor_env, number) == {"total_charged": total, "charge_status": "full"}
    # and Stripe took exactly that many đồng once (VND has no minor unit)
    intents = localstripe.http.get("/v1/payment_intents", params={"limit": 100}).raise_for_status().json()["data"]
    succeeded = [i for i in intents if i["status"] == "succeeded"]
    assert [(i["amount"], i["currency"]) for i in succeeded] == [(int(total), "vnd")]

    # when shoppers buy in Chromium at 360 px, from a product page, by card and on delivery (JavaScript off)
    session.forget_clients()
    monkeypatch.undo()  # the shop's own transport again (no recording)
    settings.STRIPE_API_BASE = localstripe.url
    goods_page = products.goods
    card_number = buying_browser.buy(browser, live_server.url, goods_page, "card")
    cod_number = buying_browser.buy(browser, live_server.url, goods_page, "cod", javascript=False)
    # then the card order is charged in full and the cash-on-delivery one not at all, both to Saleor's total
    unit = goods_page.variants[0].price
    card_order, cod_order = saleor_order(saleor_env, card_number), saleor_order(saleor_env, cod_number)
    assert card_order["total"] == cod_order["total"] == unit + journeys.SHIPPING
    assert charged(saleor_env, card_number) == {"total_charged": unit + journeys.SHIPPING, "charge_status": "full"}
    assert charged(saleor_env, cod_number) == {"total_charged": Decimal(0), "charge_status": "none"}

    # when a shopper's card is confirmed by Stripe.js in the browser (as the Payment Element does) and they
    # close the tab before the page comes back
    shopper = Client()
    journeys.add(shopper, goods_page, 1)
    assert journeys.checkout(shopper, payment_method="card")["Location"] == "/checkout/pay/"
    secret = card_journey.card_form(shopper.get("/checkout/pay/"))["data-client-secret"]
    intent_id = secret.split("_secret_")[0]
    assert localstripe.pay(intent_id, CARD_OK).status_code == 200
    # then Stripe's webhook tells Saleor (the app's transactionEventReport): the checkout is paid in full
    checkout_id = session.cart_id(shopper.get("/cart/").wsgi_request)
    state = "query($id: ID!) { checkout(id: $id) { chargeStatus } }"
    deadline = time.monotonic() + 30
    while saleor_api.data(state, {"id": checkout_id}, token=None)["checkout"]["chargeStatus"] != "FULL":
        assert time.monotonic() < deadline, "Stripe's webhook did not reach Saleor within 30 s"
        time.sleep(0.3)
    # and when they come back to the card step, the order is placed from that payment, charged once
    back = shopper.get("/checkout/pay/")
    late_number = journeys.order_number(back)
    assert charged(saleor_env, late_number) == {"total_charged": unit + journeys.SHIPPING, "charge_status": "full"}
    assert localstripe.intent(intent_id)["amount"] == int(unit + journeys.SHIPPING)

    # when another shopper pays by card the same way and never comes back
    gone = Client()
    journeys.add(gone, goods_page, 1)
    assert journeys.checkout(gone, payment_method="card")["Location"] == "/checkout/pay/"
    gone_intent = card_journey.card_form(gone.get("/checkout/pay/"))["data-client-secret"].split("_secret_")[0]
    assert localstripe.pay(gone_intent, CARD_OK).status_code == 200
    gone_checkout = session.cart_id(gone.get("/cart/").wsgi_request)
    deadline = time.monotonic() + 30
    while saleor_api.data(state, {"id": gone_checkout}, token=None)["checkout"]["chargeStatus"] != "FULL":
        assert time.monotonic() < deadline, "Stripe's webhook did not reach Saleor within 30 s"
        time.sleep(0.3)
    # then the channel, as bootstrap set it, has Saleor complete paid checkouts itself after 10 minutes
    completion = "SELECT automatically_complete_fully_paid_checkouts, automatic_completion_delay " \
                 "FROM channel_channel WHERE slug = 'ocop-vn'"
    assert saleor_env.sql(completion) == [(True, 10)]
    token = base64.b64decode(gone_checkout).decode().split(":", 1)[1]
    assert saleor_env.sql("SELECT number FROM order_order WHERE checkout_token = %s", (token,)) == []
    # and once the wait is over (shortened to none here), Saleor's periodic task (its beat runs it each minute)
    # places the order, charged once, in full
    saleor_env.sql("UPDATE channel_channel SET automatic_completion_delay = 0 WHERE slug = 'ocop-vn'")
    saleor_env.manage("shell", "-c", "from saleor.checkout.tasks import trigger_automatic_checkout_completion_task "
                                     "as trigger; trigger()")
    (gone_number,) = saleor_env.sql("SELECT number FROM order_order WHERE checkout_token = %s", (token,))[0]
    assert charged(saleor_env, str(gone_number)) == {"total_charged": unit + journeys.SHIPPING,
                                                     "charge_status": "full"}
    gone_paid = localstripe.intent(gone_intent)
    assert (gone_paid["status"], gone_paid["amount"]) == ("succeeded", int(unit + journeys.SHIPPING))
    # and every event Stripe sent (a second after each change) was handled before the test ends: none reaches the
    # server after it (each is recorded once handled; one still on its way is waited for)
    deadline = time.monotonic() + 30
    while unhandled := {event["id"] for event in localstripe.http.get("/v1/events", params={"limit": 100}).json()[
            "data"] if event["type"].startswith("payment_intent.")} - set(StripeEvent.objects.values_list(
                "event_id", flat=True)):
        assert time.monotonic() < deadline, f"Stripe's events not handled within 30 s: {sorted(unhandled)}"
        time.sleep(0.3)
    session.forget_clients()
