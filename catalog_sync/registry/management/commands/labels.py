from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalog_sync.printing.fonts import FontMissingError
from catalog_sync.printing.links import PublicUrlMissingError, site_base
from catalog_sync.registry.labels import label_sheet


class Command(BaseCommand):
    help = (
        "An A4 sheet of packaging labels (21 a page), each with a QR code to its certificate's verify page. "
        "Unknown, expired or revoked ids are named on stderr and the others still printed; "
        "exit 2 when no label could be printed (then no file is written)."
    )

    def add_arguments(self, parser):
        parser.add_argument("certificate_ids", nargs="+", metavar="CERTIFICATE_ID")
        parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
        parser.add_argument("--copies", type=int, default=1, help="labels of each certificate (default 1)")
        parser.add_argument("--base-url", help="the shop's public address (default: SITE_PUBLIC_URL)")

    def handle(self, *args, **options):
        try:
            base = site_base(base=options["base_url"])
            sheet = label_sheet(options["certificate_ids"], base_url=base, copies=options["copies"])
        except (PublicUrlMissingError, FontMissingError, ValueError) as error:
            raise CommandError(f"labels: {error}", returncode=2) from error
        for _certificate_id, reason in sheet.refused:
            self.stderr.write(f"labels: {reason}")
        if sheet.pdf is None:
            raise CommandError("labels: no label printed, no file written", returncode=2)
        options["output"].write_bytes(sheet.pdf)
        count, certificates = len(sheet.printed) * options["copies"], len(set(sheet.printed))
        self.stdout.write(f"labels: {count} labels of {certificates} certificates written to {options['output']}")
