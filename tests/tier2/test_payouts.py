"""Tier 2: the payouts ledger from a real Saleor 3.23's orders, statements that add up to the đồng, and a payout
run (against the payOS stand-in) paid once even when run twice.

Two producers' products in Saleor, the web service installed as its app. Orders of the month: a cash-on-delivery
order of both producers' goods, shipped by each producer in the portal and its cash collected (marked paid in
Saleor); a coffee order shipped but its cash never collected; a booking of the coffee producer's tour, marked
used and paid. ``ocop payouts catch-up`` reads them from Saleor (as the hourly beat does). Not covered here yet:
card and VietQR charges and refunds in a real Saleor (tier 1 covers their rules).

With ``OCOP_RECORD_PAYOUTS=1`` it also records Saleor's replies to the ledger's catch-up
(tests/fixtures/saleor/23_payouts_catch_up.json).
"""

from __future__ import annotations

import datetime
import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Variant
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.payments.payos.accounts import PayosChannelKeys
from catalog_sync.payouts.ledger import vietnam_date
from catalog_sync.payouts.models import BankAccount, Entry
from catalog_sync.payouts.reports import holdings
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor.catalogue import import_catalogue
from tests.portal.conftest import client_factory, producer_person, two_producers  # noqa: F401
from tests.tier2.app_install import staff_install_app

from .test_portal_orders import COFFEE_PRODUCT, HONEY_PRODUCT, TOUR, book, in_saleor, place

pytestmark = pytest.mark.django_db(transaction=True)

RECORD = os.environ.get("OCOP_RECORD_PAYOUTS") == "1"
CASSETTE = Path(__file__).resolve().parents[1] / "fixtures" / "saleor" / "23_payouts_catch_up.json"
MARK_PAID = """mutation($id: ID!) { orderMarkAsPaid(id: $id, transactionReference: "COD-collected") {
  order { chargeStatus } errors { field code message } } }"""


def statement_json(certificate_id: str, month: str) -> dict:
    out = io.StringIO()
    call_command("payouts_statement", "--producer", certificate_id, "--month", month, "--json", stdout=out)
    return json.loads(out.getvalue())


def run_json(month: str) -> dict:
    out = io.StringIO()
    call_command("payouts_run", "--month", month, "--json", stdout=out)
    return json.loads(out.getvalue())


def paid_twice_in_one_batch(producers, month: str, keys, payos_url: str, dues: dict[str, int]) -> None:
    """Given each producer's bank details confirmed, when the month's payout is run twice, then each producer
    is sent their due once, in one batch, and the second run has nothing to pay."""
    for certificate in producers:
        BankAccount.objects.create(producer=certificate.producer, bank_bin="970436",
                                   account_number=f"00710{certificate.producer_id:08d}", account_name="NGUYEN VAN A",
                                   confirmed_at=timezone.now())
    paid, twice = run_json(month), run_json(month)
    assert sorted((t["producer"], t["amount"]) for t in paid["transfers"]) == sorted(dues.items())
    assert (twice["status"], twice["transfers"]) == ("nothing to pay", [])
    from payos import PayOS

    with PayOS(keys.client_id, keys.api_key, keys.checksum_key, base_url=payos_url) as client:
        assert len(list(client.payouts.list().data)) == 1


def test_a_month_of_orders_earns_each_producer_their_lines_less_commission_and_is_paid_once(
        live_server, settings, saleor_api, saleor_env, monkeypatch, two_producers,  # noqa: F811
        producer_person, make_certificate, payos_standin):  # noqa: F811
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.APP_PUBLIC_URL = live_server.url
    settings.PUBLIC_URL = live_server.url + "/"
    make_certificate(id="LD-2025-0902", product_name=TOUR, producer="Công ty TNHH Cà phê Cầu Đất", stars=4,
                     issued_on=datetime.date(2025, 1, 20), decision_no="120/QĐ-BNNMT", province="lam-dong",
                     group="du-lich")
    call_command("saleor_bootstrap", stdout=io.StringIO())
    with app_client() as saleor:
        summary = import_catalogue(saleor, Certificate.objects.in_catalogue_on, today=vietnam_today(), demo=True)
    assert (summary.created, summary.errors) == (3, [])
    staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
    honey = Variant.objects.get(product__producer_title="HTX Ong mật Mèo Vạc")
    coffee = Variant.objects.get(product__producer_title="Công ty TNHH Cà phê Cầu Đất", product__name=COFFEE_PRODUCT)
    tour = Variant.objects.get(product__name=TOUR)
    lan = producer_person(two_producers[0], "lan@example.vn")
    minh = producer_person(two_producers[1], "minh@example.vn")
    since = timezone.now() - datetime.timedelta(seconds=1)
    # given the month's orders: both producers' goods (shipped, cash collected), coffee (shipped, cash never
    # collected), the tour (used, paid)
    shared = int(place(saleor_api.url, [(honey.id, 2), (coffee.id, 1)]))
    unpaid = int(place(saleor_api.url, [(coffee.id, 1)]))
    booked = int(book(saleor_api.url, tour.id))
    assert lan.post(f"/portal/orders/{shared}/", {"carrier": "Viettel Post", "tracking_number": "VTP1"}).status_code \
        == 302
    assert minh.post(f"/portal/orders/{shared}/", {"carrier": "GHN", "tracking_number": "GHN1"}).status_code == 302
    assert minh.post(f"/portal/orders/{unpaid}/", {"carrier": "GHN", "tracking_number": "GHN2"}).status_code == 302
    assert minh.post(f"/portal/orders/{booked}/", {"action": "use"}).status_code == 302
    for number in (shared, booked):
        answer = saleor_api.graphql(MARK_PAID, {"id": in_saleor(number).id})
        assert answer["data"]["orderMarkAsPaid"]["errors"] == [], answer
        assert answer["data"]["orderMarkAsPaid"]["order"]["chargeStatus"] == "FULL"
    # when the ledger catches up with the orders Saleor changed (twice: the second writes nothing)
    if RECORD:
        CASSETTE.unlink(missing_ok=True)
        monkeypatch.setenv("OCOP_SALEOR_RECORD", str(CASSETTE))
    out = io.StringIO()
    call_command("payouts_catch_up", "--since", since.isoformat(), "--json", stdout=out)
    monkeypatch.delenv("OCOP_SALEOR_RECORD", raising=False)
    first = json.loads(out.getvalue())
    again = io.StringIO()
    call_command("payouts_catch_up", "--since", since.isoformat(), "--json", stdout=again)
    # then each delivered and paid line earned once: honey's 2, coffee's 1 and the tour; not the unpaid coffee
    lines = {line.product_name: line for number in (shared, booked) for line in in_saleor(number).lines}
    assert (first["new_entries"], sorted(first["orders_with_new_entries"]), first["problems"]) == (
        3, sorted([shared, booked]), [])
    assert json.loads(again.getvalue())["new_entries"] == 0 and Entry.objects.count() == 3
    month = f"{vietnam_date(timezone.now()):%Y-%m}"
    h, c = statement_json("TQ-2025-0901", month), statement_json("LD-2025-0901", month)
    honey_total = int(lines[HONEY_PRODUCT].total)
    coffee_total, tour_total = int(lines[COFFEE_PRODUCT].total), int(lines[TOUR].total)

    def commission(amount: int) -> int:
        return (amount * 8 + 50) // 100

    assert [(line["order"], line["quantity"], line["gross"]) for line in h["lines"]] == [(shared, 2, honey_total)]
    assert (h["gross"], h["commission"], h["net"], h["due"]) == (
        honey_total, commission(honey_total), honey_total - commission(honey_total),
        honey_total - commission(honey_total))
    assert sorted((line["order"], line["gross"]) for line in c["lines"]) == sorted(
        [(shared, coffee_total), (booked, tour_total)])
    assert c["net"] == c["due"] == coffee_total + tour_total - commission(coffee_total) - commission(tour_total)
    # and what the marketplace holds is what the two are due, to the đồng
    now = holdings(vietnam_date(timezone.now()))
    assert now.held == now.dues == h["due"] + c["due"] and now.received == honey_total + coffee_total + tour_total
    # when November... this month is paid, twice
    settings.PAYOS_BASE_URL = payos_standin.url
    keys, _account = payos_standin.merchant(payoutBalance=100_000_000)
    PayosChannelKeys(channel="ocop-vn", client_id=keys.client_id, api_key=keys.api_key,
                     checksum_key=keys.checksum_key, payout_client_id=keys.client_id, payout_api_key=keys.api_key,
                     payout_checksum_key=keys.checksum_key).save()
    paid_twice_in_one_batch(two_producers, month, keys, payos_standin.url,
                            {"HTX Ong mật Mèo Vạc": h["due"], "Công ty TNHH Cà phê Cầu Đất": c["due"]})
