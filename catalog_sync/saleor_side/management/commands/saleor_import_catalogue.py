from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from catalog_sync.app.clients import app_client
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.management.commands._options import parse_date, progress_to
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import SaleorError
from catalog_sync.saleor.catalogue import ImportSummary, import_catalogue


def report(out, summary: ImportSummary) -> None:
    producers = summary.producers
    out.write(
        f"products: {summary.created} created, {summary.updated} updated, {summary.unchanged} unchanged, "
        f"{len(summary.errors)} failed; producer pages: {producers['created']} created, "
        f"{producers['updated']} updated, {producers['unchanged']} unchanged"
    )
    for error in summary.errors:
        out.write(f"  {error['certificate_id']}: {error['reason']}")
    for split in summary.split_pages:
        out.write(f"moved to producer page {split['to']} from {split['from']}: {', '.join(split['products'])}")


class Command(BaseCommand):
    help = ("Create or update Saleor producer pages and products from the registry's certificates valid today "
            "(the newest of each renewal chain). Safe to run again: a second run changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")
        parser.add_argument("--url", help="Saleor GraphQL URL (default: SALEOR_API_URL)")
        parser.add_argument("--token", help="Saleor app token (default: SALEOR_APP_TOKEN)")
        parser.add_argument("--on", type=parse_date, dest="today",
                            help="take certificates valid on this day instead of today (Vietnam time)")

    def handle(self, *args, **options):
        try:
            with app_client(url=options["url"], token=options["token"]) as client:
                summary = import_catalogue(client, Certificate.objects.in_catalogue_on,
                                           today=options["today"] or vietnam_today(), progress=progress_to(self.stderr),
                                           owners=Certificate.objects.producers_of)
        except SaleorError as error:
            raise CommandError(f"saleor import-catalogue: {error}", returncode=1) from None
        if options["json"]:
            self.stdout.write(json.dumps(summary.as_json(), ensure_ascii=False))
        else:
            report(self.stdout, summary)
