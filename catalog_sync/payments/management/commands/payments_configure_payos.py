from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from catalog_sync.payments.payos.accounts import PayosChannelKeys, PayosKeysRefused


class Command(BaseCommand):
    help = ("Set a channel's payOS keys for VietQR bank transfers (kept encrypted; the API key and checksum key "
            "are never shown), and optionally the payout channel's keys with which producers are paid. Give '-' as a "
            "key to read it from standard input, one line each, in the order --api-key, --checksum-key, "
            "--payout-api-key, --payout-checksum-key.")

    def add_arguments(self, parser):
        parser.add_argument("--channel", required=True, help="Saleor channel slug, e.g. ocop-vn")
        parser.add_argument("--client-id", required=True, help="payOS's Client ID of the payment channel")
        parser.add_argument("--api-key", required=True, help="payOS's API Key ('-': read from stdin)")
        parser.add_argument("--checksum-key", required=True, help="payOS's Checksum Key ('-': read from stdin)")
        parser.add_argument("--payout-client-id", default="",
                            help="payOS's Client ID of the payout channel (producer payouts; optional)")
        parser.add_argument("--payout-api-key", default="",
                            help="payOS's API Key of the payout channel ('-': read from stdin)")
        parser.add_argument("--payout-checksum-key", default="",
                            help="payOS's Checksum Key of the payout channel ('-': read from stdin)")

    def handle(self, *args, **options):
        values = {name: options[name] for name in ("api_key", "checksum_key", "payout_api_key", "payout_checksum_key")}
        for name, value in values.items():
            if value == "-":
                values[name] = sys.stdin.readline().strip()
        keys = PayosChannelKeys(channel=options["channel"], client_id=options["client_id"].strip(),
                                payout_client_id=options["payout_client_id"].strip(), **values)
        try:
            account, created = keys.save()
        except PayosKeysRefused as refused:
            raise CommandError(f"payments configure-payos: {refused}", returncode=2) from None
        self.stdout.write(f"payments configure-payos: {account.channel_slug} {'configured' if created else 'updated'}"
                          f" ({account.client_id}; API key and checksum key sealed; webhook "
                          f"/saleor/payos/{account.channel_slug}/; payouts "
                          f"{f'by {account.payout_client_id}, keys sealed' if account.pays_out else 'not set'})")
