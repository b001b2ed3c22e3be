"""Benchmark: the staff pages of a 100,000-row import batch (preview, admin).

Run with `scripts/bench` (after the registry benchmark) or
`PYTHONPATH=. .venv/bin/python benchmarks/pages.py`. Prints bytes and median times; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

import django
import psycopg

ROWS = int(os.environ.get("BENCH_BATCH_ROWS", "100000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
DATABASE = "ocop_bench_pages"


def fresh_database() -> str:
    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DATABASE}")
    return f"postgres://postgres@127.0.0.1:5432/{DATABASE}"


def timed_get(client, path: str, repeat: int) -> tuple[float, int, int]:
    times, size, status = [], 0, 0
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - start)
        size, status = len(response.content), response.status_code
    return statistics.median(times), size, status


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    os.environ["DATABASE_URL"] = fresh_database()
    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client

    from catalog_sync.registry.bulk import copy_rows
    from catalog_sync.registry.models import ImportBatch, ImportRow

    call_command("migrate", verbosity=0)
    half = ROWS // 2
    batch = ImportBatch.objects.create(file_name="bench.xlsx", file_sha256="0", file=b"",
                                       rejected_count=half, skipped_count=ROWS - half)
    copy_rows(
        ImportRow,
        ("batch", "row", "outcome", "field", "reason", "product_name", "producer", "stars", "certificate_id"),
        (
            (batch.pk, n, "rejected" if n <= half else "skipped", "stars" if n <= half else "",
             f"stars: '{n}' is not a star rating (3-5)" if n <= half else "blank row", "", "", None, "")
            for n in range(1, ROWS + 1)
        ),
    )
    client = Client()
    client.force_login(User.objects.create_superuser("bench", password="x"))
    for label, path in (
        ("import preview", f"/registry/import/{batch.pk}/"),
        ("admin page of the batch", f"/admin/registry/importbatch/{batch.pk}/change/"),
    ):
        seconds, size, status = timed_get(client, path, REPEAT)
        print(f"{label}, {ROWS:,} rows ({half:,} rejected): HTTP {status}, {size / 1e6:.2f} MB, "
              f"median {seconds * 1000:.0f} ms of {REPEAT}")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
