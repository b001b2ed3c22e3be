from __future__ import annotations

import datetime
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalog_sync.app.clients import storefront_client
from catalog_sync.saleor import SaleorError
from catalog_sync.saleor_side.progress import progress_bar
from catalog_sync.saleor_side.reindex import FullOutcome, reindex_full, reindex_since
from catalog_sync.saleor_side.since import SINCE_HELP, parse_since

SKEW = datetime.timedelta(minutes=1)  # clocks of this machine and Saleor's may differ by this much


class Command(BaseCommand):
    help = ("Rebuild the catalogue read model and search index from what a customer sees in Saleor's channel "
            "ocop-vn (100 products per query). The new index is built aside and swapped in: no downtime. "
            "With --since: only the products Saleor changed since then, and those it no longer lists.")

    def add_arguments(self, parser):
        parser.add_argument("--url", help="Saleor GraphQL URL (default: SALEOR_API_URL)")
        parser.add_argument("--since", help=f"{SINCE_HELP}: "
                                            "read only what changed since then (mode since), never a full rebuild")
        parser.add_argument("--json", action="store_true",
                            help='print exactly one JSON object: {"mode", "read", "written", "removed", "seconds"}')

    def handle(self, *args, **options):
        since = parse_since(options["since"], future_skew=SKEW) if options["since"] is not None else None
        bar = progress_bar(self.stderr)
        try:
            with storefront_client(options["url"]) as client:
                origins = tuple(settings.MEDIA_ORIGINS)
                outcome = (reindex_full(client, bar, media_origins=origins) if since is None
                           else reindex_since(client, since, bar, media_origins=origins))
        except SaleorError as error:
            raise CommandError(f"search reindex: {error}", returncode=1) from None
        if options["json"]:
            self.stdout.write(json.dumps(outcome.as_json()))
        elif isinstance(outcome, FullOutcome):
            self.stdout.write(f"search reindex: {outcome.written} products for sale; left out (not for sale, not a "
                              f"producer page): {outcome.skipped_products} products, {outcome.skipped_pages} pages")
        else:
            self.stdout.write(f"search reindex --since {options['since']}: {outcome.read} products read, "
                              f"{outcome.written} written, {outcome.removed} removed in {outcome.seconds:.1f} s")
