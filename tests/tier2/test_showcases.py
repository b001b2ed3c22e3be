"""Tier 2: a showcase curated in the staff pages lives in a real Saleor 3.23 as a collection; it goes live in the
shop at its start and leaves it at its end (a Vietnam-local midnight), and a withdrawn product leaves it and its
trade catalogue.

With ``OCOP_RECORD_SHOWCASES=1`` the run also (re)records the Saleor replies tier 1 replays
(tests/fixtures/saleor/21_showcases.json; the app token is never written, secrets are scrubbed).
"""

from __future__ import annotations

import datetime
import io
import os
from pathlib import Path

import httpx
import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.test import Client

from catalog_sync.app.clients import app_client
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import SaleorClient, make_transport
from catalog_sync.saleor.catalogue import import_catalogue
from catalog_sync.saleor.recording import RecordingTransport
from tests.showcases import scenario

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "saleor"
RECORD = os.environ.get("OCOP_RECORD_SHOWCASES") == "1"
PRODUCTS = """query($channel: String!) { products(first: 100, channel: $channel, sortBy: {field: NAME, direction: ASC})
  { edges { node { id name } } } }"""
CHANNEL = '{ channel(slug: "ocop-vn") { id } }'
UNPUBLISH = """mutation($id: ID!, $channel: ID!) { productChannelListingUpdate(id: $id, input: {
  updateChannels: [{channelId: $channel, isPublished: false}]}) { errors { field code message } } }"""
# five products: the rule (4★ and up) picks four, one 3★ is added by hand
CERTIFICATES = [
    ("LD-2024-0101", "Cà phê Arabica Cầu Đất", "HTX Cà phê Cầu Đất", 5, "lam-dong"),
    ("TQ-2024-0102", "Mật ong bạc hà Mèo Vạc", "HTX Ong mật Mèo Vạc", 4, "tuyen-quang"),
    ("LC-2024-0103", "Trà Shan tuyết Bản Liền", "HTX Chè Bản Liền", 4, "lao-cai"),
    ("AG-2024-0104", "Nước mắm Phú Quốc", "Công ty Nước mắm Phú Quốc", 4, "an-giang"),
    ("HN-2024-0105", "Bánh chưng Tranh Khúc", "HTX Bánh chưng Tranh Khúc", 3, "ha-noi"),
]


class KeepOpen(httpx.BaseTransport):
    """One transport for every client the pages open; closing a client leaves it open for the next."""

    def __init__(self, inner: httpx.BaseTransport):
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.inner.handle_request(request)


def staff_client() -> Client:
    user = User.objects.create_user("xuc-tien", email=scenario.STAFF_EMAIL, password="x", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(
        content_type__app_label="showcases", codename__in=["add_showcase", "change_showcase", "view_showcase"]))
    client = Client()
    client.force_login(user)
    return client


def test_a_showcase_goes_live_and_ends_on_time_and_a_withdrawn_product_leaves_it_and_its_export(
        settings, saleor_api, make_certificate, monkeypatch):
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.SITE_PUBLIC_URL = "https://ocop.test"
    # given five OCOP products for sale in Saleor
    for cert_id, name, producer, stars, province in CERTIFICATES:
        make_certificate(id=cert_id, product_name=name, producer=producer, stars=stars, province=province,
                         issued_on=datetime.date(2025, 3, 1))
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as saleor:
        summary = import_catalogue(saleor, Certificate.objects.in_catalogue_on, today=vietnam_today(), demo=True)
    assert (summary.created, summary.errors) == (5, [])
    ids = [e["node"]["id"] for e in saleor_api.data(PRODUCTS, {"channel": "ocop-vn"}, token=None)["products"]["edges"]]
    assert len(ids) == 5
    channel = saleor_api.data(CHANNEL)["channel"]["id"]

    transport: httpx.BaseTransport = make_transport()
    if RECORD:
        (FIXTURES / f"{scenario.CASSETTE}.json").unlink(missing_ok=True)
        transport = RecordingTransport(transport, FIXTURES / f"{scenario.CASSETTE}.json")
    shared = KeepOpen(transport)
    saleor = SaleorClient(saleor_api.url, saleor_api.app_token, transport=shared)
    monkeypatch.setattr("catalog_sync.showcases.connection.saleor_client",
                        lambda: SaleorClient(saleor_api.url, saleor_api.app_token, transport=shared))
    clock = scenario.Clock()
    monkeypatch.setattr("catalog_sync.showcases.schedule.now", clock)
    products = scenario.fill_read_model(saleor, ids)

    def withdraw(product):  # as the certification plugin does: unpublished in the channel
        saleor_api.data(UNPUBLISH, {"id": product.id, "channel": channel})

    scenario.run(staff_client(), Client(), clock, products, saleor, withdraw)
    # and Saleor holds the collection unpublished, without the withdrawn product
    state = saleor_api.data('query($slug: String!) { collection(slug: $slug, channel: "ocop-vn") { id '
                            'channelListings { isPublished } products(first: 10) { totalCount } } }',
                            {"slug": scenario.SLUG})["collection"]
    assert state["channelListings"] == [{"isPublished": False}]
    assert state["products"]["totalCount"] == 4
