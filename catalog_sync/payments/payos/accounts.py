"""Set a channel's payOS keys (``ocop payments configure-payos``): checked, then kept sealed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import transaction

from .client import PayosKeys
from .models import PayosAccount

_CHANNEL = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
_KEY = re.compile(r"^[\x21-\x7e]{8,255}$")  # printable ASCII without spaces, as payOS's keys are


class PayosKeysRefused(ValueError):
    """A key or channel that cannot be right (the message names the parameter, never the secret)."""


@dataclass(frozen=True)
class PayosChannelKeys:
    channel: str
    client_id: str
    api_key: str = field(repr=False)
    checksum_key: str = field(repr=False)
    payout_client_id: str = ""  # the payout channel's keys, all three or none (none: those set before are kept)
    payout_api_key: str = field(default="", repr=False)
    payout_checksum_key: str = field(default="", repr=False)

    def check(self) -> None:
        if not _CHANNEL.match(self.channel):
            raise PayosKeysRefused(f"--channel: {self.channel!r} is not a channel slug")
        if not _KEY.match(self.client_id):
            raise PayosKeysRefused("--client-id: 8 to 255 characters without spaces (payOS's Client ID)")
        if not _KEY.match(self.api_key):
            raise PayosKeysRefused("--api-key: 8 to 255 characters without spaces (payOS's API Key)")
        if not _KEY.match(self.checksum_key):
            raise PayosKeysRefused("--checksum-key: 8 to 255 characters without spaces (payOS's Checksum Key)")
        payout = {"--payout-client-id": self.payout_client_id, "--payout-api-key": self.payout_api_key,
                  "--payout-checksum-key": self.payout_checksum_key}
        if any(payout.values()):
            for parameter, value in payout.items():
                if not _KEY.match(value):
                    raise PayosKeysRefused(f"{parameter}: 8 to 255 characters without spaces (the payout channel's "
                                           "key in payOS; give all three payout keys)")

    def save(self) -> tuple[PayosAccount, bool]:
        """The channel's account and whether it was created."""
        self.check()
        with transaction.atomic():
            account = PayosAccount.objects.select_for_update().filter(channel_slug=self.channel).first()
            created = account is None
            account = account or PayosAccount(channel_slug=self.channel)
            account.client_id = self.client_id
            account.api_key = self.api_key
            account.checksum_key = self.checksum_key
            if self.payout_client_id:
                account.payout_client_id = self.payout_client_id
                account.payout_api_key = self.payout_api_key
                account.payout_checksum_key = self.payout_checksum_key
            account.save()
        return account, created


def keys_of(account: PayosAccount) -> PayosKeys:
    """The channel's keys for the payOS client (opened from their seals only here)."""
    return PayosKeys(client_id=account.client_id, api_key=account.api_key, checksum_key=account.checksum_key)


def payout_keys_of(account: PayosAccount) -> PayosKeys:
    """The channel's payout keys for the payOS client (opened from their seals only here)."""
    return PayosKeys(client_id=account.payout_client_id, api_key=account.payout_api_key,
                     checksum_key=account.payout_checksum_key)
