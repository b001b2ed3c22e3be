"""Benchmark: the catalogue read model and its embedded search at the national scale (20,000 products).

Run with `scripts/bench-catalogue`. Prints figures; asserts nothing.

- rebuild (``store.rebuild``) of 20,000 products into an empty read model and over a full one
  (target ≤ 60 s; the rebuild ends with ANALYZE, autovacuum being off on these machines);
- p50/p95 of the query side of three pages — the catalogue's first page (no text, 24 per page,
  facets), a filtered catalogue page, text searches — warm, without the facet cache, and cold
  (a new database connection and an empty cache per request). The whole page's target is
  p95 ≤ 50 ms, so the query side must stay well under it.

Products are made from the real OCOP rows in ../shared/data/ocop-certified-products.csv (name,
producer, province, group, stars), each repeated with realistic variations of pack and grade.
"""

from __future__ import annotations

import csv
import datetime
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

import django

PRODUCTS = int(os.environ.get("BENCH_PRODUCTS", "20000"))
RUNS = int(os.environ.get("BENCH_RUNS", "200"))
COLD_RUNS = int(os.environ.get("BENCH_COLD_RUNS", "40"))
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "ocop-certified-products.csv"
VARIATIONS = ("", "hũ 500 g", "loại đặc biệt", "hộp quà", "túi 1 kg", "chai 750 ml", "thượng hạng", "gói 200 g")


def real_rows() -> list[dict[str, str]]:
    if not SHARED.is_file():
        sys.exit(f"shared data not found at {SHARED}")
    with SHARED.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["product_name"].strip()]


def make_records(count: int):
    from catalog_sync.domain.groups import match_group, match_set
    from catalog_sync.domain.provinces import resolve_province
    from testkit.catalogue_builders import NOW, editorjs, product_record, variant_record

    random.seed(20)
    base = real_rows()
    classified = []
    for row in base:  # the domain's matchers, once per real row
        group = match_group(row["product_group_inferred"] or "") or match_group("Thực phẩm")
        classified.append((
            resolve_province(row["province_after_2025_merger"] or row["province_at_certification"]),
            group,
            match_set(f"{row['product_group_inferred']} {row['product_name']}", group),
        ))
    records = []
    for i in range(count):
        row = base[i % len(base)]
        province, group, product_set = classified[i % len(base)]
        round_no = i // len(base)
        variation = VARIATIONS[round_no % len(VARIATIONS)]
        name = " ".join(filter(None, [row["product_name"], variation, f"lô {round_no // len(VARIATIONS)}"
                                      if round_no >= len(VARIATIONS) else ""]))
        stars = int(row["star_level"]) if row["star_level"].isdigit() else 3
        price = Decimal(random.choice((35, 60, 85, 120, 150, 180, 250, 320, 450, 900, 1500)) * 1000)
        records.append(
            product_record(
                name=name,
                producer_title=f"{row['producer']}" + (f" chi nhánh {round_no % 40}" if round_no else ""),
                group=group.slug if group else "thuc-pham",
                product_set=product_set.slug if product_set else None,
                province=province.slug if province else None,
                province_at_certification=row["province_at_certification"] or None,
                stars=max(3, min(5, stars - (i % 3 == 0))),
                name_en=None,
                description=editorjs(f"{row['product_name']} của {row['producer']}, {row['commune_or_address']}, "
                                     f"{row['province_at_certification']}. Sản phẩm OCOP {stars} sao."),
                description_en=None,
                seo_description=None,
                created=NOW - datetime.timedelta(minutes=i),
                variants=tuple(
                    variant_record(name=f"Loại {k + 1}", price=price + k * 20_000,
                                   quantity_available=random.choice((0, 5, 12, 40)))
                    for k in range(1 + i % 3)
                ),
            )
        )
    return records


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):6.1f} ms  p95 {p95:6.1f} ms"


MODES = {
    "warm": "connection and cache have served these pages before",
    "no cache": "a warm connection, an empty cache (facets counted every time)",
    "cold": "a new database connection and an empty cache for every request",
}


def measure(label: str, queries, *, runs: int, mode: str) -> None:
    import uuid

    from django.core.cache import cache
    from django.db import connection, reset_queries

    from catalog_sync.catalogue.search import get_backend

    backend = get_backend()
    times, counts = [], []
    for query in queries:  # the connection has served each kind of page before
        backend.search(query)
    for n in range(runs):
        query = queries[n % len(queries)]
        if mode != "warm":
            cache.key_prefix = f"bench-{uuid.uuid4().hex}"  # an empty cache (never a flush of Redis)
        if mode == "cold":
            connection.close()
            connection.ensure_connection()
        reset_queries()
        start = time.perf_counter()
        result = backend.search(query)
        times.append((time.perf_counter() - start) * 1000)
        counts.append(len(connection.queries))
    print(f"{label:<40} {mode:<8} {percentiles(times)}  "
          f"({runs} runs, ≤{max(counts)} queries, last total {result.total})")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    os.environ["CACHE_KEY_PREFIX"] = f"ocop-bench-{os.getpid()}"
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ocop_bench_catalogue"
    )
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from catalog_sync.catalogue import store
    from catalog_sync.catalogue.records import SearchQuery

    settings.DEBUG = True  # count queries (connection.queries)
    settings.SEARCH_BACKEND = "embedded"
    call_command("migrate", verbosity=0)

    start = time.perf_counter()
    records = make_records(PRODUCTS)
    print(f"built {len(records)} product records from {len(real_rows())} real OCOP rows "
          f"in {time.perf_counter() - start:.1f} s")

    for label in ("rebuild into an empty read model", "rebuild over a full read model"):
        start = time.perf_counter()
        count = store.rebuild(records, [], [])
        print(f"{label}: {count} products in {time.perf_counter() - start:.1f} s (target ≤ 60 s)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('catalogue_product')), "
                       "(SELECT count(*) FROM catalogue_searchword)")
        size, words = cursor.fetchone()
    print(f"catalogue_product with indexes: {size}; {words} words for typo matching")

    catalogue = [SearchQuery(page=p) for p in (1, 2, 3, 40)]
    filtered = [
        SearchQuery(stars=(4, 5), groups=("thuc-pham",), in_stock=True),
        SearchQuery(provinces=("lam-dong", "vinh-long"), price_max=Decimal(200_000), sort="price"),
        SearchQuery(sets=("ca-phe-ca-cao",), stars=(5,), page=2),
        SearchQuery(groups=("do-uong",), sort="newest", in_stock=True),
    ]
    texts = [
        SearchQuery(text="nuoc mam phu quoc"),
        SearchQuery(text="Bưởi da xanh Bến Tre"),
        SearchQuery(text="mat ong", stars=(5,)),
        SearchQuery(text="sau rieng"),
        SearchQuery(text="keo dua", sort="price"),
        SearchQuery(text="dong trung ha thao"),
        SearchQuery(text="banh phong tom", in_stock=True),
        SearchQuery(text="nuoc mam thanh quoc 43 do dam"),  # an exact name
        SearchQuery(text="chuoi"),  # a prefix of "chuối"
        SearchQuery(text="thanh lonh"),  # a typo ("thanh long")
        SearchQuery(text="sam ngoc l"),
        SearchQuery(text="tra"),  # a very common word
    ]
    for mode, meaning in MODES.items():
        print(f"-- {mode}: {meaning}")
        runs = RUNS if mode == "warm" else COLD_RUNS
        measure("catalogue page (no text, 24, facets)", catalogue, runs=runs, mode=mode)
        measure("filtered catalogue page", filtered, runs=runs, mode=mode)
        measure("text search (folding, prefixes, typos)", texts, runs=runs, mode=mode)


if __name__ == "__main__":
    main()
