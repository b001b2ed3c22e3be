from django.core.management.base import BaseCommand, CommandError

from catalog_sync.registry.actions import RegistryActionError, revoke_certificate

from ._options import parse_date


class Command(BaseCommand):
    help = "Revoke a certificate (it ends at once), recording the revoking decision and the reason."

    def add_arguments(self, parser):
        parser.add_argument("certificate_id")
        parser.add_argument("--reason", required=True)
        parser.add_argument("--decision-no", required=True, help="number of the revoking decision")
        parser.add_argument("--on", type=parse_date, dest="revoked_on", help="date of revocation (default today)")

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
        self.stdout.write(f"{certificate.pk} revoked on {certificate.revoked_on:%Y-%m-%d}")
