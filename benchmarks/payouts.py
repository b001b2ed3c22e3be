"""Benchmark: the server time of a producer's monthly statement with 10,000 lines (JSON, the portal page's
data, the PDF), and of a payout run for 1,000 producers (what is due, the run written, one payOS batch of
1,000 transfers sent to the payOS stand-in, then read back and applied), and the holdings report.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocop_bench_payouts \\
        PYTHONPATH=. .venv/bin/python benchmarks/payouts.py

Makes its own database content (the database must exist; it is migrated and emptied of payouts data) and
runs the payOS stand-in (standins/payos) on a free loopback port. Prints medians; asserts nothing.
"""

from __future__ import annotations

import datetime
import json
import os
import statistics
import time
from decimal import Decimal

import django

LINES = int(os.environ.get("BENCH_LINES", "10000"))
PRODUCERS = int(os.environ.get("BENCH_PRODUCERS", "1000"))
VN = datetime.timezone(datetime.timedelta(hours=7))


def median_ms(call, times: int) -> float:
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        call()
        spent.append((time.perf_counter() - start) * 1000)
    return statistics.median(spent)


def fill() -> tuple[object, list]:
    from django.utils import timezone

    from catalog_sync.domain.text import match_key
    from catalog_sync.payouts.models import BankAccount, Entry, Payout, Transfer
    from catalog_sync.payouts.producers import slugs_of
    from catalog_sync.registry.models import Producer

    Transfer.objects.all().delete()
    Payout.objects.all().delete()
    Entry.objects.all().delete()
    BankAccount.objects.all().delete()
    names = [f"Hợp tác xã bench {i:04d}" for i in range(PRODUCERS)]
    Producer.objects.bulk_create([Producer(name=name, name_key=match_key(name), province="lam-dong")
                                  for name in names], ignore_conflicts=True)
    producers = list(Producer.objects.filter(name__startswith="Hợp tác xã bench ").order_by("name")[:PRODUCERS])
    BankAccount.objects.bulk_create([BankAccount(producer=p, bank_bin="970436", account_number=f"{1000000 + p.pk}",
                                                 account_name="HTX BENCH", confirmed_at=timezone.now())
                                     for p in producers])
    big = producers[0]
    slug = slugs_of(big)[0]
    rows = []
    for i in range(LINES):
        day = datetime.datetime(2026, 11, 1 + i % 30, 10, tzinfo=VN)
        rows.append(Entry(key=f"earn:bench-{i}", kind="earned", producer_slug=slug, channel="ocop-vn",
                          order_id=f"bench-order-{i // 3}", order_number=i // 3 + 1, line_id=f"bench-{i}",
                          product=f"Mật ong bạc hà {i % 7}", quantity=1 + i % 3, gross=205_000, commission=16_400,
                          net=188_600, commission_percent=Decimal(8), happened_at=day, on=day.date()))
    for p in producers[1:]:
        for j in range(5):
            day = datetime.datetime(2026, 11, 2 + j, 10, tzinfo=VN)
            rows.append(Entry(key=f"earn:bench-{p.pk}-{j}", kind="earned", producer_slug=slugs_of(p)[0],
                              channel="ocop-vn", order_id=f"bench-p{p.pk}-{j}", order_number=900_000 + p.pk * 10 + j,
                              line_id=f"bench-p{p.pk}-{j}", product="Trà", quantity=1, gross=100_000,
                              commission=8_000, net=92_000, commission_percent=Decimal(8), happened_at=day,
                              on=day.date()))
    Entry.objects.bulk_create(rows, batch_size=5000)
    return big, producers


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL",
                                                "postgres://postgres@127.0.0.1:5432/ocop_bench_payouts")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    from catalog_sync.payments.payos.accounts import PayosChannelKeys
    from catalog_sync.payouts.ledger import vietnam_date
    from catalog_sync.payouts.models import Payout, Transfer
    from catalog_sync.payouts.reports import holdings
    from catalog_sync.payouts.runs import follow, run
    from catalog_sync.payouts.statement_pdf import pdf_bytes
    from catalog_sync.payouts.statements import statement
    from testkit.payos_standin import PayosStandIn

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    big, producers = fill()
    print(f"filled: {LINES} lines of one producer, 5 lines each of {len(producers) - 1} more "
          f"({time.perf_counter() - start:.1f} s)")

    found = statement(big, "2026-11")
    print(f"statement, {len(found.lines)} lines (net {found.net:,} đồng):")
    print(f"  built: median {median_ms(lambda: statement(big, '2026-11'), 5):.0f} ms of 5")
    print(f"  built and JSON: median "
          f"{median_ms(lambda: json.dumps(statement(big, '2026-11').as_json(), ensure_ascii=False), 5):.0f} ms of 5")
    pdf = pdf_bytes(found)
    print(f"  PDF ({len(pdf) / 1e6:.1f} MB): median {median_ms(lambda: pdf_bytes(statement(big, '2026-11')), 3):.0f} "
          f"ms of 3")

    standin = PayosStandIn()
    standin.start()
    try:
        runs, follows = [], []
        for _ in range(3):
            Transfer.objects.all().delete()
            Payout.objects.all().delete()
            keys, _account = standin.merchant(payoutBalance=10**12)
            settings.PAYOS_BASE_URL = standin.url
            PayosChannelKeys(channel="ocop-vn", client_id=keys.client_id, api_key=keys.api_key,
                             checksum_key=keys.checksum_key, payout_client_id=keys.client_id,
                             payout_api_key=keys.api_key, payout_checksum_key=keys.checksum_key).save()
            began = time.perf_counter()
            result = run("2026-11")
            runs.append((time.perf_counter() - began) * 1000)
            time.sleep(0.5)  # the stand-in settles a batch after 0.3 s
            payout = Payout.objects.get()
            began = time.perf_counter()
            payout = follow(payout)
            follows.append((time.perf_counter() - began) * 1000)
        print(f"payout run, {len(result.transfers)} producers ({result.total:,} đồng, status {result.status}): "
              f"median {statistics.median(runs):.0f} ms of 3")
        print(f"  following it (one read of the batch, {Transfer.objects.filter(status='SUCCEEDED').count()} "
              f"transfers settled, run {payout.status}): median {statistics.median(follows):.0f} ms of 3")
    finally:
        standin.stop()
    today = vietnam_date(timezone.now())
    report = holdings(today)
    print(f"holdings report, {report.producers} producers owed (balanced {report.balanced}): "
          f"median {median_ms(lambda: holdings(today), 3):.0f} ms of 3")


if __name__ == "__main__":
    main()
