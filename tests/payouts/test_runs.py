"""Payout runs against the payOS stand-in (standins/payos, run for real): one batch per run, one transfer per
producer with a positive balance and confirmed bank details, followed until done, never sent twice."""

from __future__ import annotations

import io
import json
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from payos import PayOS

from catalog_sync.payments.payos.accounts import PayosChannelKeys
from catalog_sync.payouts.ledger import record, vietnam_date
from catalog_sync.payouts.models import BankAccount, Payout, Transfer
from catalog_sync.payouts.runs import follow, run
from catalog_sync.payouts.statements import statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def payout_account(settings, payos_standin):
    """A merchant of the stand-in with 10,000,000 đồng in its payout account, its keys sealed as ocop-vn's
    payout keys (ocop payments configure-payos)."""
    settings.PAYOS_BASE_URL = payos_standin.url
    keys, _account = payos_standin.merchant(payoutBalance=10_000_000)
    PayosChannelKeys(channel="ocop-vn", client_id="payment-client", api_key="payment-api-key",
                     checksum_key="payment-checksum-key", payout_client_id=keys.client_id,
                     payout_api_key=keys.api_key, payout_checksum_key=keys.checksum_key).save()
    return keys


def batches_at_payos(keys, base_url: str) -> list:
    with PayOS(keys.client_id, keys.api_key, keys.checksum_key, base_url=base_url) as client:
        return list(client.payouts.list().data)


@pytest.fixture
def bank_account():
    def make(certificate, number: str, bin_: str = "970436"):
        return BankAccount.objects.create(producer=certificate.producer, bank_bin=bin_, account_number=number,
                                          account_name="NGUYEN VAN A", confirmed_at=timezone.now())
    return make


def run_json(*args: str) -> dict:
    out = io.StringIO()
    call_command("payouts_run", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def settled(payout: Payout, timeout: float = 10) -> Payout:
    deadline = time.monotonic() + timeout
    while payout.status == Payout.SENT and time.monotonic() < deadline:
        time.sleep(0.2)
        payout = follow(payout)
    return payout


@pytest.fixture
def november(two_producers, make_certificate, order_of):
    """Honey earned 377,200 (bank details confirmed), coffee 165,600 (none), tea 92,000 (an account that fails)."""
    honey, coffee = two_producers
    tea = make_certificate(id="TN-2025-0001", product_name="Trà Tân Cương", producer="HTX Chè Tân Cương",
                           province="thai-nguyen")
    record(order_of([(honey, "Mật ong", 2, 205_000), (coffee, "Cà phê", 1, 180_000)], paid="2026-11-02",
                    delivered="2026-11-03"))
    record(order_of([(tea, "Trà", 1, 100_000)], paid="2026-11-05", delivered="2026-11-06"))
    return honey, coffee, tea


def test_a_run_pays_each_producer_with_bank_details_once_and_lists_those_without(
        november, payout_account, payos_standin, bank_account):
    honey, _coffee, tea = november
    bank_account(honey, "0071001234567")
    bank_account(tea, "9990001112")
    payos_standin.fail_payouts_to("9990001112")
    # when finance looks first (a dry run), then runs the November payout
    planned = run_json("--month", "2026-11", "--dry-run")
    assert [(t["producer"], t["amount"]) for t in planned["transfers"]] == [
        ("HTX Chè Tân Cương", 92_000), ("HTX Ong mật Mèo Vạc", 377_200)]
    assert Payout.objects.count() == 0 and batches_at_payos(payout_account, payos_standin.url) == []
    result = run_json("--month", "2026-11")
    # then one batch holds a transfer for each producer with confirmed bank details; coffee is named, skipped
    assert result["status"] == "sent" and result["reference"] == "OCOP202611R1" and result["total"] == 469_200
    assert [(t["producer"], t["amount"], t["reference"]) for t in result["transfers"]] == [
        ("HTX Chè Tân Cương", 92_000, f"OCOP202611R1P{tea.producer_id}"),
        ("HTX Ong mật Mèo Vạc", 377_200, f"OCOP202611R1P{honey.producer_id}")]
    assert [(s["producer"], s["amount"]) for s in result["skipped"]] == [("Công ty TNHH Cà phê Cầu Đất", 165_600)]
    [batch] = batches_at_payos(payout_account, payos_standin.url)
    assert sorted((t.reference_id, t.amount, t.to_account_number) for t in batch.transactions) == sorted([
        (f"OCOP202611R1P{honey.producer_id}", 377_200, "0071001234567"),
        (f"OCOP202611R1P{tea.producer_id}", 92_000, "9990001112")])
    # when payOS settles the batch (followed as the worker does)
    payout = settled(Payout.objects.get())
    # then the run is done; honey is paid; tea's failed transfer is named and its money is due again
    assert payout.status == "done"
    assert sorted(Transfer.objects.values_list("producer__name", "status", "error")) == [
        ("HTX Chè Tân Cương", "FAILED", "INVALID_ACCOUNT Tài khoản thụ hưởng không hợp lệ"),
        ("HTX Ong mật Mèo Vạc", "SUCCEEDED", "")]
    # (November's statement: still due at its end; this month's: paid, nothing due)
    this_month = f"{vietnam_date(timezone.now()):%Y-%m}"
    assert (statement(honey.producer, "2026-11").paid, statement(honey.producer, "2026-11").due) == (0, 377_200)
    assert (statement(honey.producer, this_month).paid, statement(honey.producer, this_month).due) == (377_200, 0)
    assert (statement(tea.producer, this_month).paid, statement(tea.producer, this_month).due) == (0, 92_000)
    # and a second run sends the failed amount again only, in a batch of its own
    payos_standin.fail_payouts_to("9990001112")  # (still failing: its own run again)
    again = run_json("--month", "2026-11")
    assert [(t["producer"], t["amount"]) for t in again["transfers"]] == [("HTX Chè Tân Cương", 92_000)]
    assert again["reference"] == "OCOP202611R2" and len(batches_at_payos(payout_account, payos_standin.url)) == 2


def test_running_twice_pays_once(november, payout_account, payos_standin, bank_account):
    honey, _coffee, _tea = november
    bank_account(honey, "0071001234567")
    first = run_json("--month", "2026-11")
    second = run_json("--month", "2026-11")
    assert first["total"] == 377_200
    assert (second["status"], second["transfers"], second["reference"]) == ("nothing to pay", [], None)
    assert len(batches_at_payos(payout_account, payos_standin.url)) == 1


def test_a_run_payos_did_not_receive_is_sent_again_with_the_same_references(
        november, payout_account, payos_standin, bank_account, settings):
    honey, _coffee, _tea = november
    bank_account(honey, "0071001234567")
    # given payOS unreachable when the run is made
    settings.PAYOS_BASE_URL = "http://127.0.0.1:9"
    down = run("2026-11")
    assert down.status == "prepared" and "payOS" in down.problem and down.total == 377_200
    # when it is run again once payOS answers
    settings.PAYOS_BASE_URL = payos_standin.url
    again = run("2026-11")
    # then the same run is sent (its reference, its amounts), once
    assert (again.reference, again.status, again.total) == ("OCOP202611R1", "sent", 377_200)
    assert Payout.objects.count() == 1 and len(batches_at_payos(payout_account, payos_standin.url)) == 1
    # and sending the same run once more makes payOS answer the first batch: nothing more is paid
    from catalog_sync.payouts.runs import send

    payout = Payout.objects.get()
    payout.status = Payout.PREPARED
    send(payout)
    assert len(batches_at_payos(payout_account, payos_standin.url)) == 1


def test_a_month_written_wrong_is_refused_naming_the_parameter():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match=r"--month: '11/2026' is not a month written YYYY-MM"):
        call_command("payouts_run", "--month", "11/2026")
