from __future__ import annotations

from catalog_sync.app.withdrawal_catch_up import WINDOW, catch_up
from catalog_sync.saleor_side.since import CatchUpCommand


class Command(CatchUpCommand):
    help = ("Store what the certification plugin withdrew and restored that no webhook brought: the log of every "
            "product changed in Saleor since --since (default: the last 48 hours).")
    name = "saleor catch-up-withdrawals"
    window = WINDOW

    def catch_up(self, client, since):
        return catch_up(client, since)

    def summary(self, result, since):
        return (f"{result.products} products changed since {since.isoformat()}, {result.with_log} with "
                f"a withdrawal log: {result.new} new entries")
