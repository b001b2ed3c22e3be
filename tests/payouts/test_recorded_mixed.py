"""The ledger's catch-up on Saleor's replies recorded from a real Saleor 3.23 for a month of mixed orders
(tests/tier2/test_payouts_mixed.py with ``OCOP_RECORD_PAYOUTS=1``): both producers' goods paid by card, one
honey jar of it refunded through Saleor (a granted refund by line, SUCCESS); coffee paid by VietQR; honey cash
on delivery, marked paid; the coffee producer's tour booked, used and marked paid."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from catalog_sync.payouts.catch_up import catch_up
from catalog_sync.payouts.models import Entry
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor.recording import ReplayTransport

pytestmark = pytest.mark.django_db

CASSETTE = Path(__file__).resolve().parents[1] / "fixtures" / "saleor" / "23_payouts_mixed.json"
URL = "http://saleor.invalid/graphql/"


def recorded() -> tuple[datetime.datetime, list[dict]]:
    exchanges = json.loads(CASSETTE.read_text(encoding="utf-8"))
    since = datetime.datetime.fromisoformat(exchanges[0]["request"]["variables"]["since"])
    return since, [edge["node"] for e in exchanges for edge in e["response"]["body"]["data"]["orders"]["edges"]]


def test_card_vietqr_cash_and_service_lines_earn_once_and_the_refunded_card_jar_is_given_back_once(two_producers):
    since, orders = recorded()
    refunded = [o for o in orders if o["grantedRefunds"]]
    assert len(orders) == 4 and len(refunded) == 1
    (grant,) = refunded[0]["grantedRefunds"]
    assert grant["status"] == "SUCCESS" and [line["quantity"] for line in grant["lines"]] == [1]
    # when the ledger catches up over the recorded replies, then again
    result = catch_up(SaleorClient(URL, "app-token", transport=ReplayTransport(CASSETTE)), since)
    again = catch_up(SaleorClient(URL, "app-token", transport=ReplayTransport(CASSETTE)), since)
    # then every line of the four orders earned its total once, and the refunded jar gave back what it earned
    assert (result.orders, result.new_entries, result.problems, again.new_entries) == (4, 6, [], 0)
    earned = sorted((int(o["number"]), int(line["totalPrice"]["gross"]["amount"])) for o in orders
                    for line in o["lines"])
    assert sorted(Entry.objects.filter(kind=Entry.EARNED).values_list("order_number", "gross")) == earned
    (back,) = Entry.objects.filter(kind=Entry.REVERSED)
    jar = Entry.objects.get(kind=Entry.EARNED, line_id=back.line_id)
    assert (back.order_number, back.quantity, back.gross) == (int(refunded[0]["number"]), -1,
                                                             -int(grant["amount"]["amount"]))
    assert (jar.quantity, back.gross * 2, back.commission) == (2, -jar.gross, -((jar.commission + 1) // 2))
    # and each earned line counts from the later of its delivery and its order's last successful charge
    card = refunded[0]
    charged = max(datetime.datetime.fromisoformat(e["createdAt"]) for t in card["transactions"] for e in t["events"]
                  if e["type"] == "CHARGE_SUCCESS")
    assert jar.happened_at >= charged
