"""The run queued for the exact instant a verdict changes, on a real Celery worker (tier 2).

A certificate's last valid day is the eve of one Vietnam midnight, and another certificate is
revoked from the day after the next midnight: each product must leave sale at 00:00 Vietnam
time on its day, not at the next periodic run and not a moment before. Waiting for a real
midnight is not an option, so Saleor's processes (the worker and ``ocop_sync``) run on a clock
shifted with libfaketime to shortly before the midnight a test is about; both share the same
offset, so they agree on when the task's ``eta`` comes. The broker is a dedicated Redis
database (SALEOR_TEST_BROKER, default ``redis://127.0.0.1:6379/13``), emptied before and after.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import redis

from testkit import catalogue as cat
from testkit import saleor_harness as harness
from testkit.saleor_api import SaleorApi
from testkit.saleor_harness import last_json_line
from testkit.servers import FeedServer

VN = ZoneInfo("Asia/Ho_Chi_Minh")
LEAD_SECONDS = 90  # the shifted clock starts this long before midnight: worker start-up + one sync run
BROKER_URL = os.environ.get("SALEOR_TEST_BROKER", "redis://127.0.0.1:6379/13")

PLUGIN_UPDATE = """mutation($input: PluginUpdateInput!) { pluginUpdate(id: "ocop.certification", input: $input) {
  errors { field message } } }"""


def certificate(cid: str, *, issued_on: date, valid_until: date, revoked_on: date | None = None) -> dict:
    return {
        "id": cid, "product_name": f"Sản phẩm {cid}", "producer": "HTX Đồng Tâm", "stars": 4,
        "status": "revoked" if revoked_on else "active", "issued_on": issued_on.isoformat(),
        "valid_until": valid_until.isoformat(), "decision_no": "2417/QĐ-UBND", "issuer": "UBND tỉnh Lâm Đồng",
        "province": "lam-dong", "group": "thuc-pham", "supersedes": None,
        "revoked_on": revoked_on.isoformat() if revoked_on else None,
    }


@dataclass
class Scene:
    api: SaleorApi
    env: harness.SaleorEnv
    catalogue: cat.Catalogue
    ends: datetime  # 00:00 Vietnam time after LD-2023-0101's last valid day
    revoked: datetime  # 00:00 Vietnam time on LD-2025-0103's revocation day, a day later


@pytest.fixture(scope="module")
def broker():
    if harness.faketime_library() is None:
        pytest.skip("needs libfaketime: apt-get install faketime")
    client = redis.Redis.from_url(BROKER_URL)
    client.flushdb()
    yield BROKER_URL
    client.flushdb()


@pytest.fixture(scope="module")
def scene(saleor_api, saleor_env, broker):
    # Two and three days ahead: far from now whatever the hour, one day apart.
    ends = datetime.combine(datetime.now(VN).date() + timedelta(days=2), datetime.min.time(), tzinfo=VN)
    revoked = ends + timedelta(days=1)
    last_day = ends.date() - timedelta(days=1)
    with FeedServer(token="feed-token") as feed:
        feed.document = {
            "generated_at": datetime.now(UTC).isoformat(),
            "certificates": [
                certificate("LD-2023-0101", issued_on=last_day - timedelta(days=1094), valid_until=last_day),
                certificate("LD-2026-0102", issued_on=last_day - timedelta(days=30),
                            valid_until=last_day + timedelta(days=365)),
                certificate("LD-2025-0103", issued_on=last_day - timedelta(days=300),
                            valid_until=last_day + timedelta(days=700), revoked_on=revoked.date()),
            ],
        }
        catalogue = cat.build_base(saleor_api)
        cat.add_products(saleor_api, catalogue, [
            {"slug": "p-ends-tonight", "certificate": "LD-2023-0101"},
            {"slug": "p-valid", "certificate": "LD-2026-0102"},
            {"slug": "p-revoked-ahead", "certificate": "LD-2025-0103"},
        ])
        saleor_api.data(PLUGIN_UPDATE, {"input": {"active": True, "configuration": [
            {"name": "feed_url", "value": feed.url},
            {"name": "feed_token", "value": "feed-token"},
            {"name": "max_withdraw_share", "value": "1"},
        ]}})
        yield Scene(saleor_api, saleor_env, catalogue, ends, revoked)


def sync_before(scene: Scene, midnight: datetime) -> tuple[dict, object, tuple]:
    """On a clock LEAD_SECONDS before ``midnight``: one ``ocop_sync`` (its summary), the instant it
    queued the next run for, and that run (status, started_at, summary) once the worker ran it."""
    offset = int((midnight - timedelta(seconds=LEAD_SECONDS) - datetime.now(UTC)).total_seconds())
    clock = harness.shifted_clock(offset)
    [(last_run,)] = scene.env.sql("SELECT coalesce(max(id), 0) FROM ocop_certification_syncrun")
    worker = harness.CeleryWorker(scene.env, BROKER_URL, env=clock)
    worker.start()
    try:
        summary = last_json_line(scene.env.manage(
            "ocop_sync", "--json", env={**clock, "CELERY_BROKER_URL": BROKER_URL}).stdout)
        [(scheduled_for,)] = scene.env.sql("SELECT next_expiry_scheduled_for FROM ocop_certification_feedstate")
        if scheduled_for != midnight and scene.env.sql(
                "SELECT 1 FROM ocop_certification_syncrun WHERE trigger = 'expiry' AND id > %s", (last_run,)):
            scheduled_for = midnight  # read after the queued run began at midnight and queued the next one
        deadline = time.monotonic() + LEAD_SECONDS + 120
        rows: list[tuple] = []
        while time.monotonic() < deadline and not rows:
            rows = scene.env.sql(
                "SELECT status, started_at, summary FROM ocop_certification_syncrun "
                "WHERE trigger = 'expiry' AND finished_at IS NOT NULL AND id > %s", (last_run,))
            time.sleep(1)
        assert rows, f"no expiry run within {LEAD_SECONDS + 120} s; worker log:\n{worker.log()}"
    finally:
        worker.stop()
    return summary, scheduled_for, rows[0]


def withdrawn(summary: dict) -> list[tuple[str, str]]:
    return [(item["product"], item["reason"]) for item in summary["withdrawn"]]


def test_a_certificate_ending_tonight_is_withdrawn_by_the_run_queued_for_midnight(scene):
    # Given: a clock LEAD_SECONDS before the Vietnam midnight that ends LD-2023-0101's last valid day.
    # When: a sync runs before midnight (every product still sellable) ...
    summary, scheduled_for, (status, started_at, run_summary) = sync_before(scene, scene.ends)
    assert summary["fetched"] is True and summary["errors"] == []
    assert summary["withdrawn"] == [], "the scheduling run reached midnight: raise LEAD_SECONDS"
    # ... it queues the next run for the exact instant the first certificate ends.
    assert scheduled_for == scene.ends

    # Then: the worker runs it at midnight and that product leaves sale; the one revoked from
    # the next day stays on sale.
    assert status == "done"
    assert scene.ends <= started_at < scene.ends + timedelta(seconds=30), (started_at, scene.ends)
    last_day = (scene.ends - timedelta(days=1)).date().isoformat()
    assert withdrawn(run_summary) == [("p-ends-tonight", f"expired on {last_day} (LD-2023-0101)")]
    assert run_summary["restored"] == [] and run_summary["errors"] == []
    assert cat.visible_slugs(scene.api) == {"p-valid", "p-revoked-ahead"}
    assert [listing["isPublished"] for listing in cat.listing_state(scene.api, scene.catalogue, "p-ends-tonight")] == [
        False
    ]


def test_a_revocation_dated_ahead_withdraws_the_product_at_midnight_vietnam_time_on_its_day(scene):
    # Given: a clock LEAD_SECONDS before 00:00 Vietnam time on LD-2025-0103's revocation day.
    # When: a sync runs before that midnight ...
    summary, scheduled_for, (status, started_at, run_summary) = sync_before(scene, scene.revoked)
    # ... the product is still on sale (not withdrawn before its day) ...
    assert "p-revoked-ahead" not in dict(withdrawn(summary)), "the scheduling run reached midnight"
    assert summary["errors"] == []
    # ... and the next run is queued for the exact instant the revocation takes effect.
    assert scheduled_for == scene.revoked

    # Then: the worker runs it at midnight and the product leaves sale, saying from when.
    assert status == "done"
    assert scene.revoked <= started_at < scene.revoked + timedelta(seconds=30), (started_at, scene.revoked)
    assert withdrawn(run_summary) == [
        ("p-revoked-ahead", f"revoked from {scene.revoked.date().isoformat()} (LD-2025-0103)")
    ]
    assert run_summary["errors"] == []
    assert cat.visible_slugs(scene.api) == {"p-valid"}
    assert not cat.can_buy(scene.api, scene.catalogue, "p-revoked-ahead")
