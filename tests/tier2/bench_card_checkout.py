"""Benchmark, not a test (pytest collects it only when named): benchmarks/buying.py against a real Saleor 3.23.

    SALEOR_PYTHON=... DATABASE_URL=... .venv/bin/pytest -q -s tests/tier2/bench_card_checkout.py [--rounds N]

The demo store in a throwaway Saleor (the tier-2 harness), the app ``ocop.market`` installed and serving
Saleor's payment webhooks from this process, localstripe as Stripe. Prints each checkout step's server
time p50/p95, the same without Saleor's answers (and so without the app's Stripe calls, which happen inside
them), Saleor round trips per step, and the app's own time answering Saleor's payment webhooks without its
Stripe calls. Asserts nothing about timings.
"""

from __future__ import annotations

import io
import os

import httpx
import pytest
from django.core.management import call_command

from benchmarks import buying
from tests.buying import journeys
from tests.localstripe import CARD_OK, PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET
from tests.tier2.app_install import staff_install_app

from .test_buying import PRODUCTS

pytestmark = pytest.mark.django_db(transaction=True)
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))


def test_bench_buying_steps_cash_on_delivery_and_card(live_server, settings, saleor_api, saleor_env, shared_data,
                                                      localstripe, monkeypatch):
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.APP_PUBLIC_URL = live_server.url
    settings.STRIPE_API_BASE = localstripe.url
    settings.ALLOWED_HOSTS = ["*"]
    call_command("demo", "--data", str(shared_data), "--json", stdout=io.StringIO(), stderr=io.StringIO())
    saleor_env.sql("UPDATE warehouse_stock SET quantity = 100000")  # enough for every round
    nodes = [e["node"] for e in saleor_api.graphql(PRODUCTS, {"channel": "ocop-vn"}, token=None)["data"]
             ["products"]["edges"]]
    goods = [n["id"] for n in nodes if n["productType"]["slug"] == "ocop-product"][:3]
    from catalog_sync.saleor import SaleorClient

    journeys.fill_read_model(SaleorClient(saleor_api.url, None), goods)
    staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    call_command("payments_configure_stripe", "--channel", "ocop-vn", "--secret-key", SECRET_KEY,
                 "--publishable-key", PUBLISHABLE_KEY, "--webhook-secret", WEBHOOK_SECRET, stdout=io.StringIO())

    def give_card() -> str:
        return httpx.post(f"{localstripe.url}/v1/tokens", data={
            "card[number]": CARD_OK, "card[exp_month]": "12", "card[exp_year]": "2030", "card[cvc]": "123",
            "key": PUBLISHABLE_KEY}, timeout=10).raise_for_status().json()["card"]["id"]

    buying.run(ROUNDS, give_card=give_card)
