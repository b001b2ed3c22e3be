"""The ledger from Saleor's orders: a producer's line earns its total less the channel's commission once it is
delivered and paid, once whatever the redeliveries; refunds and returns give it back."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from catalog_sync.payouts.ledger import record
from catalog_sync.payouts.models import Entry

pytestmark = pytest.mark.django_db


def statement_json(certificate, month: str) -> dict:
    out = io.StringIO()
    call_command("payouts_statement", "--producer", certificate.id, "--month", month, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_a_delivered_card_order_earns_its_total_less_8_percent_once_however_often_saleor_tells(
        two_producers, order_of):
    honey, coffee = two_producers
    # given an order paid by card of 2 honey at 205,000 and 1 coffee at 180,000, shipped on 3 November
    order = order_of([(honey, "Mật ong", 2, 205_000), (coffee, "Cà phê", 1, 180_000)],
                     paid="2026-11-02", delivered="2026-11-03")
    # when Saleor's deliveries bring the same order three times
    first = record(order)
    again = [record(order), record(order)]
    # then each producer's line earned once: its total less 8 %, on the day it was delivered
    assert len(first.new) == 2 and [len(r.new) for r in again] == [0, 0]
    assert sorted(Entry.objects.values_list("product", "gross", "commission", "net", "on")) == [
        ("Cà phê", 180_000, 14_400, 165_600, datetime.date(2026, 11, 3)),
        ("Mật ong", 410_000, 32_800, 377_200, datetime.date(2026, 11, 3))]


def test_cash_on_delivery_earns_only_once_the_carrier_s_cash_is_marked_paid(two_producers, order_of):
    honey, _ = two_producers
    # given a cash-on-delivery order delivered on 5 November but not yet marked paid
    unpaid = order_of([(honey, "Mật ong", 1, 205_000)], delivered="2026-11-05", number=7)
    assert record(unpaid).new == []
    # when the carrier's cash is collected and the order marked paid on 9 November
    paid = order_of([(honey, "Mật ong", 1, 205_000)], delivered="2026-11-05", paid="2026-11-09", number=7)
    record(paid)
    # then the line earns then, dated the day it was paid
    assert list(Entry.objects.values_list("gross", "net", "on")) == [(205_000, 188_600, datetime.date(2026, 11, 9))]


def test_an_order_paid_but_not_yet_shipped_earns_nothing(two_producers, order_of):
    honey, _ = two_producers
    assert record(order_of([(honey, "Mật ong", 1, 205_000)], paid="2026-11-02")).new == []
    assert Entry.objects.count() == 0


def test_a_service_marked_used_and_paid_earns_like_goods(two_producers, order_of):
    _, coffee = two_producers
    # a tour booking paid by card, marked used (a fulfilment without carrier) on the day of the tour
    record(order_of([(coffee, "Tour đồi chè", 2, 350_000)], paid="2026-11-10", delivered="2026-11-15"))
    assert list(Entry.objects.values_list("kind", "quantity", "gross", "commission", "net")) == [
        ("earned", 2, 700_000, 56_000, 644_000)]


def test_a_refund_of_one_of_three_gives_back_a_third_and_a_return_of_the_rest_gives_back_exactly_the_rest(
        two_producers, order_of):
    honey, _ = two_producers
    line = [(honey, "Mật ong", 3, 100_001)]
    record(order_of(line, paid="2026-11-01", delivered="2026-11-02", number=3))
    # when 1 of the 3 is refunded on the 6th, and (read again) the other 2 returned and refunded on the 8th
    record(order_of(line, paid="2026-11-01", delivered="2026-11-02", number=3, refunds=[(0, 1, "2026-11-06")]))
    refunded = order_of(line, paid="2026-11-01", delivered="2026-11-02", number=3,
                        refunds=[(0, 1, "2026-11-06"), (0, 2, "2026-11-08")], returns=[(0, 2, "2026-11-08")])
    record(refunded)
    record(refunded)
    # then the line earned 300,003 less 24,000 and gave it all back in two parts, to the đồng
    rows = list(Entry.objects.order_by("id").values_list("kind", "quantity", "gross", "commission", "net", "on"))
    assert rows == [
        ("earned", 3, 300_003, 24_000, 276_003, datetime.date(2026, 11, 2)),
        ("reversed", -1, -100_001, -8_000, -92_001, datetime.date(2026, 11, 6)),
        ("reversed", -2, -200_002, -16_000, -184_002, datetime.date(2026, 11, 8))]
    assert sum(row[4] for row in rows) == 0


def test_each_channel_has_its_own_commission(two_producers, order_of, settings):
    honey, _ = two_producers
    settings.COMMISSION_PERCENT = "8"
    settings.COMMISSION_PERCENT_BY_CHANNEL = {"ocop-export": "12.5"}
    record(order_of([(honey, "Mật ong", 1, 205_000)], paid="2026-11-02", delivered="2026-11-03"))
    record(order_of([(honey, "Mật ong", 1, 205_000)], paid="2026-11-02", delivered="2026-11-03", channel="ocop-export"))
    assert list(Entry.objects.order_by("channel").values_list("channel", "commission")) == [
        ("ocop-export", 25_625), ("ocop-vn", 16_400)]


def test_lines_of_no_producer_earn_nothing(two_producers, order_of):
    record(order_of([(None, "Túi quà", 1, 20_000)], paid="2026-11-02", delivered="2026-11-03"))
    assert Entry.objects.count() == 0


def test_the_statement_command_prints_the_month_s_lines_and_totals_as_json(two_producers, order_of):
    honey, coffee = two_producers
    # given October and November orders of both producers, one November line refunded
    record(order_of([(honey, "Mật ong", 1, 205_000)], paid="2026-10-30", delivered="2026-10-31"))
    november = order_of([(honey, "Mật ong", 2, 205_000), (coffee, "Cà phê", 1, 180_000)],
                        paid="2026-11-02", delivered="2026-11-03", number=20)
    record(november)
    record(order_of([(honey, "Mật ong", 2, 205_000), (coffee, "Cà phê", 1, 180_000)], paid="2026-11-02",
                    delivered="2026-11-03", number=20, refunds=[(0, 1, "2026-11-20")]))
    # when finance asks for the honey producer's November statement
    result = statement_json(honey, "2026-11")
    # then it has the two honey entries only, the totals and what is due at the month's end (October's too)
    line_id = november.lines[0].id
    assert result == {
        "producer": honey.id, "month": "2026-11",
        "lines": [
            {"order": 20, "line": line_id, "product": "Mật ong", "quantity": 2, "gross": 410_000,
             "commission": 32_800, "net": 377_200, "earned_on": "2026-11-03"},
            {"order": 20, "line": line_id, "product": "Mật ong", "quantity": -1, "gross": -205_000,
             "commission": -16_400, "net": -188_600, "earned_on": "2026-11-20"}],
        "gross": 410_000, "commission": 16_400, "refunds": 205_000, "net": 188_600, "paid": 0,
        "due": 188_600 + 188_600}


def test_the_statement_command_names_a_bad_month_or_an_unknown_certificate(two_producers):
    honey, _ = two_producers
    with pytest.raises(CommandError, match=r"--month: '2026-13' is not a month written YYYY-MM"):
        call_command("payouts_statement", "--producer", honey.id, "--month", "2026-13")
    with pytest.raises(CommandError, match=r"--producer: no certificate 'XX-0000-0000' in the registry"):
        call_command("payouts_statement", "--producer", "XX-0000-0000", "--month", "2026-11")


def test_a_refund_without_lines_is_named_not_taken_from_anyone(two_producers, order_of):
    import dataclasses
    from decimal import Decimal

    from catalog_sync.saleor.payout_orders import Movement

    honey, _ = two_producers
    order = order_of([(honey, "Mật ong", 1, 205_000)], paid="2026-11-02", delivered="2026-11-03", number=9)
    refunded = dataclasses.replace(order, refunds=(Movement("R9", "SUCCESS", order.updated_at, (), Decimal(50_000)),))
    result = record(refunded)
    assert result.problems == ["order #9: a refund of 50000 without lines (R9) is not given back by any producer: "
                               "grant refunds by line"]
    assert list(Entry.objects.values_list("kind", "gross")) == [("earned", 205_000)]


def test_a_statement_asked_for_by_email_reaches_the_producer_s_people_with_its_pdf(
        two_producers, order_of, producer_person):
    from django.core import mail

    honey, _ = two_producers
    producer_person(honey, "lan@example.vn")
    record(order_of([(honey, "Mật ong", 1, 205_000)], paid="2026-11-02", delivered="2026-11-03"))
    mail.outbox.clear()
    err = io.StringIO()
    call_command("payouts_statement", "--producer", honey.id, "--month", "2026-11", "--email", stdout=io.StringIO(),
                 stderr=err)
    [message] = mail.outbox
    assert message.to == ["lan@example.vn"] and [a[0] for a in message.attachments] == ["bang-ke-2026-11.pdf"]
    assert err.getvalue().strip() == "emailed to lan@example.vn"
