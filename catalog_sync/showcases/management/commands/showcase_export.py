from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalog_sync.printing.fonts import FontMissingError
from catalog_sync.printing.links import PublicUrlMissingError, site_base
from catalog_sync.showcases.entries import ShowcaseNotFoundError
from catalog_sync.showcases.exports import FORMATS, export


class Command(BaseCommand):
    help = "A showcase's trade catalogue for retail buyers (its products for sale now) as PDF, XLSX or CSV."

    def add_arguments(self, parser):
        parser.add_argument("slug", metavar="SLUG")
        parser.add_argument("--format", required=True, choices=list(FORMATS), dest="file_format")
        parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
        parser.add_argument("--base-url", help="the shop's public address (default: SITE_PUBLIC_URL)")

    def handle(self, *args, **options):
        try:
            result = export(options["slug"], options["file_format"], base=site_base(base=options["base_url"]))
        except (ShowcaseNotFoundError, PublicUrlMissingError, FontMissingError) as error:
            raise CommandError(f"showcase export: {error.args[0]}", returncode=2) from error
        options["output"].write_bytes(result.content)
        self.stdout.write(
            f"showcase export: {result.products} products written to {options['output']} ({len(result.content)} bytes)"
        )
