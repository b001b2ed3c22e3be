"""Benchmark: import a generated 20,000-row annex; build and serve the feed for 20,000 certificates.

Run with `scripts/bench`. Prints figures (medians of repeated runs); asserts nothing.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

ROWS = int(os.environ.get("BENCH_ROWS", "20000"))


def make_annex(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    from catalog_sync.domain.groups import GROUPS
    from catalog_sync.domain.provinces import FORMER_PROVINCES

    random.seed(7)
    provinces = sorted(FORMER_PROVINCES)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("DS san pham")
    sheet.append(["DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN"])
    sheet.append(["Ban hành kèm theo Quyết định số 2417/QĐ-UBND ngày 12/11/2024"])
    sheet.append(["TT", "Tên sản phẩm", "Chủ thể sản xuất", "Xã/phường", "Tỉnh", "Hạng sao", "Nhóm sản phẩm"])
    for i in range(1, rows + 1):
        group = GROUPS[i % len(GROUPS)]
        sheet.append([i, f"Sản phẩm đặc sản số {i}", f"Hợp tác xã nông nghiệp {i // 3}", f"xã {i % 97}",
                      random.choice(provinces), f"{3 + i % 3} sao", group.name_vi])
    workbook.save(path)


def run_cli_import(annex: Path, *extra: str) -> dict:
    """`ocop registry import FILE --json` in a child process: wall time and the child's peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(
        [str(Path(sys.executable).with_name("ocop")), "registry", "import", str(annex), "--json", *extra],
        capture_output=True, text=True, check=True,
    )
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    document = json.loads(done.stdout)
    return {
        "seconds": seconds,
        "peak_mb": max(peak_kb, before) / 1024,
        "accepted": len(document["accepted"]),
        "rejected": len(document["rejected"]),
    }


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ocop_bench")
    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from catalog_sync.registry.models import Certificate

    call_command("migrate", verbosity=0)
    Certificate.objects.all().delete()
    cache.clear()

    with tempfile.TemporaryDirectory() as tmp:
        annex = Path(tmp) / "annex-20k.xlsx"
        start = time.perf_counter()
        make_annex(annex, ROWS)
        size_mb = annex.stat().st_size / 1e6
        print(f"generated {ROWS}-row annex ({size_mb:.1f} MB) in {time.perf_counter() - start:.1f} s")

        first = run_cli_import(annex)
        print(f"ocop registry import, first run ({first['accepted']} accepted, {first['rejected']} rejected): "
              f"{first['seconds']:.2f} s, peak RSS {first['peak_mb']:.0f} MB (target ≤ 15 s, ≤ 300 MB)")
        again = [run_cli_import(annex) for _ in range(3)]
        print(f"re-import of the same file (nothing changes): median "
              f"{statistics.median(r['seconds'] for r in again):.2f} s of 3")
        dry = [run_cli_import(annex, "--dry-run") for _ in range(3)]
        print(f"--dry-run: median {statistics.median(r['seconds'] for r in dry):.2f} s of 3")

    from catalog_sync.registry.feed import build_feed_document

    count = Certificate.objects.count()
    build = median_ms(build_feed_document, 5)
    print(f"feed build, {count} certificates: median {build:.0f} ms of 5 (target ≤ 1000 ms)")

    client = Client()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {os.environ['OCOP_FEED_TOKEN']}"}
    cache.clear()
    cold = median_ms(lambda: (cache.clear(), client.get("/registry/feed.json", **auth)), 5)
    warm = median_ms(lambda: client.get("/registry/feed.json", **auth), 20)
    etag = client.get("/registry/feed.json", **auth)["ETag"]
    not_modified = median_ms(lambda: client.get("/registry/feed.json", HTTP_IF_NONE_MATCH=etag, **auth), 50)
    size = len(client.get("/registry/feed.json", **auth).content)
    print(f"GET feed.json full, uncached: median {cold:.0f} ms of 5; cached: median {warm:.1f} ms of 20 "
          f"({size / 1e6:.1f} MB)")
    print(f"GET feed.json 304 (If-None-Match): median {not_modified:.2f} ms of 50 (target ≤ 10 ms); "
          f"ratio full/304 = {cold / not_modified:.0f}×")
    print(f"date {datetime.date.today().isoformat()}, python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
