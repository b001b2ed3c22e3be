from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalog_sync.catalogue import store
from catalog_sync.saleor import SaleorError, client_from_settings
from catalog_sync.saleor.readmodel import iter_catalogue
from catalog_sync.saleor_side.progress import progress_bar


class Command(BaseCommand):
    help = ("Rebuild the catalogue read model and search index from what a customer sees in Saleor's channel "
            "ocop-vn (100 products per query). The new index is built aside and swapped in: no downtime.")

    def add_arguments(self, parser):
        parser.add_argument("--url", help="Saleor GraphQL URL (default: SALEOR_API_URL)")

    def handle(self, *args, **options):
        bar = progress_bar(self.stderr)
        try:
            with client_from_settings(url=options["url"], token_required=False) as client:
                fetch = iter_catalogue(client, progress=bar, media_origins=settings.MEDIA_ORIGINS)
                count = store.rebuild(fetch.products(), fetch.producers(), fetch.collections())
        except SaleorError as error:
            raise CommandError(f"search reindex: {error}", returncode=1) from None
        self.stdout.write(f"search reindex: {count} products for sale; left out (not for sale, not a producer page): "
                          f"{fetch.skipped['products']} products, {fetch.skipped['pages']} pages")
