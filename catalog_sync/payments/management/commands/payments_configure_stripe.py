from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from catalog_sync.payments.stripe.accounts import KeysRefused, StripeKeys


class Command(BaseCommand):
    help = ("Set a channel's Stripe keys for card payments (kept encrypted; the secret key is never shown). "
            "Give '-' as a key to read it from standard input instead of the command line.")

    def add_arguments(self, parser):
        parser.add_argument("--channel", required=True, help="Saleor channel slug, e.g. ocop-vn")
        parser.add_argument("--secret-key", required=True, help="sk_test_… / sk_live_… (or '-': read from stdin)")
        parser.add_argument("--publishable-key", required=True, help="pk_test_… / pk_live_…")
        parser.add_argument("--webhook-secret", default="", help="whsec_… of the Stripe webhook endpoint "
                            "/saleor/stripe/<channel>/ (or '-': read from stdin)")

    def handle(self, *args, **options):
        values = {name: options[name] for name in ("secret_key", "webhook_secret")}
        for name, value in values.items():
            if value == "-":
                values[name] = sys.stdin.readline().strip()
        keys = StripeKeys(channel=options["channel"], secret_key=values["secret_key"],
                          publishable_key=options["publishable_key"], webhook_secret=values["webhook_secret"])
        try:
            account, created = keys.save()
        except KeysRefused as refused:
            raise CommandError(f"payments configure-stripe: {refused}", returncode=2) from None
        webhook = "webhook secret set" if account.sealed_webhook_secret else "no webhook secret"
        self.stdout.write(f"payments configure-stripe: {account.channel_slug} {'configured' if created else 'updated'}"
                          f" ({account.publishable_key}; {webhook})")
