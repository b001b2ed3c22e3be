from django.core.management.base import BaseCommand, CommandError, no_translations

from catalog_sync.registry.actions import RegistryActionError, renew_certificate

from ._options import parse_date


class Command(BaseCommand):
    help = "Record a renewal: a new certificate from a new decision that supersedes the given one."

    def add_arguments(self, parser):
        parser.add_argument("certificate_id")
        parser.add_argument("--decision-no", required=True)
        parser.add_argument(
            "--decision-date", type=parse_date, required=True, help="at most a year ahead"
        )
        parser.add_argument("--stars", type=int, required=True, choices=[3, 4, 5])
        parser.add_argument("--issuer", default="")

    @no_translations
    def handle(self, *args, **options):
        try:
            renewal = renew_certificate(
                options["certificate_id"],
                decision_no=options["decision_no"],
                decision_date=options["decision_date"],
                stars=options["stars"],
                issuer=options["issuer"],
            )
        except RegistryActionError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{renewal.pk} renews {renewal.supersedes_id}, valid until {renewal.valid_until:%Y-%m-%d}")
