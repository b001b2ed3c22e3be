"""``--since`` for the commands that read what changed in Saleor since a moment, and the catch-up commands.

The catch-up commands (``saleor catch-up-withdrawals``, ``saleor catch-up-orders``) share their arguments and
flow: an aware moment (default: ``window`` ago), a client as the installed app, one result printed as text or
as exactly one JSON object, its problems on stderr."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from catalog_sync.app.clients import app_client
from catalog_sync.saleor import SaleorClient, SaleorError

SINCE_HELP = "ISO-8601 date-time with offset, e.g. 2026-11-01T00:00:00+07:00"


def parse_since(value: str, *, future_skew: datetime.timedelta | None = None) -> datetime.datetime:
    """``value`` as an aware moment, or a CommandError (exit 2) naming ``--since``; with ``future_skew``,
    a moment later than now plus that much is refused too (nothing can have changed since then)."""
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since: not an ISO-8601 date-time: {value!r}", returncode=2) from None
    if moment.tzinfo is None:
        raise CommandError(f"--since: give the offset too (e.g. {value}+07:00)", returncode=2)
    if future_skew is not None and moment > timezone.now() + future_skew:
        raise CommandError(f"--since: {value} is in the future", returncode=2)
    return moment


class CatchUpCommand(BaseCommand):
    """A catch-up over Saleor's changes since ``--since`` (default: ``window`` ago)."""

    name = ""  # the command as typed after ocop, for its error messages
    window = datetime.timedelta(hours=48)

    def add_arguments(self, parser):
        parser.add_argument("--since", help=SINCE_HELP)
        parser.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")
        parser.add_argument("--url", help="Saleor GraphQL URL (default: SALEOR_API_URL)")
        parser.add_argument("--token", help="Saleor app token (default: the installed app's)")

    def catch_up(self, client: SaleorClient, since: datetime.datetime) -> Any:
        raise NotImplementedError

    def summary(self, result: Any, since: datetime.datetime) -> str:
        raise NotImplementedError

    def handle(self, *args, **options):
        since = parse_since(options["since"]) if options["since"] else timezone.now() - self.window
        try:
            with app_client(url=options["url"], token=options["token"]) as client:
                result = self.catch_up(client, since)
        except SaleorError as error:
            raise CommandError(f"{self.name}: {error}", returncode=1) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
        else:
            self.stdout.write(self.summary(result, since))
            for problem in result.problems:
                self.stderr.write(problem)
