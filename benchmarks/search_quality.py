"""Benchmark: how well search finds the demo catalogue's products as shoppers type them, and how fast.

Run with `scripts/bench-search`. Prints figures; asserts nothing.

1. Quality (``BENCH_ONLY=quality`` or unset): the queries of ``search_queries.py`` by kind,
   found/expected per kind (a query is found when every product it names is on the first page of
   24), for
   - the embedded backend over the demo catalogue (one product per row of
     ../shared/data/ocop-certified-products.csv, as ``ocop demo`` lists them);
   - the Elasticsearch backend, when ``ELASTICSEARCH_URL`` is set;
   - with ``SALEOR_PYTHON``: a real Saleor 3.23 holding ``ocop demo``, asked
     ``products(search:, channel: "ocop-vn", first: 24)`` after its search vectors are refreshed,
     and our embedded backend over the read model reindexed from that same Saleor.
2. Speed (``BENCH_ONLY=speed`` or unset): the same queries against 20,000 products
   (``catalogue_search.make_records``), typo expansion on: p50/p95 of the backend's search (the
   query side of a search page: facets counted, one page of records), warm, with an empty
   facet cache, and warm with typo expansion off (for comparison on the same machine at the same
   time; the machine's load average is printed beside each).
"""

from __future__ import annotations

import io
import os
import statistics
import time
import uuid
from pathlib import Path

import django

ONLY = os.environ.get("BENCH_ONLY", "")
PRODUCTS = int(os.environ.get("BENCH_PRODUCTS", "20000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))  # passes over every query in the speed part
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PAGE = 24


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    os.environ["CACHE_KEY_PREFIX"] = f"ocop-bench-search-{os.getpid()}"
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ocop_bench_search"
    )
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def demo_records():
    """One product per real row, named as ``ocop demo`` names them (the shared rows, deduplicated)."""
    from benchmarks.catalogue_search import make_records, real_rows

    return make_records(len(real_rows()))


def score(search, present: set[str] | None = None) -> dict[str, tuple[int, int]]:
    """kind -> (found, expected) for a function giving the names on a query's first page.

    ``present``: the names for sale in the catalogue searched; a product missing from it is not
    expected (a query naming only missing products is not counted).
    """
    from benchmarks.search_queries import QUERIES

    scores = {}
    for kind, cases in QUERIES.items():
        found = counted = 0
        for query, expected in cases:
            expected = tuple(name for name in expected if present is None or name in present)
            if not expected:
                continue
            names = search(query)
            found += all(name in names for name in expected)
            counted += 1
        scores[kind] = (found, counted)
    return scores


def print_scores(columns: dict[str, dict[str, tuple[int, int]]]) -> None:
    from benchmarks.search_queries import QUERIES

    names = list(columns)
    print(f"{'kind of query':<34}" + "".join(f"{name:>27}" for name in names))
    totals = dict.fromkeys(names, (0, 0))
    for kind in QUERIES:
        row = f"{kind:<34}"
        for name in names:
            found, expected = columns[name][kind]
            totals[name] = (totals[name][0] + found, totals[name][1] + expected)
            row += f"{f'{found}/{expected}':>27}"
        print(row)
    print(f"{'all':<34}" + "".join(f"{f'{totals[n][0]}/{totals[n][1]}':>27}" for n in names))


def backend_search(backend_name: str):
    from django.conf import settings

    from catalog_sync.catalogue.records import SearchQuery
    from catalog_sync.catalogue.search import get_backend

    settings.SEARCH_BACKEND = backend_name
    backend = get_backend()
    return lambda text: [p.name for p in backend.search(SearchQuery(text=text, per_page=PAGE)).products]


def local_quality() -> dict[str, dict[str, tuple[int, int]]]:
    from django.conf import settings

    from catalog_sync.catalogue import store

    store.rebuild(demo_records(), [], [])
    columns = {"embedded (demo rows)": score(backend_search("embedded"))}
    if getattr(settings, "ELASTICSEARCH_URL", None) or os.environ.get("ELASTICSEARCH_URL"):
        settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
        search = backend_search("elasticsearch")
        from catalog_sync.catalogue.search import get_backend

        get_backend().reindex_from_read_model()  # type: ignore[attr-defined]
        columns["elasticsearch (demo rows)"] = score(search)
        settings.SEARCH_BACKEND = "embedded"
    else:
        print("(ELASTICSEARCH_URL not set: the Elasticsearch backend is not measured)")
    return columns


def saleor_quality() -> dict[str, dict[str, tuple[int, int]]]:
    """Saleor's own search and ours, over the same demo catalogue in a real Saleor."""
    from django.conf import settings
    from django.core.management import call_command

    from benchmarks.search_queries import QUERIES
    from testkit import saleor_harness as harness
    from testkit.saleor_api import SaleorApi

    python = os.environ["SALEOR_PYTHON"]
    harness.ensure_plugin_installed(python)
    keys = harness.Secrets.generate()
    template = harness.ensure_template(python, keys)
    name = harness.copy_database(template, "bench-search")
    url = harness.database_url(name)
    env = harness.SaleorEnv(python, url, harness.saleor_environment(python, url, keys), name)
    api = SaleorApi(env)
    try:
        api.start()
        settings.SALEOR_API_URL = api.url
        settings.SALEOR_APP_TOKEN = api.create_app_token()
        start = time.perf_counter()
        call_command("demo", "--data", str(SHARED), "--json", stdout=io.StringIO(), stderr=io.StringIO())
        env.shell_json(
            "import json\nfrom saleor.product.models import Product\n"
            "from saleor.product.search import update_products_search_vector\n"
            "update_products_search_vector(Product.objects.values_list('id', flat=True))\n"
            "print(json.dumps({'products': Product.objects.count()}))"
        )
        call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
        print(f"(a real Saleor {harness.saleor_version(python)} with `ocop demo`, search vectors refreshed and "
              f"our read model reindexed from it in {time.perf_counter() - start:.0f} s)")
        query = ('query($q: String!) { products(first: 24, channel: "ocop-vn", search: $q) '
                 "{ edges { node { name } } } }")

        def saleor_search(text: str) -> list[str]:
            data = api.data(query, {"q": text}, token=None)
            return [edge["node"]["name"] for edge in data["products"]["edges"]]

        from catalog_sync.catalogue import models

        present = set(models.Product.objects.values_list("name", flat=True))
        missing = sorted({n for cases in QUERIES.values() for _, names in cases for n in names} - present)
        print(f"(for sale in that Saleor: {len(present)} products; not for sale, so not expected there: {missing})")
        return {"Saleor products(search:)": score(saleor_search, present),
                "embedded (same Saleor)": score(backend_search("embedded"), present)}
    finally:
        api.stop()
        harness.drop_database(name)


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):6.1f} ms  p95 {p95:6.1f} ms  max {ordered[-1]:6.1f} ms"


def speed() -> None:
    from django.core.cache import cache

    from benchmarks.catalogue_search import make_records
    from benchmarks.search_queries import QUERIES, all_queries
    from catalog_sync.catalogue import store
    from catalog_sync.catalogue.records import SearchQuery
    from catalog_sync.catalogue.search import get_backend, vocabulary

    start = time.perf_counter()
    count = store.rebuild(make_records(PRODUCTS), [], [])
    print(f"speed: {count} products rebuilt in {time.perf_counter() - start:.1f} s; "
          f"{len(vocabulary.current())} catalogue words")
    backend = get_backend()
    queries = all_queries()
    start = time.perf_counter()
    vocabulary.current()
    for text in queries:  # the connection, the vocabulary and the facet cache have served these before
        backend.search(SearchQuery(text=text, per_page=PAGE))
    print(f"first pass over {len(queries)} queries (vocabulary read, facets counted): "
          f"{time.perf_counter() - start:.1f} s")
    for mode in ("warm", "no cache", "typos off"):
        times: list[float] = []
        per_kind: dict[str, list[float]] = {}
        neighbours = vocabulary.Vocabulary.neighbours
        if mode == "typos off":  # the same searches with words and prefixes only, for comparison
            vocabulary.Vocabulary.neighbours = lambda self, word, edits: []  # type: ignore[method-assign]
        load = os.getloadavg()[0]
        for _ in range(RUNS):
            for kind, cases in QUERIES.items():
                for text, _expected in cases:
                    if mode == "no cache":
                        cache.key_prefix = f"bench-{uuid.uuid4().hex}"  # facets counted again
                    begin = time.perf_counter()
                    backend.search(SearchQuery(text=text, per_page=PAGE))
                    elapsed = (time.perf_counter() - begin) * 1000
                    times.append(elapsed)
                    per_kind.setdefault(kind, []).append(elapsed)
        vocabulary.Vocabulary.neighbours = neighbours  # type: ignore[method-assign]
        print(f"-- {mode}: all {len(times)} searches  {percentiles(times)}  "
              f"(load average {load:.1f} → {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        for kind, samples in per_kind.items():
            print(f"   {kind:<34} {percentiles(samples)}")


def main() -> None:
    _setup()
    if ONLY in ("", "quality"):
        columns = local_quality()
        if os.environ.get("SALEOR_PYTHON"):
            columns.update(saleor_quality())
        else:
            print("(SALEOR_PYTHON not set: Saleor's own search is not measured)")
        print_scores(columns)
    if ONLY in ("", "speed"):
        speed()


if __name__ == "__main__":
    main()
