from django.core.management.base import BaseCommand, CommandError, no_translations

from catalog_sync.registry.actions import RegistryActionError, revoke_certificate

from ._options import parse_date


class Command(BaseCommand):
    help = (
        "Revoke a certificate from a day (default today; at most a year ahead), recording the revoking "
        "decision and the reason. It stays valid until that day."
    )

    def add_arguments(self, parser):
        parser.add_argument("certificate_id")
        parser.add_argument("--reason", required=True)
        parser.add_argument("--decision-no", required=True, help="number of the revoking decision")
        parser.add_argument(
            "--on", type=parse_date, dest="revoked_on",
            help="first day the certificate is no longer valid (default today; at most a year ahead)",
        )

    @no_translations
    def handle(self, *args, **options):
        try:
            certificate = revoke_certificate(
                options["certificate_id"],
                reason=options["reason"],
                decision_no=options["decision_no"],
                revoked_on=options["revoked_on"],
            )
        except RegistryActionError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{certificate.pk} revoked from {certificate.revoked_on:%Y-%m-%d}")
