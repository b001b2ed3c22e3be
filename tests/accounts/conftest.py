"""Tier-1 account tests: Saleor's replies replayed from tests/fixtures/saleor/21_accounts.json and the account
email webhooks from tests/fixtures/saleor_webhooks/accounts.json, both recorded from a real Saleor 3.23 by
tests/tier2/test_accounts.py (``OCOP_RECORD_ACCOUNTS=1``). Deliveries are signed as Saleor signs them,
with a stand-in Saleor's key."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from catalog_sync.app.models import Installation
from catalog_sync.app.readers import StorefrontReader
from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import ProductRecord
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor.recording import ReplayTransport
from storefront.accounts import common
from storefront.accounts import session as account_session
from storefront.buying import session as buying_session
from tests.app.conftest import SigningKey

from . import journeys

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASSETTE = FIXTURES / "saleor" / "21_accounts.json"
PAYLOADS = FIXTURES / "saleor_webhooks" / "accounts.json"
REPLAY_URL = "http://saleor.invalid/graphql/"  # never contacted: the transport answers


def forget() -> None:
    account_session.forget_clients()
    common.forget_app_clients()
    buying_session.forget_clients()


@pytest.fixture
def signing_key(db, settings) -> SigningKey:
    """The app installed in the stand-in Saleor: its deliveries are signed with this key."""
    key = SigningKey("key-1")
    installation = Installation(saleor_api_url=REPLAY_URL, app_id="QXBwOjI=", jwks={"keys": [key.jwk()]},
                                jwks_fetched_at=timezone.now())
    installation.token = "app-token-kept-sealed"
    installation.save()
    return key


def deliver(kind: str, key: SigningKey, client: Client | None = None, **changes):
    """Saleor's recorded delivery of one account email, issued now, signed; the web service's answer."""
    payload = {**json.loads(PAYLOADS.read_text())[kind], "issuedAt": timezone.now().isoformat(), **changes}
    body = json.dumps(payload, ensure_ascii=False).encode()
    return (client or Client()).post("/saleor/account-emails/", body, content_type="application/json",
                                     HTTP_SALEOR_API_URL=REPLAY_URL, HTTP_SALEOR_SIGNATURE=key.sign(body))


@pytest.fixture
def replayed(monkeypatch, settings, signing_key) -> Iterator[tuple[ProductRecord, ReplayTransport]]:
    """The journey's product put into the read model from the cassette's first reply; every client of the
    web service answered from the rest, in order. Every reply must be used."""
    settings.SALEOR_API_URL = REPLAY_URL
    settings.SALEOR_APP_TOKEN = None  # the installed app's token reads orders by number
    settings.PUBLIC_URL = journeys.PUBLIC + "/"
    transport = ReplayTransport(CASSETTE)
    for module in (account_session, common, buying_session):
        monkeypatch.setattr(module, "make_transport", lambda: transport)
    forget()
    goods = StorefrontReader(SaleorClient(REPLAY_URL, None, transport=transport)).product(
        transport.exchanges[0]["request"]["variables"]["id"])
    assert goods is not None and store.apply_product(goods)
    yield goods, transport
    forget()
    assert transport.finished, (
        f"{transport.path.name}: only {transport.position} of {len(transport.exchanges)} replies were asked for")


@pytest.fixture
def deliver_email(signing_key):
    def deliver_one(kind: str):
        mail.outbox.clear()
        answer = deliver(kind, signing_key)
        assert answer.status_code == 200, answer.content
        (message,) = mail.outbox
        return message
    return deliver_one


def placed_on(transport: ReplayTransport, number: str) -> str:
    """The order's date as Saleor recorded it, in Vietnam's time (as the page shows it)."""
    from django.utils.dateparse import parse_datetime

    for exchange in transport.exchanges:
        if exchange["request"]["operationName"] == "CustomerMe":
            for edge in exchange["response"]["body"]["data"]["me"]["orders"]["edges"]:
                if edge["node"]["number"] == number:
                    created = parse_datetime(edge["node"]["created"])
                    assert created is not None
                    return timezone.localtime(created).strftime("%d/%m/%Y")
    raise LookupError(number)
