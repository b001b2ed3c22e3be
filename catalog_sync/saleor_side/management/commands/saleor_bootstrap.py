from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from catalog_sync.app.clients import app_client
from catalog_sync.saleor import SaleorError
from catalog_sync.saleor.bootstrap import bootstrap


class Command(BaseCommand):
    help = ("Create the OCOP catalogue structure in Saleor (channel ocop-vn, warehouse, shipping zone, product "
            "types ocop-product and ocop-service, page type producer, attributes, categories). Safe to run again.")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")
        parser.add_argument("--url", help="Saleor GraphQL URL (default: SALEOR_API_URL)")
        parser.add_argument("--token", help="Saleor app token (default: SALEOR_APP_TOKEN)")

    def handle(self, *args, **options):
        try:
            with app_client(url=options["url"], token=options["token"]) as client:
                report = bootstrap(client, on_step=None if options["json"] else lambda s: self.stdout.write(str(s)))
        except SaleorError as error:
            raise CommandError(f"saleor bootstrap: {error}", returncode=1) from None
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False))
        else:
            self.stdout.write(
                f"{report.count('created')} created, {report.count('updated')} updated, "
                f"{report.count('exists')} already there"
                + ("" if report.changed else " — nothing to do")
            )
