"""Load test (not a test in CI): a crowd of shoppers through the whole local store, on loopback.

    SALEOR_PYTHON=/path/to/saleor/venv/bin/python BENCH_ONLY=crowd scripts/bench

1. The whole store as ``scripts/run-local`` starts it (``scripts/local_store.py run``: Saleor's API, worker and
   beat with the certification plugin, localstripe, the web service with its worker and beat) on databases and
   Redis databases of its own, the web service under the production server of docker-compose.yml
   (``WEB_SERVER=gunicorn``) and Saleor's API with compose's two processes. Saleor's database is a copy of the
   tier-2 tests' migrated template (built when missing).
2. The demo catalogue (``ocop demo``) with plenty of stock, but one product with exactly 10, and customer
   accounts; the read model rebuilt (``ocop search reindex``).
3. ``BENCH_CROWD_SHOPPERS`` shoppers (30; 1-100) at once for ``BENCH_CROWD_SECONDS`` (300; 20-1800) seconds,
   ``BENCH_CROWD_THINK`` seconds (1.0; 0-10) between steps on average (benchmarks/crowd_shoppers.py). Meanwhile
   the registry revokes the certificates of 1 % of the products and the plugin withdraws them (``ocop_sync``),
   and staff publish a showcase; at one moment every shopper tries to buy the product with 10 in stock at once.
4. Pass criteria (benchmarks/crowd_figures.py): no 5xx, no order for a withdrawn product placed later than its
   withdrawal's commit plus 10 s (both times read from Saleor's database: the plugin's run and the orders),
   exactly 10 orders for the rushed product with every other rush shopper told "hết hàng". Figures: requests
   per second by page, p50/p95/p99 per step, errors by kind, orders placed, CPU by process (/proc/<pid>/stat
   before and after the load), with ``uptime`` (the machine is shared). Exit 1 when a criterion fails.

Ports: ``BENCH_CROWD_PORT`` (8180: web; +1 Saleor; +2 localstripe); Redis databases ``BENCH_CROWD_REDIS_DB``
(10, and the two after it); databases ``BENCH_CROWD_DB``_web and _saleor (``ocop_bench_crowd``), recreated each
run and dropped after it unless ``BENCH_CROWD_KEEP=1``. The demo's rows: ``DEMO_DATA`` (../shared/data).
"""

from __future__ import annotations

import asyncio
import datetime
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis

from benchmarks.crowd_figures import GRACE, Order, Rush, Withdrawn, report, verdicts
from benchmarks.crowd_shoppers import Crowd, run_crowd
from benchmarks.crowd_store import Store, cpu_by_pid, cpu_seconds, store_processes
from testkit import saleor_harness as harness

REPO = Path(__file__).resolve().parents[1]
RUSH_STOCK = 10


def bounded(name: str, default: float, low: float, high: float) -> float:
    text = os.environ.get(name) or str(default)
    try:
        value = float(text)
    except ValueError:
        sys.exit(f"{name}={text}: not a number")
    if not low <= value <= high:
        sys.exit(f"{name}={text}: must be between {low:g} and {high:g}")
    return value


SHOPPERS = int(bounded("BENCH_CROWD_SHOPPERS", 30, 1, 100))
SECONDS = bounded("BENCH_CROWD_SECONDS", 300, 20, 1800)
THINK = bounded("BENCH_CROWD_THINK", 1.0, 0, 10)
PORT = int(bounded("BENCH_CROWD_PORT", 8180, 1024, 65000))
REDIS_DB = int(bounded("BENCH_CROWD_REDIS_DB", 10, 0, 125))
DB_PREFIX = os.environ.get("BENCH_CROWD_DB") or "ocop_bench_crowd"
DEMO_DATA = Path(os.environ.get("DEMO_DATA") or REPO.parent / "shared" / "data")
ACCOUNTS = 6  # one shopper in five signs in

READ_MODEL = """
import json
from catalog_sync.catalogue.models import Product
print(json.dumps([{"id": p.id, "slug": p.slug, "name": p.name, "certificate": p.certificate_id,
                   "type": p.product_type} for p in Product.objects.order_by("slug")]))
"""
SHOWCASE = """
from catalog_sync.showcases import curation
from catalog_sync.showcases.connection import saleor_client
from catalog_sync.showcases.models import Showcase
client = saleor_client()
showcase = curation.save(Showcase(slug="dac-san-4-sao-%d", name="Đặc sản 4 sao trở lên", min_stars=4), None,
                         "staff@example.com", client)
curation.approve(showcase, "staff@example.com", client)
print(showcase.slug)
"""
CUSTOMERS = """
import json
from saleor.account.models import User
for email, password in json.loads(%r):
    user = User.objects.filter(email=email).first() or User(email=email)
    user.is_active = user.is_confirmed = True
    user.set_password(password)
    user.save()
"""


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def seed(store: Store) -> tuple[list[dict], dict, list[dict]]:
    """The demo, stock, accounts and read model; (products, the rushed product, the products to withdraw)."""
    data = ["--data", str(DEMO_DATA)] if DEMO_DATA.is_dir() else []
    store.web("demo", *data, "--json")
    goods = store.saleor_sql(
        "SELECT p.id, p.slug FROM product_product p JOIN product_producttype t ON t.id = p.product_type_id "
        "WHERE t.slug = 'ocop-product' AND (SELECT count(*) FROM product_productvariant v WHERE v.product_id = p.id)"
        " = 1 ORDER BY p.slug")
    rush_id, rush_slug = goods[len(goods) // 2]
    store.saleor_sql("UPDATE warehouse_stock SET quantity = 100000, quantity_allocated = 0")
    store.saleor_sql("UPDATE warehouse_stock SET quantity = %s WHERE product_variant_id IN "
                     "(SELECT id FROM product_productvariant WHERE product_id = %s)", (RUSH_STOCK, rush_id))
    store.manage("shell", "--no-imports", "-c", CUSTOMERS % json.dumps(store.accounts))
    store.web("search", "reindex", "--json")
    products = json.loads(store.web("shell", "--no-imports", "-c", READ_MODEL).strip().splitlines()[-1])
    rush = next(p for p in products if p["slug"] == rush_slug)
    candidates = [p for p in products if p["type"] == "ocop-product" and p["certificate"] != rush["certificate"]]
    count = max(1, math.ceil(len(products) / 100))
    step = max(1, len(candidates) // count)
    return products, {**rush, "saleor_id": rush_id}, candidates[::step][:count]


async def side(store: Store, crowd: Crowd, withdraw: list[dict], log: list[str]) -> None:
    """The plugin withdraws and staff publish a showcase, each at its moment; a step that fails is logged (the
    shoppers go on, and a withdrawal that did not happen fails its criterion)."""
    started = crowd.started

    async def at(share: float) -> None:
        await asyncio.sleep(max(0.0, started + SECONDS * share - time.monotonic()))

    async def step(what: str, call, *args):
        began = time.monotonic()
        try:
            return await asyncio.to_thread(call, *args)
        except (SystemExit, Exception) as error:  # reported; the crowd goes on
            log.append(f"{began - started:6.1f} s  FAILED after {time.monotonic() - began:.1f} s: {what}: "
                       + " ".join(str(error).split())[:600])
            return None

    await at(0.2)
    for product in withdraw:
        await step(f"revoking {product['certificate']}", store.web, "registry", "revoke", product["certificate"],
                   "--reason", "thu hồi khi kiểm tra tải", "--decision-no", "CROWD-1")
    for attempt in range(1, 4):  # a run that could not read the feed is followed by the plugin's next one
        began = time.monotonic()
        out = await step(f"plugin sync, attempt {attempt}", store.manage, "ocop_sync", "--json")
        if out is not None:
            summary = json.loads(out.strip().splitlines()[-1])
            log.append(f"{began - started:6.1f} s  plugin sync (attempt {attempt}): "
                       f"{len(summary.get('withdrawn', []))} withdrawn in {time.monotonic() - began:.1f} s "
                       f"(revoked: {', '.join(p['certificate'] for p in withdraw)})")
            break
    await at(0.45)
    began = time.monotonic()
    made = await step("publishing the showcase", store.web, "shell", "--no-imports", "-c", SHOWCASE % time.time())
    if made is not None:
        log.append(f"{began - started:6.1f} s  staff published the showcase {made.strip().splitlines()[-1]} in "
                   f"{time.monotonic() - began:.1f} s")


def orders_in_saleor(store: Store) -> list[Order]:
    rows = store.saleor_sql(
        "SELECT o.number, o.created_at, array_agg(DISTINCT v.product_id), "
        "EXISTS (SELECT 1 FROM payment_transactionitem t WHERE t.order_id = o.id) "
        "FROM order_order o JOIN order_orderline l ON l.order_id = o.id "
        "JOIN product_productvariant v ON v.id = l.variant_id GROUP BY o.id ORDER BY o.number")
    return [Order(int(number), created, frozenset(products), "card" if card else "cod")
            for number, created, products, card in rows]


def withdrawals_in_saleor(store: Store) -> list[Withdrawn]:
    """Each withdrawal with the end of the plugin's run that made it (its transaction's commit follows at once)."""
    rows = store.saleor_sql(
        "SELECT w.product_id, p.name, coalesce(r.finished_at, w.withdrawn_at) FROM ocop_certification_withdrawal w "
        "JOIN ocop_certification_syncrun r ON r.id = w.run_id JOIN product_product p ON p.id = w.product_id")
    return [Withdrawn(product_id, name, at) for product_id, name, at in rows]


def main() -> int:
    python = harness.saleor_python()
    if not python:
        sys.exit("SALEOR_PYTHON: set it to a Python interpreter in whose environment `saleor` imports")
    state = Path(tempfile.mkdtemp(prefix="ocop-crowd-"))
    accounts = [(f"khach.quen{n}@example.vn", f"Mat-khau-{n}-crowd") for n in range(ACCOUNTS)]
    store = Store(python, state, PORT, REDIS_DB, DB_PREFIX, accounts)
    print(f"crowd: {SHOPPERS} shoppers for {SECONDS:.0f} s, think {THINK:g} s; store state in {state}", flush=True)
    print(f"before set-up: {uptime()}", flush=True)
    for db in range(REDIS_DB, REDIS_DB + 3):
        redis.Redis(db=db).flushdb()
    store.fresh_databases(harness.ensure_template(python, harness.Secrets.generate()))
    try:
        started = time.monotonic()
        store.start()
        print(f"store ready in {time.monotonic() - started:.0f} s: web {store.web_url}", flush=True)
        started = time.monotonic()
        products, rush, withdraw = seed(store)
        print(f"seeded in {time.monotonic() - started:.0f} s: {len(products)} products; rushed: {rush['slug']} "
              f"({RUSH_STOCK} in stock); to withdraw: {', '.join(p['slug'] for p in withdraw)}", flush=True)
        return load(store, products, rush, withdraw, accounts)
    finally:
        store.stop()
        if os.environ.get("BENCH_CROWD_KEEP") != "1":
            store.drop_databases()
            shutil.rmtree(state, ignore_errors=True)


def warm_up(store: Store, products: list[dict]) -> None:
    """Each gunicorn worker's first pages (templates loaded), not counted."""
    import httpx

    with httpx.Client(base_url=store.web_url, timeout=120) as client:
        for _ in range(3):
            for path in ("/", "/products/", f"/products/{products[0]['slug']}/", "/search/?q=tra", "/cart/"):
                client.get(path)


def load(store: Store, products: list[dict], rush: dict, withdraw: list[dict], accounts) -> int:
    warm_up(store, products)
    now = time.monotonic()
    crowd = Crowd(base=store.web_url.rstrip("/"), stripe=store.stripe_url, publishable_key=store.publishable_key,
                  deadline=now + SECONDS, started=now, slugs=[p["slug"] for p in products],
                  names=[p["name"] for p in products], think=THINK, rush_slug=rush["slug"],
                  rush_at=now + SECONDS * 0.35, accounts=accounts)
    processes = store_processes(store.pid)
    before = cpu_by_pid()
    own_before = os.times()
    print(f"load begins: {uptime()}", flush=True)
    log: list[str] = []
    asyncio.run(run_crowd(crowd, SHOPPERS, seed=20, side=lambda: side(store, crowd, withdraw, log)))
    elapsed = time.monotonic() - crowd.started
    after = cpu_seconds(processes, before, cpu_by_pid())
    own_after = os.times()
    print(f"load ends after {elapsed:.0f} s: {uptime()}", flush=True)
    cpu = list(after.items())
    cpu.append(("the crowd itself (this process)", (own_after.user + own_after.system)
                - (own_before.user + own_before.system)))
    time.sleep(2)  # the last orders' rows
    orders = orders_in_saleor(store)
    withdrawn = withdrawals_in_saleor(store)
    ((quantity, allocated),) = store.saleor_sql(
        "SELECT sum(quantity), sum(quantity_allocated) FROM warehouse_stock s JOIN product_productvariant v ON "
        "v.id = s.product_variant_id WHERE v.product_id = %s", (rush["saleor_id"],))
    rushed = Rush(rush["saleor_id"], RUSH_STOCK, tuple(crowd.rush_outcomes), int(quantity), int(allocated))
    print("\n".join(["", "what happened meanwhile:", *log]))
    for item in withdrawn:
        after_commit = [o for o in orders if item.product_id in o.product_ids and o.created_at > item.committed_at]
        ((stamped, began, finished),) = store.saleor_sql(
            "SELECT w.withdrawn_at, r.started_at, r.finished_at FROM ocop_certification_withdrawal w JOIN "
            "ocop_certification_syncrun r ON r.id = w.run_id WHERE w.product_id = %s", (item.product_id,))
        print(f"  withdrawn {item.name}: run {began:%H:%M:%S.%f}-{finished:%H:%M:%S.%f} UTC (its transaction "
              f"commits before the run's end, which is taken as the commit; withdrawal stamped "
              f"{stamped:%H:%M:%S.%f}); orders for it after the run's end: {len(after_commit)} "
              f"(allowed within {GRACE.seconds} s)")
    print("")
    print("\n".join(report(crowd.hits, elapsed, orders, sorted(cpu, key=lambda row: -row[1]))))
    results = verdicts(crowd.hits, orders, withdrawn, rushed)
    print("\npass criteria:")
    for verdict in results:
        print(f"  {'PASS' if verdict.passed else 'FAIL'}  {verdict.name}: {verdict.detail}")
    print(f"\nat the end: {uptime()}  ({datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC)")
    return 0 if all(v.passed for v in results) else 1


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())

