"""The certification sync inside a real Saleor 3.23 (issue 3, "Tests and figures", tier 2).

One catalogue per module, built through Saleor's GraphQL API; the feed is served by a local
HTTP server that the plugin's feed_url points at. Tests run in file order and each leaves the
catalogue in the baseline state (the sync is idempotent and restores exactly).

The feed's dates are relative to the day the syncs judge on. That day is fixed when the module's
shop is built, and every Saleor process that judges (``ocop_sync``, the periodic task) runs on a
clock shifted with libfaketime to noon Vietnam time that day, so a module that runs across a
Vietnam midnight sees the same day throughout.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from testkit import catalogue as cat
from testkit import saleor_harness as harness
from testkit.saleor_harness import free_port, last_json_line
from testkit.servers import FeedServer, WebhookReceiver

VN = ZoneInfo("Asia/Ho_Chi_Minh")

PLUGIN_UPDATE = """mutation($input: PluginUpdateInput!) { pluginUpdate(id: "ocop.certification", input: $input) {
  errors { field message } } }"""
CATEGORY = """mutation($input: CategoryInput!) { categoryCreate(input: $input) {
  category { id } errors { field message code } } }"""
PRODUCT_UPDATE = """mutation($id: ID!, $input: ProductInput!) { productUpdate(id: $id, input: $input) {
  product { id } errors { field message code } } }"""
WEBHOOK = """mutation($input: WebhookCreateInput!) { webhookCreate(input: $input) {
  webhook { id } errors { field message code } } }"""


def sync_day() -> tuple[date, dict]:
    """The Vietnam date the module's syncs judge on, and the environment that keeps their clock
    at noon that day (real speed). Without libfaketime the clock is the real one."""
    now = datetime.now(UTC)
    today = now.astimezone(VN).date()
    if harness.faketime_library() is None:
        return today, {}
    noon = datetime.combine(today, time(12), tzinfo=VN)
    return today, harness.shifted_clock(int((noon - now).total_seconds()))


def certificate(cid, *, today: date, valid_until, stars=4, status="active", issued_on=None, supersedes=None):
    issued = issued_on or (date.fromisoformat(valid_until) - timedelta(days=3 * 365)).isoformat()
    return {
        "id": cid, "product_name": f"Sản phẩm {cid}", "producer": "HTX Đồng Tâm", "stars": stars,
        "status": status, "issued_on": min(issued, today.isoformat()), "valid_until": valid_until,
        "decision_no": "2417/QĐ-UBND", "issuer": "UBND tỉnh Lâm Đồng", "province": "lam-dong",
        "group": "thuc-pham", "supersedes": supersedes, "revoked_on": None,
    }


def baseline(today: date) -> list[dict]:
    def day(offset: int) -> str:
        return (today + timedelta(days=offset)).isoformat()

    def make(cid, **fields):
        return certificate(cid, today=today, **fields)

    return [
        make("LD-2026-0001", valid_until=day(400), stars=4),
        make("LD-2026-0002", valid_until=day(0), stars=3),  # expiring today: still sellable
        make("LD-2023-0003", valid_until=day(-1), stars=4),  # expired yesterday
        make("LD-2025-0004", valid_until=day(500), stars=5, status="revoked"),
        make("LD-2023-0005", valid_until=day(-30), stars=3),  # expired, renewed by 0006
        make("LD-2026-0006", valid_until=day(3 * 365), stars=5, issued_on=day(-29), supersedes="LD-2023-0005"),
        make("LD-2026-0007", valid_until=day(300), stars=4),  # valid, but staff unpublished it by hand
        make("LD-2023-0008", valid_until=day(-10), stars=3),  # expired and unpublished by hand
    ]


PRODUCTS = [
    {"slug": "p-valid", "certificate": "LD-2026-0001"},
    {"slug": "p-today", "certificate": "LD-2026-0002"},
    {"slug": "p-yesterday", "certificate": "LD-2023-0003",
     "listing": {"publishedAt": "2025-01-02T03:04:05+00:00", "availableForPurchaseAt": "2025-02-03T04:05:06+00:00"}},
    {"slug": "p-revoked", "certificate": "LD-2025-0004"},
    {"slug": "p-renewed", "certificate": "LD-2023-0005", "stars": 3, "valid_until": -30},  # days from today
    {"slug": "p-missing", "certificate": None},
    {"slug": "p-unknown", "certificate": "XX-2026-9999"},
    {"slug": "p-hand", "certificate": "LD-2026-0007"},
    {"slug": "p-hand-expired", "certificate": "LD-2023-0008"},
    {"slug": "other-1", "type": "other-product"},
]
SELLABLE = {"p-valid", "p-today", "p-renewed"}
WITHDRAWN_FIRST = {"p-yesterday", "p-revoked", "p-missing", "p-unknown"}
OCOP = {p["slug"] for p in PRODUCTS if p.get("type", "ocop-product") == "ocop-product"}


class Shop:
    def __init__(self, api, env, feed, webhooks, catalogue, today: date, clock: dict):
        self.api, self.env, self.feed, self.webhooks, self.catalogue = api, env, feed, webhooks, catalogue
        self.today, self.clock = today, clock  # the day the syncs judge on, and their clock
        self.before: dict[str, list[dict]] = {}
        self.certificates = baseline(today)

    def day(self, offset: int) -> str:
        return (self.today + timedelta(days=offset)).isoformat()

    def certificate(self, cid, **fields) -> dict:
        return certificate(cid, today=self.today, **fields)

    def publish_feed(self, certificates=None, generated_at: datetime | None = None) -> None:
        self.feed.mode = "ok"
        self.feed.document = {
            "generated_at": (generated_at or datetime.now(UTC)).isoformat(),
            "certificates": copy.deepcopy(self.certificates if certificates is None else certificates),
        }

    def configure(self, **values) -> None:
        self.api.data(PLUGIN_UPDATE, {"input": {"configuration": [
            {"name": name, "value": value} for name, value in values.items()]}})

    def sync(self, *args: str) -> dict:
        return last_json_line(self.env.manage(
            "ocop_sync", "--json", *args, env={"OCOP_FEED_TIMEOUT": "2,3", **self.clock}).stdout)

    def visible(self) -> set[str]:
        return cat.visible_slugs(self.api)


def names(items) -> set[str]:
    return {item["product"] for item in items}


@pytest.fixture(scope="module")
def shop(saleor_api, saleor_env):
    today, clock = sync_day()
    with FeedServer(token="feed-token") as feed, WebhookReceiver() as webhooks:
        catalogue = cat.build_base(saleor_api)
        cat.add_products(saleor_api, catalogue, [
            {**spec, "valid_until": (today + timedelta(days=spec["valid_until"])).isoformat()}
            if "valid_until" in spec else spec
            for spec in PRODUCTS
        ])
        cat.unpublish(saleor_api, catalogue, "p-hand")
        cat.unpublish(saleor_api, catalogue, "p-hand-expired")
        saleor_api.data(WEBHOOK, {"input": {"name": "product-updated", "targetUrl": webhooks.url,
                                            "asyncEvents": ["PRODUCT_UPDATED"], "isActive": True}})
        saleor_api.data(PLUGIN_UPDATE, {"input": {"active": True, "configuration": [
            {"name": "feed_url", "value": feed.url},
            {"name": "feed_token", "value": "feed-token"},
            {"name": "max_withdraw_share", "value": "1"},
        ]}})
        shop = Shop(saleor_api, saleor_env, feed, webhooks, catalogue, today, clock)
        shop.before = {slug: cat.listing_state(saleor_api, catalogue, slug) for slug in catalogue.products}
        shop.publish_feed()
        yield shop


def test_after_a_sync_a_customer_sees_and_can_buy_exactly_the_sellable_ones(shop):
    assert shop.visible() == SELLABLE | WITHDRAWN_FIRST | {"other-1"}  # before: everything published is visible
    summary = shop.sync()
    assert set(summary) == {"run_id", "fetched", "withdrawn", "restored", "updated", "held", "errors"}
    assert summary["fetched"] is True and summary["held"] is False and summary["errors"] == []
    assert names(summary["withdrawn"]) == WITHDRAWN_FIRST
    assert summary["restored"] == []
    reasons = {item["product"]: item["reason"] for item in summary["withdrawn"]}
    assert reasons["p-missing"] == "no certificate"
    assert "XX-2026-9999" in reasons["p-unknown"]
    assert "revoked" in reasons["p-revoked"] and "expired" in reasons["p-yesterday"]

    assert shop.visible() == SELLABLE | {"other-1"}
    for slug in OCOP | {"other-1"}:
        assert cat.can_buy(shop.api, shop.catalogue, slug) == (slug in SELLABLE | {"other-1"}), slug

    # Withdrawn = unpublished in every channel it is listed in.
    for slug in WITHDRAWN_FIRST:
        assert [listing["isPublished"] for listing in cat.listing_state(shop.api, shop.catalogue, slug)] == [False]
    # ocop-stars and ocop-valid-until follow the (renewed) certificate.
    assert cat.attribute_values(shop.api, shop.catalogue, "p-renewed") == {
        "ocop-certificate": "LD-2023-0005", "ocop-stars": "5", "ocop-valid-until": shop.day(3 * 365)}
    assert cat.attribute_values(shop.api, shop.catalogue, "p-valid") == {
        "ocop-certificate": "LD-2026-0001", "ocop-stars": "4", "ocop-valid-until": shop.day(400)}
    assert "p-renewed" in names(summary["updated"])

    audit = shop.env.shell_json(
        "import json\nfrom ocop_certification.models import AuditEntry\n"
        "print(json.dumps([[a.action, a.product_name, a.certificate_id, a.reason, a.run_id] "
        "for a in AuditEntry.objects.order_by('product_name')]))"
    )
    assert {(a[0], a[1], a[2], a[4]) for a in audit} == {
        ("withdraw", "p-missing", "", summary["run_id"]),
        ("withdraw", "p-revoked", "LD-2025-0004", summary["run_id"]),
        ("withdraw", "p-unknown", "XX-2026-9999", summary["run_id"]),
        ("withdraw", "p-yesterday", "LD-2023-0003", summary["run_id"]),
    }


def test_product_updated_reaches_a_webhook_subscriber(shop):
    events = [r for r in shop.webhooks.received if r["headers"].get("Saleor-Event") == "product_updated"]
    delivered = {item["id"] for event in events for item in event["payload"]}
    changed = {shop.catalogue.products[slug]["id"] for slug in WITHDRAWN_FIRST | {"p-renewed", "p-valid", "p-today"}}
    assert changed <= delivered
    assert shop.catalogue.products["other-1"]["id"] not in delivered


def test_a_second_run_is_conditional_and_changes_nothing(shop):
    summary = shop.sync()
    assert summary["fetched"] is True
    assert (summary["withdrawn"], summary["restored"], summary["updated"], summary["errors"]) == ([], [], [], [])
    assert shop.feed.requests[-1]["if_none_match"]  # conditional GET
    assert shop.visible() == SELLABLE | {"other-1"}


def test_a_hand_unpublished_product_stays_unpublished(shop):
    for slug in ("p-hand", "p-hand-expired"):
        assert cat.listing_state(shop.api, shop.catalogue, slug)[0]["isPublished"] is False
        assert not cat.can_buy(shop.api, shop.catalogue, slug)


def test_a_withdrawn_product_published_again_by_hand_is_withdrawn_again(shop):
    # Given: staff publish p-yesterday (certificate expired, withdrawn by us) by hand, giving it
    # the category Saleor requires before publishing.
    product_id = shop.catalogue.products["p-yesterday"]["id"]
    category = shop.api.data(CATEGORY, {"input": {"name": "Thực phẩm", "slug": "thuc-pham"}})["categoryCreate"]
    shop.api.data(PRODUCT_UPDATE, {"id": product_id, "input": {"category": category["category"]["id"]}})
    shop.api.data(cat.LISTING, {"id": product_id, "input": {"updateChannels": [
        {"channelId": shop.catalogue.channel_id, "isPublished": True, "isAvailableForPurchase": True}]}})
    assert "p-yesterday" in shop.visible()
    # When: the next sync runs.
    summary = shop.sync()
    # Then: it leaves sale again; the first withdrawal (and the listing stored then) is kept.
    assert [(item["product"], item["reason"]) for item in summary["withdrawn"]] == [
        ("p-yesterday", f"expired on {shop.day(-1)} (LD-2023-0003)")]
    assert shop.visible() == SELLABLE | {"other-1"}
    assert not cat.can_buy(shop.api, shop.catalogue, "p-yesterday")
    open_withdrawals = shop.env.sql(
        "SELECT count(*) FROM ocop_certification_withdrawal w JOIN product_product p ON p.id = w.product_id "
        "WHERE p.slug = 'p-yesterday' AND w.restored_at IS NULL")
    assert open_withdrawals == [(1,)]


def test_a_renewal_restores_the_exact_previous_listing(shop):
    shop.certificates += [
        shop.certificate("LD-2026-0103", valid_until=shop.day(3 * 365), stars=5, issued_on=shop.day(0),
                         supersedes="LD-2023-0003"),
        shop.certificate("LD-2026-0108", valid_until=shop.day(3 * 365), stars=4, issued_on=shop.day(0),
                         supersedes="LD-2023-0008"),
    ]
    shop.publish_feed()
    summary = shop.sync()
    assert names(summary["restored"]) == {"p-yesterday"}
    assert summary["withdrawn"] == []
    assert cat.listing_state(shop.api, shop.catalogue, "p-yesterday") == shop.before["p-yesterday"]
    assert shop.before["p-yesterday"][0]["publishedAt"].startswith("2025-01-02T03:04:05")
    # Renewed, but staff had unpublished it by hand: the plugin never publishes it.
    assert cat.listing_state(shop.api, shop.catalogue, "p-hand-expired")[0]["isPublished"] is False
    assert cat.attribute_values(shop.api, shop.catalogue, "p-yesterday")["ocop-stars"] == "5"
    assert shop.visible() == SELLABLE | {"p-yesterday", "other-1"}
    assert cat.can_buy(shop.api, shop.catalogue, "p-yesterday")
    restores = shop.env.shell_json(
        "import json\nfrom ocop_certification.models import AuditEntry\n"
        "print(json.dumps([[a.product_name, a.certificate_id, a.run_id]\n"
        "                  for a in AuditEntry.objects.filter(action='restore')]))"
    )
    assert restores == [["p-yesterday", "LD-2026-0103", summary["run_id"]]]


PRIVATE_LOG = """query($id: ID!) { product(id: $id) { privateMetafield(key: "ocop.withdrawals") } }"""


def test_the_product_carries_its_withdrawals_and_restore_in_private_metadata(shop):
    # given p-yesterday: withdrawn by the first sync, withdrawn again after staff published it by
    # hand, then restored by its renewal (the tests above)
    product_id = shop.catalogue.products["p-yesterday"]["id"]
    # when an app with MANAGE_PRODUCTS reads the product's private metadata
    value = shop.api.data(PRIVATE_LOG, {"id": product_id})["product"]["privateMetafield"]
    entries = json.loads(value)
    # then it holds each of them, oldest first, with reason, certificate and an offset time, as the
    # plugin's audit trail has them
    assert [(e["action"], e["reason"], e["certificate_id"]) for e in entries] == [
        ("withdrawn", f"expired on {shop.day(-1)} (LD-2023-0003)", "LD-2023-0003"),
        ("withdrawn", f"expired on {shop.day(-1)} (LD-2023-0003)", "LD-2023-0003"),
        ("restored", f"valid until {shop.day(3 * 365)}", "LD-2026-0103"),
    ]
    audit = shop.env.sql(
        "SELECT a.id, a.action, a.at FROM ocop_certification_auditentry a JOIN product_product p "
        "ON p.id = a.product_id WHERE p.slug = 'p-yesterday' ORDER BY a.id")
    assert [(e["id"], e["action"], datetime.fromisoformat(e["at"])) for e in entries] == [
        (row[0], {"withdraw": "withdrawn", "restore": "restored"}[row[1]], row[2]) for row in audit]
    assert all(datetime.fromisoformat(e["at"]).utcoffset() is not None for e in entries)
    # and a customer (no token) cannot read it
    anonymous = shop.api.graphql(PRIVATE_LOG, {"id": product_id}, token=None)
    assert anonymous.get("errors") or anonymous["data"]["product"] is None
    # and a product the plugin never touched has none
    untouched = shop.api.data(PRIVATE_LOG, {"id": shop.catalogue.products["p-valid"]["id"]})
    assert untouched["product"]["privateMetafield"] is None


def everything_revoked(certificates):
    return [{**c, "status": "revoked"} for c in certificates]


FAULTS = ["unreachable", "timeout", "http_error", "unauthorised", "truncated", "malformed", "schema", "empty", "stale"]


@pytest.mark.parametrize("fault", FAULTS)
def test_a_feed_fault_withdraws_nothing(shop, fault):
    visible = shop.visible()
    assert visible == SELLABLE | {"p-yesterday", "other-1"}
    # What the server would say if it answered: everything revoked, so a fault read naively would withdraw all.
    shop.publish_feed(everything_revoked(shop.certificates))
    if fault == "unreachable":
        shop.configure(feed_url=f"http://127.0.0.1:{free_port()}/registry/feed.json")
    elif fault == "timeout":
        shop.feed.mode = "slow"
    elif fault == "unauthorised":
        shop.feed.token = "another-token"
    elif fault == "stale":
        shop.publish_feed(everything_revoked(shop.certificates), generated_at=datetime(2020, 1, 1, tzinfo=UTC))
    elif fault in {"http_error", "truncated", "malformed", "schema", "empty"}:
        shop.feed.mode = fault
    try:
        summary = shop.sync()
    finally:
        shop.feed.mode = "ok"
        shop.feed.token = "feed-token"
        if fault == "unreachable":
            shop.configure(feed_url=shop.feed.url)
        shop.publish_feed()
    assert summary["withdrawn"] == [] and summary["restored"] == [] and summary["held"] is False
    assert summary["fetched"] is False
    kinds = [error["kind"] for error in summary["errors"]]
    assert kinds == [fault], summary["errors"]
    assert shop.visible() == visible
    recorded = shop.env.shell_json(
        "import json\nfrom ocop_certification.models import SyncRun\n"
        f"r = SyncRun.objects.get(pk={summary['run_id']})\nprint(json.dumps([r.status, r.errors]))"
    )
    assert recorded[0] == "done" and recorded[1][0]["kind"] == fault


def test_expiries_still_happen_from_the_last_good_copy(shop):
    # A product linked to a certificate the last good copy knows has expired; the feed is down.
    cat.add_products(shop.api, shop.catalogue, [{"slug": "p-late", "certificate": "LD-2023-0003-X"}])
    shop.certificates.append(shop.certificate("LD-2023-0003-X", valid_until=shop.day(-1)))
    shop.publish_feed()
    first = shop.sync()
    assert names(first["withdrawn"]) == {"p-late"}
    restore = next(c for c in shop.certificates if c["id"] == "LD-2023-0003-X")
    restore["valid_until"] = shop.day(30)
    shop.publish_feed()
    assert names(shop.sync()["restored"]) == {"p-late"}
    # Now the feed goes down; the last good copy still says LD-2023-0003-X is valid: nothing changes.
    shop.feed.mode = "http_error"
    try:
        summary = shop.sync()
    finally:
        shop.feed.mode = "ok"
    assert summary["withdrawn"] == [] and [e["kind"] for e in summary["errors"]] == ["http_error"]
    # The plan is made from the last good copy: a product newly linked to a certificate that copy
    # knows as revoked is withdrawn even while the feed is down.
    cat.add_products(shop.api, shop.catalogue, [{"slug": "p-late-revoked", "certificate": "LD-2025-0004"}])
    shop.feed.mode = "http_error"
    try:
        summary = shop.sync()
    finally:
        shop.feed.mode = "ok"
    assert names(summary["withdrawn"]) == {"p-late-revoked"}
    assert [e["kind"] for e in summary["errors"]] == ["http_error"]


def test_the_last_good_copy_is_read_from_its_body_when_its_packed_form_is_missing_or_damaged(shop):
    for packed, slug in ((None, "p-unpacked"), (b'{"layout": 1, "certificates": [["LD-', "p-damaged")):
        # Given: the feed is down, and the last good copy's packed form is missing (stored before
        # there was one) or damaged; a new product is linked to a certificate that copy knows as revoked.
        shop.env.sql("UPDATE ocop_certification_feedstate SET packed = %s", (packed,))
        cat.add_products(shop.api, shop.catalogue, [{"slug": slug, "certificate": "LD-2025-0004"}])
        shop.feed.mode = "http_error"
        try:
            summary = shop.sync()
        finally:
            shop.feed.mode = "ok"
        # Then: the run judged from the copy's body, with no error but the feed's own...
        assert names(summary["withdrawn"]) == {slug}
        assert [e["kind"] for e in summary["errors"]] == ["http_error"]
        # ...and stored the packed form again, for the next fresh process.
        stored = shop.env.sql(
            "SELECT convert_from(packed, 'UTF8')::json->>'layout', "
            "json_array_length(convert_from(packed, 'UTF8')::json->'certificates'), certificate_count "
            "FROM ocop_certification_feedstate")
        assert stored == [("1", len(shop.certificates), len(shop.certificates))]


def test_a_mass_withdrawal_is_held_until_confirmed(shop):
    shop.configure(max_withdraw_share="0.10")
    try:
        revoked = [{**c, "status": "revoked"} if c["id"] in {"LD-2026-0001", "LD-2026-0002"} else c
                   for c in shop.certificates]
        shop.publish_feed(revoked)
        held = shop.sync()
        assert held["held"] is True and held["withdrawn"] == []
        hold = [e for e in held["errors"] if e["kind"] == "held"]
        assert hold and f"--confirm-run {held['run_id']}" in hold[0]["message"]
        assert {"p-valid", "p-today"} <= shop.visible()
        again = shop.sync()  # still held: nothing withdrawn without confirmation
        assert again["held"] is True and again["withdrawn"] == []

        confirmed = shop.sync("--confirm-run", str(held["run_id"]))
        assert confirmed["held"] is False
        assert names(confirmed["withdrawn"]) == {"p-valid", "p-today"}
        assert not ({"p-valid", "p-today"} & shop.visible())
    finally:
        shop.configure(max_withdraw_share="1")
        shop.publish_feed()
    restored = shop.sync()
    assert names(restored["restored"]) == {"p-valid", "p-today"}
    assert shop.visible() == SELLABLE | {"p-yesterday", "p-late", "other-1"}


def test_a_held_run_is_released_by_a_config_change(shop):
    shop.configure(max_withdraw_share="0.10")
    try:
        revoked = [{**c, "status": "revoked"} if c["id"] in {"LD-2026-0001", "LD-2026-0002"} else c
                   for c in shop.certificates]
        shop.publish_feed(revoked)
        assert shop.sync()["held"] is True
        shop.configure(max_withdraw_share="0.5")  # staff accept a larger share
        released = shop.sync()
        assert released["held"] is False
        assert names(released["withdrawn"]) == {"p-valid", "p-today"}
    finally:
        shop.configure(max_withdraw_share="1")
        shop.publish_feed()
    assert names(shop.sync()["restored"]) == {"p-valid", "p-today"}


def test_the_periodic_celery_task_runs_a_sync(shop):
    result = shop.env.shell_json(
        "import json\nfrom ocop_certification.tasks import sync_certifications_task\n"
        "from ocop_certification.models import SyncRun\n"
        "run_id = sync_certifications_task.delay().get()\n"
        "run = SyncRun.objects.get(pk=run_id)\n"
        "print(json.dumps([run.trigger, run.status, run.summary['withdrawn']]))",
        env=shop.clock,
    )
    assert result == ["periodic", "done", []]


def test_a_dry_run_changes_nothing(shop):
    revoked = [{**c, "status": "revoked"} if c["id"] == "LD-2026-0001" else c for c in shop.certificates]
    shop.publish_feed(revoked)
    try:
        summary = shop.sync("--dry-run")
    finally:
        shop.publish_feed()
    assert names(summary["withdrawn"]) == {"p-valid"}
    assert "p-valid" in shop.visible()
    status = shop.env.shell_json(
        "import json\nfrom ocop_certification.models import SyncRun, Withdrawal\n"
        f"print(json.dumps([SyncRun.objects.get(pk={summary['run_id']}).status, "
        "Withdrawal.objects.filter(product__slug='p-valid', restored_at__isnull=True).count()]))"
    )
    assert status == ["dry_run", 0]


def test_two_concurrent_runs_behave_like_one(shop):
    revoked = [{**c, "status": "revoked"} if c["id"] == "LD-2026-0002" else c for c in shop.certificates]
    shop.publish_feed(revoked)
    processes = [shop.env.popen_manage("ocop_sync", "--json", env=shop.clock) for _ in range(2)]
    outputs = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    summaries = [last_json_line(stdout) for stdout, _ in outputs]
    withdrawn = [names(s["withdrawn"]) for s in summaries]
    assert sorted(withdrawn, key=len) == [set(), {"p-today"}]
    runs = [s["run_id"] for s in summaries]
    counts = shop.env.shell_json(
        "import json\nfrom ocop_certification.models import AuditEntry, Withdrawal\n"
        "print(json.dumps([Withdrawal.objects.filter(product__slug='p-today', restored_at__isnull=True).count(), "
        f"AuditEntry.objects.filter(product_name='p-today', action='withdraw', run_id__in={runs!r}).count()]))"
    )
    assert counts == [1, 1]
    shop.publish_feed()
    assert names(shop.sync()["restored"]) == {"p-today"}


def test_products_of_other_types_are_never_touched(shop):
    assert cat.listing_state(shop.api, shop.catalogue, "other-1") == shop.before["other-1"]
    ids = shop.env.shell_json(
        "import json\nfrom ocop_certification.models import AuditEntry, ProductCertification\n"
        "print(json.dumps(sorted({a.product_name for a in AuditEntry.objects.all()} | "
        "{p.product.slug for p in ProductCertification.objects.select_related('product')})))"
    )
    assert "other-1" not in ids


def test_json_summary_is_printed_for_the_run(shop):
    summary = shop.sync()
    run = shop.env.shell_json(
        "import json\nfrom ocop_certification.models import SyncRun\n"
        f"print(json.dumps(SyncRun.objects.get(pk={summary['run_id']}).summary))"
    )
    assert run == summary
    json.dumps(summary)
