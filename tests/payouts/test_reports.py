"""What the marketplace holds for producers equals money received less commission less paid out, to the
đồng, over a month of orders of every kind and a payout run (against the payOS stand-in)."""

from __future__ import annotations

import io
import json
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from catalog_sync.payouts.ledger import record, vietnam_date
from catalog_sync.payouts.models import BankAccount, Payout
from catalog_sync.payouts.reports import holdings
from catalog_sync.payouts.runs import follow, run
from tests.payouts.test_runs import payout_account  # noqa: F401

pytestmark = pytest.mark.django_db


def statement_json(certificate, month: str) -> dict:
    out = io.StringIO()
    call_command("payouts_statement", "--producer", certificate.id, "--month", month, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_held_for_producers_is_received_less_commission_less_paid_out_over_a_month_of_every_kind_of_order(
        two_producers, order_of, payout_account, payos_standin):  # noqa: F811
    honey, coffee = two_producers
    tour = "Tour đồi chè"
    month = [
        # card: shipped
        order_of([(honey, "Mật ong", 2, 205_000), (coffee, "Cà phê", 1, 180_000)], paid="2026-11-02",
                 delivered="2026-11-03", number=1, refunds=[(0, 1, "2026-11-20")]),
        # VietQR: shipped, one of three returned and refunded
        order_of([(coffee, "Cà phê", 3, 180_000)], paid="2026-11-04", delivered="2026-11-06", number=2,
                 returns=[(0, 1, "2026-11-22")], refunds=[(0, 1, "2026-11-22")]),
        # cash on delivery, collected; and one delivered but its cash never collected
        order_of([(honey, "Mật ong", 1, 205_000)], delivered="2026-11-07", paid="2026-11-09", number=3),
        order_of([(honey, "Mật ong", 1, 205_000)], delivered="2026-11-10", number=4),
        # paid by card, never shipped
        order_of([(honey, "Mật ong", 1, 205_000)], paid="2026-11-12", number=5),
        # a tourism service, paid and used
        order_of([(coffee, tour, 2, 350_000)], paid="2026-11-11", delivered="2026-11-15", number=6),
        # a line of no producer (the shop's gift bag) earns nobody anything
        order_of([(None, "Túi quà", 1, 20_000)], paid="2026-11-11", delivered="2026-11-12", number=7),
    ]
    before_refunds = [
        order_of([(honey, "Mật ong", 2, 205_000), (coffee, "Cà phê", 1, 180_000)], paid="2026-11-02",
                 delivered="2026-11-03", number=1),
        order_of([(coffee, "Cà phê", 3, 180_000)], paid="2026-11-04", delivered="2026-11-06", number=2)]
    for order in [*before_refunds, *month, *month]:  # each delivered again, as Saleor's retries do
        record(order)
    # then November's statements: honey 410,000 + 205,000 earned, 205,000 refunded; coffee 180,000 + 540,000 +
    # 700,000 earned, 180,000 returned; 8 % commission on what stayed
    h, c = statement_json(honey, "2026-11"), statement_json(coffee, "2026-11")
    assert (h["gross"], h["refunds"], h["commission"], h["net"], h["due"]) == (615_000, 205_000, 32_800, 377_200,
                                                                              377_200)
    assert (c["gross"], c["refunds"], c["commission"], c["net"], c["due"]) == (1_420_000, 180_000, 99_200,
                                                                              1_140_800, 1_140_800)
    assert sum(line["net"] for line in h["lines"]) == h["net"] and sum(line["net"] for line in c["lines"]) == c["net"]
    received = 410_000 + 180_000 + 540_000 + 205_000 + 700_000 - 205_000 - 180_000
    end = holdings(vietnam_date(timezone.now()))
    assert (end.received, end.commission, end.paid_out) == (received, 132_000, 0)
    assert end.held == end.dues == h["due"] + c["due"] == 1_518_000
    # when November is paid: honey's transfer succeeds, coffee's fails
    BankAccount.objects.create(producer=honey.producer, bank_bin="970436", account_number="0071001234567",
                               account_name="HTX ONG MAT MEO VAC", confirmed_at=timezone.now())
    BankAccount.objects.create(producer=coffee.producer, bank_bin="970422", account_number="5550001112",
                               account_name="CONG TY TNHH CA PHE CAU DAT", confirmed_at=timezone.now())
    payos_standin.fail_payouts_to("5550001112")
    run("2026-11")
    payout = Payout.objects.get()
    deadline = time.monotonic() + 10
    while payout.status == Payout.SENT and time.monotonic() < deadline:
        time.sleep(0.2)
        payout = follow(payout)
    # then what is held is what coffee is still due, both ways of counting agreeing to the đồng
    after = holdings(vietnam_date(timezone.now()))
    assert (after.received, after.commission, after.paid_out) == (received, 132_000, 377_200)
    assert after.held == after.dues == 1_140_800 and after.balanced and after.producers == 1
    # and at the end of October the marketplace held nothing
    assert holdings(vietnam_date(timezone.now()).replace(year=2026, month=10, day=31)).held == 0
