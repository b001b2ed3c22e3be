"""Catching up with the plugin's withdrawal log that no webhook brought: Saleor's replies replayed from
tests/fixtures/saleor/21_withdrawal_catch_up.json, recorded from a real Saleor 3.23 (the demo's fish sauce
withdrawn and restored by the plugin) by tests/tier2/test_withdrawal_log.py with ``OCOP_RECORD_WITHDRAWALS=1``."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from catalog_sync.app.withdrawal_catch_up import catch_up
from catalog_sync.registry.models import WithdrawalEvent
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor.recording import ReplayTransport

pytestmark = pytest.mark.django_db

CASSETTE = Path(__file__).resolve().parents[1] / "fixtures" / "saleor" / "21_withdrawal_catch_up.json"
URL = "http://saleor.invalid/graphql/"  # never contacted: the transport answers


def recorded_since() -> datetime.datetime:
    exchanges = json.loads(CASSETTE.read_text(encoding="utf-8"))
    return datetime.datetime.fromisoformat(exchanges[0]["request"]["variables"]["since"])


def recorded_log() -> list[dict]:
    exchanges = json.loads(CASSETTE.read_text(encoding="utf-8"))
    return [json.loads(edge["node"]["ocopWithdrawals"]) for exchange in exchanges
            for edge in exchange["response"]["body"]["data"]["products"]["edges"] if edge["node"]["ocopWithdrawals"]]


@pytest.fixture
def replay():
    transport = ReplayTransport(CASSETTE)
    yield transport
    assert transport.finished, f"only {transport.position} of {len(transport.exchanges)} replies were asked for"


def test_lost_deliveries_are_made_good_from_the_products_changed_since(replay):
    # given nothing was delivered, and Saleor's products changed since then (one of them withdrawn and restored)
    [entries] = recorded_log()
    # when the catch-up reads them
    result = catch_up(SaleorClient(URL, "app-token", transport=replay), recorded_since())
    # then both entries are stored, as the plugin wrote them
    assert (result.with_log, result.new, result.problems) == (1, 2, [])
    assert result.products >= 1
    assert [(e.saleor_event_id, e.action, e.certificate_id, e.reason, e.at)
            for e in WithdrawalEvent.objects.order_by("at")] == [
        (e["id"], e["action"], e["certificate_id"], e["reason"], datetime.datetime.fromisoformat(e["at"]))
        for e in entries]


def test_a_second_catch_up_over_the_same_period_adds_nothing(replay):
    catch_up(SaleorClient(URL, "app-token", transport=replay), recorded_since())
    again = ReplayTransport(CASSETTE)
    result = catch_up(SaleorClient(URL, "app-token", transport=again), recorded_since())
    assert result.new == 0 and WithdrawalEvent.objects.count() == 2


def test_the_command_prints_what_it_found_as_json(replay, monkeypatch, settings):
    settings.SALEOR_API_URL = URL
    monkeypatch.setattr("catalog_sync.saleor.make_transport", lambda: replay)
    out = io.StringIO()
    call_command("saleor_catch_up_withdrawals", "--since", recorded_since().isoformat(), "--token", "t", "--json",
                 stdout=out)
    report = json.loads(out.getvalue())
    assert report["since"] == recorded_since().isoformat()
    assert (report["with_log"], report["new"], report["problems"]) == (1, 2, [])


@pytest.mark.parametrize(("since", "message"), [
    ("yesterday", "--since: not an ISO-8601 date-time: 'yesterday'"),
    ("2026-11-01T00:00:00", "--since: give the offset too (e.g. 2026-11-01T00:00:00+07:00)"),
])
def test_a_bad_since_is_named(since, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)").replace("+", r"\+")):
        call_command("saleor_catch_up_withdrawals", "--since", since, "--token", "t")


def test_a_naive_moment_is_refused():
    with pytest.raises(ValueError, match="aware"):
        catch_up(SaleorClient(URL, "t", transport=ReplayTransport(CASSETTE)), datetime.datetime(2026, 11, 1))


def test_the_web_beat_catches_up_hourly_and_does_nothing_before_the_app_is_installed(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["catch-up-withdrawals"]
    assert entry == {"task": "catalog_sync.app.tasks.catch_up_withdrawals", "schedule": 3600.0}
    from catalog_sync.app.tasks import catch_up_withdrawals

    assert catch_up_withdrawals() is None and WithdrawalEvent.objects.count() == 0
