"""Set a channel's Stripe keys (``ocop payments configure-stripe``): checked, then kept sealed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction

from .models import StripeAccount

_CHANNEL = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")


class KeysRefused(ValueError):
    """A key or channel that cannot be right (the message names the parameter, never the secret)."""


def _mode(key: str) -> str:
    return "live" if "_live_" in key else "test"


@dataclass(frozen=True)
class StripeKeys:
    channel: str
    secret_key: str
    publishable_key: str
    webhook_secret: str = ""

    def check(self) -> None:
        if not _CHANNEL.match(self.channel):
            raise KeysRefused(f"--channel: {self.channel!r} is not a channel slug")
        if not re.match(r"^(sk|rk)_(test|live)_\w+$", self.secret_key):
            raise KeysRefused("--secret-key: not a Stripe secret key (sk_test_…, sk_live_… or a restricted rk_…)")
        if not re.match(r"^pk_(test|live)_\w+$", self.publishable_key):
            raise KeysRefused("--publishable-key: not a Stripe publishable key (pk_test_… or pk_live_…)")
        if _mode(self.secret_key) != _mode(self.publishable_key):
            raise KeysRefused(f"--publishable-key: a {_mode(self.publishable_key)} key with a "
                              f"{_mode(self.secret_key)} secret key")
        if self.webhook_secret and not re.match(r"^whsec_\w+$", self.webhook_secret):
            raise KeysRefused("--webhook-secret: not a Stripe webhook signing secret (whsec_…)")

    def save(self) -> tuple[StripeAccount, bool]:
        """The channel's account and whether it was created; an existing webhook secret is kept if none is given."""
        self.check()
        with transaction.atomic():
            account = StripeAccount.objects.select_for_update().filter(channel_slug=self.channel).first()
            created = account is None
            account = account or StripeAccount(channel_slug=self.channel)
            account.publishable_key = self.publishable_key
            account.secret_key = self.secret_key
            if self.webhook_secret:
                account.webhook_secret = self.webhook_secret
            account.save()
        return account, created
