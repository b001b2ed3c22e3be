"""Tier 2: customer accounts against a real Saleor 3.23 holding the demo store, with the app installed.

Register → Saleor asks the app to send the confirmation email (ACCOUNT_CONFIRMATION_REQUESTED, signed) →
the web service emails the link → confirm → sign in → buy cash on delivery → the order under the account;
another shopper's order is not found; the guest lookup shows the order only for its email and number; a
forgotten password is reset through the emailed link (ACCOUNT_SET_PASSWORD_REQUESTED).

With ``OCOP_RECORD_ACCOUNTS=1`` the journey also (re)records what tier 1 replays: Saleor's replies
(tests/fixtures/saleor/21_accounts.json; tokens, passwords and secrets scrubbed) and the two account
email webhooks' payloads (tests/fixtures/saleor_webhooks/accounts.json; the token scrubbed).
"""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from catalog_sync.app import signatures
from catalog_sync.app.models import Installation
from catalog_sync.app.readers import StorefrontReader
from catalog_sync.catalogue import store
from catalog_sync.saleor import SaleorClient, make_transport
from catalog_sync.saleor.recording import RecordingTransport, scrub
from storefront.accounts import common
from storefront.accounts import session as account_session
from storefront.buying import session as buying_session
from tests.accounts import journeys
from tests.tier2.app_install import staff_install_app

pytestmark = pytest.mark.django_db(transaction=True)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASSETTE = FIXTURES / "saleor" / "21_accounts.json"
PAYLOADS = FIXTURES / "saleor_webhooks" / "accounts.json"
RECORD = os.environ.get("OCOP_RECORD_ACCOUNTS") == "1"
PRODUCTS = """query($channel: String!) { products(first: 100, channel: $channel) { edges { node {
  id productType { slug } variants { id quantityAvailable } } } } }"""
TOKEN = """mutation($email: String!, $password: String!) { tokenCreate(email: $email, password: $password) {
  token errors { field code } } }"""
ADDRESS = """mutation($input: AddressInput!) { accountAddressCreate(input: $input, type: SHIPPING) {
  address { id } errors { field code message } } }"""
EVENTS = {"confirm": "AccountConfirmationRequested", "set_password": "AccountSetPasswordRequested"}


def wait_for(condition, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            pytest.fail(f"not within {timeout:.0f} s")
        time.sleep(0.2)
    return result


def test_a_customer_registers_confirms_buys_and_finds_the_order_and_a_guest_looks_it_up(
    live_server, settings, saleor_api, saleor_env, shared_data, monkeypatch
):
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.APP_PUBLIC_URL = live_server.url
    settings.PUBLIC_URL = journeys.PUBLIC + "/"
    # given the demo store, and Saleor asking customers to confirm their email (its default)
    call_command("demo", "--data", str(shared_data), "--json", stdout=io.StringIO(), stderr=io.StringIO())
    assert saleor_env.sql("SELECT enable_account_confirmation_by_email FROM site_sitesettings") == [(True,)]
    # and the app installed by staff from its manifest (it subscribes the account emails)
    staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    assert Installation.objects.count() == 1
    nodes = [e["node"] for e in saleor_api.graphql(PRODUCTS, {"channel": "ocop-vn"}, token=None)["data"]
             ["products"]["edges"]]
    goods_id = min((n for n in nodes if n["productType"]["slug"] == "ocop-product"
                    and n["variants"][0]["quantityAvailable"] >= 5), key=lambda n: n["id"])["id"]

    # Saleor's replies to every client of the web service, recorded in order; the email webhooks' bodies
    transport = make_transport()
    if RECORD:
        CASSETTE.unlink(missing_ok=True)
        transport = RecordingTransport(transport, CASSETTE)
    for module in (account_session, common, buying_session):
        monkeypatch.setattr(module, "make_transport", lambda: transport)
    account_session.forget_clients()
    common.forget_app_clients()
    buying_session.forget_clients()
    bodies: list[dict] = []
    verify = signatures.verify

    def keeping(installation, body, signature):
        verify(installation, body, signature)
        payload = json.loads(body)
        if payload.get("__typename") in EVENTS.values():
            bodies.append(payload)

    monkeypatch.setattr(signatures, "verify", keeping)
    recorded: dict[str, dict] = {}

    def deliver_email(kind: str):
        # Saleor's webhook (its worker runs tasks at once here) reached the live server and the email went out
        payload = wait_for(lambda: next((p for p in bodies if p["__typename"] == EVENTS[kind]), None))
        bodies.remove(payload)
        recorded[kind] = scrub(payload)
        assert payload["user"]["email"] == journeys.CUSTOMER["email"]
        message = wait_for(lambda: [m for m in mail.outbox if journeys.CUSTOMER["email"] in m.to])[-1]
        mail.outbox.clear()
        return message

    started = time.monotonic()
    goods = StorefrontReader(SaleorClient(saleor_api.url, None, transport=transport)).product(goods_id)
    assert goods is not None and store.apply_product(goods)
    guest_number = journeys.guest_order(goods)
    customer = Client()
    journeys.register_and_confirm(customer, deliver_email)
    # (the customer keeps an address in Saleor, as its own account API lets them)
    token = saleor_api.data(TOKEN, {"email": journeys.CUSTOMER["email"], "password": journeys.CUSTOMER["password"]},
                            token=None)["tokenCreate"]["token"]
    saleor_api.data(ADDRESS, {"input": journeys.ADDRESS}, token=token)
    number = journeys.signed_in_journey(customer, goods, guest_number,
                                         lambda _number: timezone.localdate().strftime("%d/%m/%Y"))
    journeys.lookup_journey(number, guest_number, goods)
    journeys.password_reset_journey(customer, deliver_email)
    journeys.english_pages(customer)
    seconds = time.monotonic() - started

    # and in Saleor the order is the customer's, unpaid (cash on delivery)
    (row,) = saleor_env.sql("SELECT u.email, o.charge_status FROM order_order o JOIN account_user u "
                            "ON u.id = o.user_id WHERE o.number = %s", (int(number),))
    assert row == (journeys.CUSTOMER["email"], "none")
    assert saleor_env.sql("SELECT user_id FROM order_order WHERE number = %s", (int(guest_number),)) == [(None,)]
    if RECORD:
        PAYLOADS.write_text(json.dumps(recorded, ensure_ascii=False, indent=1) + "\n")
        text = CASSETTE.read_text()
        assert saleor_api.app_token not in text and journeys.CUSTOMER["password"] not in text
        assert journeys.NEW_PASSWORD not in text
    account_session.forget_clients()
    common.forget_app_clients()
    buying_session.forget_clients()
    print(f"\naccount journey: {seconds:.2f} s, {len(json.loads(CASSETTE.read_text())) if RECORD else '?'} "
          "Saleor requests")
