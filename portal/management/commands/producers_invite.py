import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, no_translations

from portal.accounts import InvitationError, invite


class Command(BaseCommand):
    help = ("Invite a person to the producer portal for the producer holding CERTIFICATE_ID: an email with a "
            "one-time link (valid PORTAL_INVITATION_DAYS days) to set their password.")

    def add_arguments(self, parser):
        parser.add_argument("certificate_id")
        parser.add_argument("--email", required=True)
        parser.add_argument("--json", action="store_true",
                            help='print {"producer", "email", "invite_url"} as one JSON object')

    @no_translations
    def handle(self, *args, **options):
        try:
            invitation = invite(options["certificate_id"], options["email"], base_url=settings.PUBLIC_URL)
        except InvitationError as error:
            raise CommandError(f"producers invite: {error}") from None
        if options["json"]:
            self.stdout.write(json.dumps(invitation.as_json(), ensure_ascii=False))
        else:
            self.stdout.write(f"invited {invitation.email} for {invitation.producer.name}: {invitation.invite_url}")
