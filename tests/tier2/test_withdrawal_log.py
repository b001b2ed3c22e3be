"""Tier 2: what the certification plugin withdrew and restored reaches the web service's log.

A real Saleor 3.23 with the plugin holds the demo catalogue; the web service is installed in it as the
app ``ocop.market`` (its manifest's PRODUCT_UPDATED subscription reads the product's private
metadata). The registry revokes a certificate, the plugin withdraws the product, and the web service's
staff log shows it with reason and certificate; the certificate is renewed, the plugin restores the
product, and the log shows that too.

When the deliveries are lost, ``ocop saleor catch-up-withdrawals`` reads the log from Saleor instead.

With ``OCOP_RECORD_WITHDRAWALS=1`` the test also (re)records the signed webhook payloads that carried
the log (tests/fixtures/saleor_webhooks/withdrawals.json) and Saleor's replies to the catch-up
(tests/fixtures/saleor/21_withdrawal_catch_up.json), which tier-1 tests replay.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command

from catalog_sync.app import tasks, views
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.actions import renew_certificate, revoke_certificate
from catalog_sync.registry.models import Certificate, WithdrawalEvent
from catalog_sync.saleor import RECORD_ENV
from catalog_sync.saleor.recording import scrub
from testkit import saleor_harness as harness
from tests.tier2.app_install import staff_install_app

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[2]
PAYLOADS = REPO / "tests" / "fixtures" / "saleor_webhooks" / "withdrawals.json"
CATCH_UP = REPO / "tests" / "fixtures" / "saleor" / "21_withdrawal_catch_up.json"
RECORD = os.environ.get("OCOP_RECORD_WITHDRAWALS") == "1"
CERTIFICATE = "AG-2025-0001"  # the demo's 5★ Phú Quốc fish sauce
PLUGIN_UPDATE = """mutation($input: PluginUpdateInput!) { pluginUpdate(id: "ocop.certification", input: $input) {
  errors { field message } } }"""


def wait_for(condition, *, timeout: float, step: float = 0.2) -> float:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            pytest.fail(f"not within {timeout:.0f} s")
        time.sleep(step)
    return time.monotonic() - started


def sync(saleor_env, saleor_api) -> dict:
    public = {"PUBLIC_URL": f"http://127.0.0.1:{saleor_api.port}/"}  # webhooks name the API they come from
    return harness.last_json_line(saleor_env.manage("ocop_sync", "--json", env=public).stdout)


@pytest.fixture
def carried(monkeypatch):
    """Every webhook payload that carried a withdrawal log, as the web service received it."""
    payloads: list[dict] = []
    parse = views.withdrawal_log_from_payload

    def keeping(payload):
        found = parse(payload)
        if found is not None:
            payloads.append(payload)
        return found

    monkeypatch.setattr(views, "withdrawal_log_from_payload", keeping)
    monkeypatch.setattr(tasks.refresh_object, "delay", lambda *args: None)  # the catalogue is test_app's
    return payloads


def test_the_plugins_withdrawal_and_restore_reach_the_staff_log(
    live_server, settings, saleor_api, saleor_env, shared_data, monkeypatch, client, carried
):
    settings.SALEOR_API_URL = saleor_api.url
    settings.SALEOR_APP_TOKEN = saleor_api.app_token
    settings.APP_PUBLIC_URL = live_server.url
    # given a real Saleor holding the demo catalogue, with the web service installed as its app
    call_command("demo", "--data", str(shared_data), "--json", stdout=io.StringIO(), stderr=io.StringIO())
    staff_install_app(saleor_env, live_server.url, monkeypatch, settings)
    # and the plugin reading the registry's feed
    errors = saleor_api.data(PLUGIN_UPDATE, {"input": {"active": True, "configuration": [
        {"name": "feed_url", "value": f"{live_server.url}/registry/feed.json"},
        {"name": "feed_token", "value": settings.OCOP_FEED_TOKEN}]}})["pluginUpdate"]["errors"]
    assert errors == []
    province = Certificate.objects.get(pk=CERTIFICATE).province
    before = datetime.datetime.now(datetime.UTC).replace(microsecond=0) - datetime.timedelta(seconds=1)

    # when the registry revokes the fish sauce's certificate and the plugin syncs
    revoke_certificate(CERTIFICATE, reason="Vi phạm an toàn thực phẩm", decision_no="99/QĐ-UBND")
    report = sync(saleor_env, saleor_api)
    [withdrawn] = report["withdrawn"]
    # then the web service's log holds the withdrawal, with the plugin's reason and the certificate
    wait_for(lambda: WithdrawalEvent.objects.filter(action="withdrawn").exists(), timeout=30)
    event = WithdrawalEvent.objects.get()
    assert (event.action, event.certificate_id, event.reason, event.product_name, event.province) == (
        "withdrawn", CERTIFICATE, withdrawn["reason"], withdrawn["product"], province)
    assert event.reason == f"revoked from {vietnam_today().isoformat()} ({CERTIFICATE})"

    # when the certificate is renewed and the plugin syncs again
    renewal = renew_certificate(CERTIFICATE, decision_no="100/QĐ-UBND", decision_date=vietnam_today(), stars=5)
    report = sync(saleor_env, saleor_api)
    [restored] = report["restored"]
    # then the restore is logged too, under the renewal's certificate, and the withdrawal is still there once
    wait_for(lambda: WithdrawalEvent.objects.filter(action="restored").exists(), timeout=30)
    assert [(e.action, e.certificate_id, e.reason) for e in WithdrawalEvent.objects.order_by("at")] == [
        ("withdrawn", CERTIFICATE, event.reason),
        ("restored", renewal.pk, restored["reason"]),
    ]
    # and the two events agree with the plugin's own audit trail, to the microsecond
    audit = saleor_env.sql("SELECT id, at FROM ocop_certification_auditentry ORDER BY id")
    assert [(e.saleor_event_id, e.at) for e in WithdrawalEvent.objects.order_by("at")] == audit

    # and staff of the reports see both on the log page, filtered by the province and this month
    staff = User.objects.create_user("vp-ocop", password="x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    client.force_login(staff)
    month = vietnam_today().strftime("%Y-%m")
    page = client.get("/registry/reports/withdrawals/", {"province": province, "month": month})
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count(f">{CERTIFICATE}</a>") == 1 and f">{renewal.pk}</a>" in text
    assert "bị thu hồi" in text and "Rút khỏi bán" in text and "Bán lại" in text

    # and the restore's payload still carried the withdrawal before it
    assert carried, "no webhook carried the log"
    last = json.loads(carried[-1]["product"]["ocopWithdrawals"])
    assert [entry["action"] for entry in last] == ["withdrawn", "restored"]
    if RECORD:
        named = {"withdrawn": next(p for p in carried if len(json.loads(p["product"]["ocopWithdrawals"])) == 1),
                 "restored": carried[-1]}
        PAYLOADS.write_text(json.dumps(scrub(named), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    # when both deliveries are lost (the web service was down) and the catch-up runs
    WithdrawalEvent.objects.all().delete()
    if RECORD:
        monkeypatch.setenv(RECORD_ENV, str(CATCH_UP))
        CATCH_UP.unlink(missing_ok=True)
    out = io.StringIO()
    call_command("saleor_catch_up_withdrawals", "--since", before.isoformat(), "--json", stdout=out)
    monkeypatch.delenv(RECORD_ENV, raising=False)
    # then it reads the products changed since, and the log is whole again
    result = json.loads(out.getvalue())
    assert result["new"] == 2 and result["with_log"] == 1 and result["problems"] == []
    assert [(e.saleor_event_id, e.at) for e in WithdrawalEvent.objects.order_by("at")] == audit
