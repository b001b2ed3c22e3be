from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from catalog_sync.saleor import SaleorError
from catalog_sync.saleor_side.connection import command_client
from catalog_sync.saleor_side.management.commands.saleor_catch_up_withdrawals import _since
from portal.order_catch_up import WINDOW, catch_up


class Command(BaseCommand):
    help = ("Bring to the portal the orders no order webhook brought (placed while the app was not installed, or "
            "a delivery lost): every order created in Saleor since --since (default: the last 48 hours).")

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
            raise CommandError(f"saleor catch-up-orders: {error}", returncode=1) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
        else:
            self.stdout.write(f"{result.orders} orders created since {since.isoformat()}, {result.placed} placed: "
                              f"{result.new_lines} new producer lines in {len(result.orders_with_new_lines)} orders")
            for problem in result.problems:
                self.stderr.write(problem)
