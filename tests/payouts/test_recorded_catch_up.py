"""The ledger's catch-up on Saleor's replies recorded from a real Saleor 3.23 (tests/tier2/test_payouts.py with
``OCOP_RECORD_PAYOUTS=1``: a cash-on-delivery order of both producers' goods, shipped and marked paid; a coffee
order shipped but not paid; a booking of the coffee producer's tour, used and paid)."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from catalog_sync.payouts.catch_up import catch_up
from catalog_sync.payouts.models import Entry
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor.recording import ReplayTransport

pytestmark = pytest.mark.django_db

CASSETTE = Path(__file__).resolve().parents[1] / "fixtures" / "saleor" / "23_payouts_catch_up.json"
URL = "http://saleor.invalid/graphql/"


def recorded() -> tuple[datetime.datetime, list[dict]]:
    exchanges = json.loads(CASSETTE.read_text(encoding="utf-8"))
    since = datetime.datetime.fromisoformat(exchanges[0]["request"]["variables"]["since"])
    return since, [edge["node"] for e in exchanges for edge in e["response"]["body"]["data"]["orders"]["edges"]]


def test_the_catch_up_earns_each_delivered_and_paid_line_once_and_not_the_unpaid_one(two_producers):
    since, orders = recorded()
    paid = {int(o["number"]) for o in orders if o["chargeStatus"] == "FULL"}
    assert len(orders) == 3 and len(paid) == 2
    # when the ledger catches up over the recorded replies, then again
    result = catch_up(SaleorClient(URL, "app-token", transport=ReplayTransport(CASSETTE)), since)
    again = catch_up(SaleorClient(URL, "app-token", transport=ReplayTransport(CASSETTE)), since)
    # then the paid orders' lines earned their totals less 8 %, once; the unpaid coffee order nothing
    assert (result.orders, result.new_entries, sorted(result.orders_with_new_entries), result.problems) == (
        3, 3, sorted(paid), [])
    assert again.new_entries == 0
    expected = sorted((int(o["number"]), line["productName"], int(line["totalPrice"]["gross"]["amount"]))
                      for o in orders if int(o["number"]) in paid for line in o["lines"])
    assert sorted(Entry.objects.values_list("order_number", "product", "gross")) == expected
    assert all(e.commission == (e.gross * 8 + 50) // 100 and e.net == e.gross - e.commission
               for e in Entry.objects.all())


def test_the_catch_up_command_prints_what_it_wrote_as_json(two_producers, monkeypatch, settings):
    since, _orders = recorded()
    settings.SALEOR_API_URL = URL
    monkeypatch.setattr("catalog_sync.saleor.make_transport", lambda: ReplayTransport(CASSETTE))
    out = io.StringIO()
    call_command("payouts_catch_up", "--since", since.isoformat(), "--token", "t", "--json", stdout=out)
    printed = json.loads(out.getvalue())
    assert (printed["orders"], printed["new_entries"], printed["problems"]) == (3, 3, [])
