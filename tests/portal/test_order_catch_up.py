"""Orders no order webhook brought reach the portal through the catch-up: Saleor's replies replayed from
tests/fixtures/saleor/22_order_catch_up.json, recorded from a real Saleor 3.23 (a cash-on-delivery order of
the coffee producer's coffee and a booking of its tour, placed while Saleor's deliveries were refused) by
tests/tier2/test_portal_orders.py with ``OCOP_RECORD_PORTAL_ORDERS=1``."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor.recording import ReplayTransport
from portal.models import ProducerOrderLine
from portal.order_catch_up import catch_up

pytestmark = pytest.mark.django_db

CASSETTE = Path(__file__).resolve().parents[1] / "fixtures" / "saleor" / "22_order_catch_up.json"
URL = "http://saleor.invalid/graphql/"  # never contacted: the transport answers


def recorded_since() -> datetime.datetime:
    exchanges = json.loads(CASSETTE.read_text(encoding="utf-8"))
    return datetime.datetime.fromisoformat(exchanges[0]["request"]["variables"]["since"])


def recorded_orders() -> list[dict]:
    exchanges = json.loads(CASSETTE.read_text(encoding="utf-8"))
    return [edge["node"] for exchange in exchanges for edge in exchange["response"]["body"]["data"]["orders"]["edges"]]


@pytest.fixture
def replay():
    transport = ReplayTransport(CASSETTE)
    yield transport
    assert transport.finished, f"only {transport.position} of {len(transport.exchanges)} replies were asked for"


def test_orders_whose_webhook_was_lost_reach_their_producers_portal_and_their_people(
        replay, two_producers, producer_person):
    # given the coffee producer's person, and orders of theirs Saleor placed that no webhook brought
    producer_person(two_producers[1], "minh@example.vn")
    mail.outbox.clear()
    orders = recorded_orders()
    assert len(orders) == 2
    # when the catch-up reads the orders created since then
    result = catch_up(SaleorClient(URL, "app-token", transport=replay), recorded_since())
    # then each order's line is the coffee producer's in the portal, and their person was told once per order
    assert (result.orders, result.placed, result.new_lines, result.orders_with_new_lines, result.problems) == (
        2, 2, 2, [int(order["number"]) for order in orders], [])
    assert sorted(ProducerOrderLine.objects.values_list("order_id", "order_number", "line_id")) == sorted(
        (order["id"], int(order["number"]), order["lines"][0]["id"]) for order in orders)
    assert [message.to for message in mail.outbox] == [["minh@example.vn"], ["minh@example.vn"]]
    assert [f"#{order['number']}" in message.subject for order, message in zip(orders, mail.outbox, strict=True)] == [
        True, True]


def test_a_second_catch_up_over_the_same_period_adds_nothing_and_tells_nobody_again(
        replay, two_producers, producer_person):
    producer_person(two_producers[1], "minh@example.vn")
    catch_up(SaleorClient(URL, "app-token", transport=replay), recorded_since())
    mail.outbox.clear()
    again = catch_up(SaleorClient(URL, "app-token", transport=ReplayTransport(CASSETTE)), recorded_since())
    assert (again.new_lines, again.orders_with_new_lines) == (0, [])
    assert ProducerOrderLine.objects.count() == 2 and mail.outbox == []


def test_the_command_prints_what_it_brought_as_json(replay, monkeypatch, settings):
    settings.SALEOR_API_URL = URL
    monkeypatch.setattr("catalog_sync.saleor.make_transport", lambda: replay)
    out = io.StringIO()
    call_command("saleor_catch_up_orders", "--since", recorded_since().isoformat(), "--token", "t", "--json",
                 stdout=out)
    numbers = [int(order["number"]) for order in recorded_orders()]  # (Saleor's Order.number is a string)
    assert json.loads(out.getvalue()) == {"since": recorded_since().isoformat(), "orders": 2, "placed": 2,
                                          "new_lines": 2, "orders_with_new_lines": numbers, "problems": []}


@pytest.mark.parametrize(("since", "message"), [
    ("yesterday", "--since: not an ISO-8601 date-time: 'yesterday'"),
    ("2026-11-01T00:00:00", "--since: give the offset too (e.g. 2026-11-01T00:00:00+07:00)"),
])
def test_a_bad_since_is_named(since, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)").replace("+", r"\+")):
        call_command("saleor_catch_up_orders", "--since", since, "--token", "t")


def test_the_web_beat_catches_up_hourly_and_does_nothing_before_the_app_is_installed(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["catch-up-orders"]
    assert entry == {"task": "portal.tasks.catch_up_orders", "schedule": 3600.0}
    from portal.tasks import catch_up_orders

    assert catch_up_orders() is None and ProducerOrderLine.objects.count() == 0
