"""Benchmark: server time of the producer portal's pages and of a price change end to end, against a real
Saleor 3.23 (prints figures; asserts nothing).

    SALEOR_PYTHON=/path/to/saleor/venv/bin/python PYTHONPATH=. .venv/bin/python benchmarks/portal.py

1. A real Saleor (tier-2 harness, its own database copy) with ``ocop saleor bootstrap`` and, through
   ``import_catalogue(demo=True)``, one producer's 30 certified products (demo price and stock) beside a
   second producer's; the read model filled by ``ocop search reindex``.
2. The web service in this process (Django's test client, DEBUG off, its own database
   ``ocop_bench_portal``, recreated): a signed-in person of the first producer opens each portal page
   ROUNDS times; the variant form asks Saleor for the variant's owner, price and stock each time, the
   product page for the product with its photos and variants, the story page for the producer's page.
3. A price change end to end: the POST of the form (ownership in the read model and in Saleor, the
   price mutation, the audit row) and the page it redirects to, ROUNDS times with alternating prices.
"""

from __future__ import annotations

import datetime
import io
import os
import statistics
import sys
import time

import psycopg

from testkit import saleor_harness as harness
from testkit.saleor_api import SaleorApi

ROUNDS = 20
WEB_DATABASE = "ocop_bench_portal"
PASSWORD = "mat-khau-do-dai-2026"


def _recreate_web_database() -> str:
    with psycopg.connect(harness.admin_url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{WEB_DATABASE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{WEB_DATABASE}"')
    return harness.database_url(WEB_DATABASE)


def _registry() -> None:
    from catalog_sync.domain.text import match_key
    from catalog_sync.domain.validity import last_valid_day
    from catalog_sync.registry.models import Certificate, Decision, Producer

    decision = Decision.objects.create(number="88/QĐ-UBND", signed_on=datetime.date(2025, 6, 2),
                                       issuer="UBND tỉnh Lâm Đồng")
    for name, province, count in (("HTX Nông sản Cầu Đất", "lam-dong", 30), ("HTX Chè Tân Cương", "thai-nguyen", 5)):
        producer = Producer.objects.create(name=name, name_key=match_key(name), province=province)
        for n in range(1, count + 1):
            product = f"{'Cà phê' if province == 'lam-dong' else 'Chè'} số {n}"
            Certificate.objects.create(
                id=f"{'LD' if province == 'lam-dong' else 'TN'}-2025-{n:04d}", product_name=product,
                product_key=match_key(product), producer=producer, stars=3 + n % 3, issued_on=decision.signed_on,
                valid_until=last_valid_day(decision.signed_on), decision=decision, province=province,
                group="thuc-pham", product_set="ca-phe-ca-cao" if province == "lam-dong" else "che-tuoi-che-bien")


def _times(call, rounds: int = ROUNDS) -> tuple[float, float]:
    call()  # warm
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def main() -> int:
    python = harness.saleor_python()
    if not python:
        print("set SALEOR_PYTHON to an interpreter in whose environment `saleor` imports", file=sys.stderr)
        return 2
    keys = harness.Secrets.generate()
    template = harness.ensure_template(python, keys)
    name = harness.copy_database(template, "bench_portal")
    url = harness.database_url(name)
    api = SaleorApi(harness.SaleorEnv(python, url, harness.saleor_environment(python, url, keys), name))
    os.environ["DATABASE_URL"] = _recreate_web_database()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    try:
        api.start()
        token = api.create_app_token("ocop-bench-portal")
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client

        from catalog_sync.app.clients import app_client
        from catalog_sync.catalogue.models import Variant
        from catalog_sync.registry.models import Certificate
        from catalog_sync.saleor.catalogue import import_catalogue
        from portal.accounts import account_for_invitation, activate, invite

        settings.SALEOR_API_URL, settings.SALEOR_APP_TOKEN = api.url, token
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        call_command("migrate", verbosity=0)
        _registry()
        call_command("saleor_bootstrap", stdout=io.StringIO())
        with app_client() as client:
            summary = import_catalogue(client, Certificate.objects.in_catalogue_on, today=datetime.date(2026, 11, 22),
                                       demo=True)
        call_command("search_reindex", stdout=io.StringIO(), stderr=io.StringIO())
        invitation = invite("LD-2025-0001", "lan@example.vn", base_url="http://testserver/")
        activate(account_for_invitation(invitation.invite_url.rsplit("/", 2)[-2]), PASSWORD)
        person = Client()
        assert person.post("/portal/sign-in/", {"username": "lan@example.vn", "password": PASSWORD}).status_code == 302
        variant = Variant.objects.filter(product__producer_title="HTX Nông sản Cầu Đất").order_by("id").first()
        assert variant is not None
        theirs = Variant.objects.filter(product__producer_title="HTX Nông sản Cầu Đất").count()
        print(f"Saleor {harness.saleor_version(python)} at {api.url}: {summary.created} products created; "
              f"portal person of HTX Nông sản Cầu Đất ({theirs} variants in the read model); "
              f"{ROUNDS} rounds each, server time in this process (ms)")
        with app_client() as client:
            operations = client.operations()
            median, p95 = _times(lambda: operations.execute("query Ping { shop { name } }", operation_name="Ping"))
        print(f"  Saleor itself, smallest query (shop name)      median {median:7.1f}   p95 {p95:7.1f}")
        for label, path in (("home", "/portal/"), ("certificates", "/portal/certificates/"),
                            ("products (30)", "/portal/products/"),
                            ("variant form (1 Saleor read)", f"/portal/variants/{variant.id}/"),
                            ("product page (Saleor reads)", f"/portal/products/{variant.product_id}/"),
                            ("story (Saleor reads)", "/portal/story/"),
                            ("orders (none yet)", "/portal/orders/")):
            def get(path: str = path) -> None:
                assert person.get(path).status_code == 200

            median, p95 = _times(get)
            print(f"  GET {label:32} median {median:7.1f}   p95 {p95:7.1f}")
        prices = iter(range(100_000, 100_000 + 1000 * (ROUNDS + 2), 1000))

        def change() -> None:
            response = person.post(f"/portal/variants/{variant.id}/", {"price": str(next(prices)), "stock": "50"},
                                   follow=True)
            assert response.status_code == 200 and "Đã lưu" in response.content.decode()

        median, p95 = _times(change)
        print(f"  price change end to end (POST: 1 read + 1 write in Saleor, audit row; then the page: 1 read) "
              f"median {median:7.1f}   p95 {p95:7.1f}")
    finally:
        api.stop()
        harness.drop_database(name)
        from django.db import connections

        connections.close_all()
        harness.drop_database(WEB_DATABASE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
