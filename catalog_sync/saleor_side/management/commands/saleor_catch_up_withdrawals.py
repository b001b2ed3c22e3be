from __future__ import annotations

import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from catalog_sync.app.withdrawal_catch_up import WINDOW, catch_up
from catalog_sync.saleor import SaleorError
from catalog_sync.saleor_side.connection import command_client


def _since(value: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since: not an ISO-8601 date-time: {value!r}", returncode=2) from None
    if moment.tzinfo is None:
        raise CommandError(f"--since: give the offset too (e.g. {value}+07:00)", returncode=2)
    return moment


class Command(BaseCommand):
    help = ("Store what the certification plugin withdrew and restored that no webhook brought: the log of every "
            "product changed in Saleor since --since (default: the last 48 hours).")

    def add_arguments(self, parser):
        parser.add_argument("--since", help="ISO-8601 date-time with offset, e.g. 2026-11-01T00:00:00+07:00")
        parser.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")
        parser.add_argument("--url", help="Saleor GraphQL URL (default: SALEOR_API_URL)")
        parser.add_argument("--token", help="Saleor app token (default: the installed app's)")

    def handle(self, *args, **options):
        since = _since(options["since"]) if options["since"] else timezone.now() - WINDOW
        try:
            with command_client(url=options["url"], token=options["token"]) as client:
                result = catch_up(client, since)
        except SaleorError as error:
            raise CommandError(f"saleor catch-up-withdrawals: {error}", returncode=1) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
        else:
            self.stdout.write(f"{result.products} products changed since {since.isoformat()}, {result.with_log} with "
                              f"a withdrawal log: {result.new} new entries")
            for problem in result.problems:
                self.stderr.write(problem)
