"""The certification plugin's withdrawal log, carried by Saleor's PRODUCT_UPDATED webhook into the staff log.

The payloads are the ones a real Saleor 3.23 with the plugin sent when it withdrew the demo's fish sauce
(its certificate revoked) and restored it (renewed), recorded by tests/tier2/test_withdrawal_log.py with
``OCOP_RECORD_WITHDRAWALS=1``; here they are signed with the stand-in Saleor's key and delivered.
"""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path

import pytest
from django.utils import timezone

from catalog_sync.app import tasks
from catalog_sync.app.events import withdrawal_log_from_payload
from catalog_sync.app.models import Installation
from catalog_sync.registry.models import WithdrawalEvent

from .conftest import SigningKey

pytestmark = pytest.mark.django_db

RECORDED = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "saleor_webhooks" / "withdrawals.json")
                      .read_text(encoding="utf-8"))


def payload(name: str) -> dict:
    return copy.deepcopy(RECORDED[name])


def log_of(name: str) -> list[dict]:
    return json.loads(RECORDED[name]["product"]["ocopWithdrawals"])


@pytest.fixture
def queued(monkeypatch):
    calls: list[tuple] = []
    monkeypatch.setattr(tasks.refresh_object, "delay", lambda *args: calls.append(args))
    return calls


@pytest.fixture
def installation(fake_saleor, settings):
    settings.APP_WEBHOOK_MAX_AGE = 10**9  # the recordings were issued when they were recorded
    installation = Installation(saleor_api_url=fake_saleor.api_url, app_id="QXBwOjE=",
                                jwks={"keys": [key.jwk() for key in fake_saleor.keys]},
                                jwks_fetched_at=timezone.now())
    installation.token = "app-token-kept-sealed"
    installation.save()
    return installation


def deliver(client, fake_saleor, body: dict | bytes, *, signature: str | None = None):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post("/saleor/webhooks/", data=data, content_type="application/json",
                       HTTP_SALEOR_API_URL=fake_saleor.api_url,
                       HTTP_SALEOR_SIGNATURE=fake_saleor.keys[0].sign(data) if signature is None else signature,
                       HTTP_SALEOR_EVENT="product_updated")


def events() -> list[tuple]:
    return [(e.saleor_event_id, e.action, e.certificate_id, e.reason, e.product_name, e.product, e.at)
            for e in WithdrawalEvent.objects.order_by("at", "saleor_event_id")]


def expected(entries: list[dict], product: str) -> list[tuple]:
    return [(e["id"], e["action"], e["certificate_id"], e["reason"], e["product"], product,
             datetime.datetime.fromisoformat(e["at"])) for e in entries]


def test_the_recordings_are_a_withdrawal_and_then_a_restore_of_the_same_product():
    withdrawn, restored = log_of("withdrawn"), log_of("restored")
    assert [e["action"] for e in withdrawn] == ["withdrawn"]
    assert [e["action"] for e in restored] == ["withdrawn", "restored"] and restored[0] == withdrawn[0]
    assert RECORDED["withdrawn"]["product"]["id"] == RECORDED["restored"]["product"]["id"]


def test_a_withdrawal_is_logged_with_its_reason_certificate_and_time_and_the_product_refreshed(
        client, fake_saleor, installation, queued, make_certificate):
    # given the registry knows the revoked certificate, in Kiên Giang's successor An Giang
    entry = log_of("withdrawn")[0]
    make_certificate(id=entry["certificate_id"], province="an-giang")
    product = RECORDED["withdrawn"]["product"]["id"]
    # when Saleor delivers the PRODUCT_UPDATED the plugin's withdrawal caused
    response = deliver(client, fake_saleor, payload("withdrawn"))
    # then the withdrawal is in the log, under the certificate's province, and the product is refreshed
    assert response.status_code == 200 and response.json() == {"queued": f"product {product}"}
    assert events() == expected([entry], product)
    assert entry["reason"].startswith("revoked from ") and entry["reason"].endswith(f"({entry['certificate_id']})")
    assert WithdrawalEvent.objects.get().province == "an-giang"
    assert [call[:2] for call in queued] == [("product", product)]


def test_a_restore_right_after_a_withdrawal_logs_both_even_when_only_the_restores_webhook_arrives(
        client, fake_saleor, installation, queued):
    # when only the later delivery arrives (the first was lost, or both were sent after the restore)
    deliver(client, fake_saleor, payload("restored"))
    # then the log still holds the withdrawal and the restore, in order
    product = RECORDED["restored"]["product"]["id"]
    assert events() == expected(log_of("restored"), product)
    assert [e[1] for e in events()] == ["withdrawn", "restored"]


def test_redeliveries_and_overlapping_logs_store_each_event_once(client, fake_saleor, installation, queued):
    # when the withdrawal's webhook, the restore's (carrying the withdrawal again) and a redelivery of each arrive
    for name in ("withdrawn", "restored", "withdrawn", "restored"):
        assert deliver(client, fake_saleor, payload(name)).status_code == 200
    # then there are exactly two events, and the redeliveries queued nothing new
    assert [e[1] for e in events()] == ["withdrawn", "restored"]
    assert len(queued) == 2


def test_a_late_delivery_is_still_logged_though_the_catalogue_ignores_it(client, fake_saleor, installation, queued,
                                                                        settings):
    # given deliveries older than the catalogue accepts (Saleor retried them after an outage)
    settings.APP_WEBHOOK_MAX_AGE = 1
    response = deliver(client, fake_saleor, payload("restored"))
    # then the catalogue ignores it (newer events have refreshed the product) but the log keeps what it carries
    assert response.json() == {"ignored": "issued too long ago"} and queued == []
    assert [e[1] for e in events()] == ["withdrawn", "restored"]


def test_a_forged_delivery_logs_nothing(client, fake_saleor, installation, queued):
    body = json.dumps(payload("restored")).encode()
    response = deliver(client, fake_saleor, body, signature=SigningKey("key-1").sign(body))
    assert response.status_code == 401
    assert events() == []


def test_a_bad_entry_is_named_in_the_log_and_its_neighbours_are_kept(client, fake_saleor, installation, queued,
                                                                    caplog):
    # given the restore's payload with its first entry's time stripped of its offset
    body = payload("restored")
    entries = json.loads(body["product"]["ocopWithdrawals"])
    entries[0]["at"] = entries[0]["at"][:19]
    body["product"]["ocopWithdrawals"] = json.dumps(entries)
    # when it is delivered
    response = deliver(client, fake_saleor, body)
    # then the good entry is stored, and the bad one named in the service's log
    assert response.status_code == 200
    assert [e[1] for e in events()] == ["restored"]
    assert f"entry 0: at '{entries[0]['at']}' is not a date-time with its offset (left out)" in caplog.text


@pytest.mark.parametrize(("value", "message"), [
    ("not json", "product.ocopWithdrawals: the log is not JSON"),
    ('{"id": 1}', "product.ocopWithdrawals: the log is not a list"),
    (json.dumps([{"id": n, "action": "withdrawn", "at": "2026-11-27T17:00:00+00:00"} for n in range(1, 102)]),
     "product.ocopWithdrawals: the log has 101 entries, more than 100"),
])
def test_a_log_that_is_not_the_plugins_is_named_and_the_product_still_refreshed(
        client, fake_saleor, installation, queued, caplog, value, message):
    # given a product whose private metadata someone overwrote by hand
    body = payload("withdrawn")
    body["product"]["ocopWithdrawals"] = value
    # when its PRODUCT_UPDATED arrives
    response = deliver(client, fake_saleor, body)
    # then nothing is logged from it, the service's log names what is wrong, and the catalogue still follows
    assert response.status_code == 200 and len(queued) == 1
    assert events() == []
    assert message in caplog.text


def test_only_product_updated_payloads_carrying_a_log_are_read_for_it():
    assert withdrawal_log_from_payload({"__typename": "ProductCreated", "product": {"id": "UHJvZHVjdDox"}}) is None
    without = payload("withdrawn")
    without["product"]["ocopWithdrawals"] = None  # a product the plugin never withdrew
    assert withdrawal_log_from_payload(without) is None
    found = withdrawal_log_from_payload(payload("restored"))
    assert found is not None and [e.action for e in found.entries] == ["withdrawn", "restored"]


def test_a_delivery_carrying_a_log_costs_a_fixed_number_of_queries(client, fake_saleor, installation, queued,
                                                                    django_assert_num_queries):
    # the installation, the certificates' provinces, the entries already stored, the insert, and the
    # delivery's record (in its savepoint) — however many entries the log holds
    with django_assert_num_queries(7):
        deliver(client, fake_saleor, payload("restored"))
