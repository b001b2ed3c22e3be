"""The run queued for the exact instant of the next expiry, on a real Celery worker (tier 2).

A certificate's last valid day is "today"; its product must leave sale at 00:00 Vietnam time,
not at the next periodic run. Waiting for a real midnight is not an option, so Saleor's
processes (the worker and ``ocop_sync``) run on a clock shifted with libfaketime to shortly
before a Vietnam midnight; both share the same offset, so they agree on when the task's
``eta`` comes. The broker is a dedicated Redis database (SALEOR_TEST_BROKER, default
``redis://127.0.0.1:6379/13``), emptied before and after.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import redis

from . import catalogue as cat
from . import saleor_harness as harness
from .saleor_harness import last_json_line
from .servers import FeedServer

VN = ZoneInfo("Asia/Ho_Chi_Minh")
LEAD_SECONDS = 90  # the shifted clock starts this long before midnight: worker start-up + one sync run
BROKER_URL = os.environ.get("SALEOR_TEST_BROKER", "redis://127.0.0.1:6379/13")

PLUGIN_UPDATE = """mutation($input: PluginUpdateInput!) { pluginUpdate(id: "ocop.certification", input: $input) {
  errors { field message } } }"""


def certificate(cid: str, *, issued_on, valid_until) -> dict:
    return {
        "id": cid, "product_name": f"Sản phẩm {cid}", "producer": "HTX Đồng Tâm", "stars": 4,
        "status": "active", "issued_on": issued_on.isoformat(), "valid_until": valid_until.isoformat(),
        "decision_no": "2417/QĐ-UBND", "issuer": "UBND tỉnh Lâm Đồng", "province": "Lâm Đồng",
        "group": "thuc-pham", "supersedes": None,
    }


@pytest.fixture(scope="module")
def broker():
    if harness.faketime_library() is None:
        pytest.skip("needs libfaketime: apt-get install faketime")
    client = redis.Redis.from_url(BROKER_URL)
    client.flushdb()
    yield BROKER_URL
    client.flushdb()


def test_a_certificate_ending_tonight_is_withdrawn_by_the_run_queued_for_midnight(saleor_api, saleor_env, broker):
    # Given: a clock shifted to LEAD_SECONDS before a Vietnam midnight, one certificate whose
    # last valid day is the day before that midnight and one valid for another year.
    real_now = datetime.now(UTC)
    midnight = datetime.combine(real_now.astimezone(VN).date() + timedelta(days=2), datetime.min.time(), tzinfo=VN)
    offset = int((midnight - timedelta(seconds=LEAD_SECONDS) - real_now).total_seconds())
    clock = harness.shifted_clock(offset)
    last_day = midnight.date() - timedelta(days=1)
    with FeedServer(token="feed-token") as feed:
        feed.document = {
            "generated_at": real_now.isoformat(),
            "certificates": [
                certificate("LD-2023-0101", issued_on=last_day - timedelta(days=1094), valid_until=last_day),
                certificate("LD-2026-0102", issued_on=last_day - timedelta(days=30),
                            valid_until=last_day + timedelta(days=365)),
            ],
        }
        catalogue = cat.build_base(saleor_api)
        cat.add_products(saleor_api, catalogue, [
            {"slug": "p-ends-tonight", "certificate": "LD-2023-0101"},
            {"slug": "p-valid", "certificate": "LD-2026-0102"},
        ])
        saleor_api.data(PLUGIN_UPDATE, {"input": {"active": True, "configuration": [
            {"name": "feed_url", "value": feed.url},
            {"name": "feed_token", "value": "feed-token"},
            {"name": "max_withdraw_share", "value": "1"},
        ]}})
        worker = harness.CeleryWorker(saleor_env, broker, env=clock)
        worker.start()
        try:
            # When: a sync runs before midnight (both products still sellable) ...
            summary = last_json_line(saleor_env.manage(
                "ocop_sync", "--json", env={**clock, "CELERY_BROKER_URL": broker}).stdout)
            assert summary["fetched"] is True and summary["errors"] == []
            assert summary["withdrawn"] == [], "the scheduling run reached midnight: raise LEAD_SECONDS"
            # ... it queues the next run for the exact instant the first certificate ends.
            [(scheduled_for,)] = saleor_env.sql("SELECT next_expiry_scheduled_for FROM ocop_certification_feedstate")
            assert scheduled_for == midnight

            # Then: the worker runs it at midnight and the product leaves sale.
            deadline = time.monotonic() + LEAD_SECONDS + 120
            rows: list[tuple] = []
            while time.monotonic() < deadline and not rows:
                rows = saleor_env.sql(
                    "SELECT status, started_at, summary FROM ocop_certification_syncrun "
                    "WHERE trigger = 'expiry' AND finished_at IS NOT NULL"
                )
                time.sleep(1)
            assert rows, f"no expiry run within {LEAD_SECONDS + 120} s; worker log:\n{worker.log()}"
        finally:
            worker.stop()

    [(status, started_at, run_summary)] = rows
    assert status == "done"
    assert midnight <= started_at < midnight + timedelta(seconds=30), (started_at, midnight)
    assert [(item["product"], item["reason"]) for item in run_summary["withdrawn"]] == [
        ("p-ends-tonight", f"expired on {last_day.isoformat()} (LD-2023-0101)")
    ]
    assert run_summary["restored"] == [] and run_summary["errors"] == []
    assert cat.visible_slugs(saleor_api) == {"p-valid"}
    assert [listing["isPublished"] for listing in cat.listing_state(saleor_api, catalogue, "p-ends-tonight")] == [
        False
    ]
