from __future__ import annotations

from catalog_sync.saleor_side.since import CatchUpCommand
from portal.order_catch_up import WINDOW, catch_up


class Command(CatchUpCommand):
    help = ("Bring to the portal the orders no order webhook brought (placed while the app was not installed, or "
            "a delivery lost): every order created in Saleor since --since (default: the last 48 hours).")
    name = "saleor catch-up-orders"
    window = WINDOW

    def catch_up(self, client, since):
        return catch_up(client, since)

    def summary(self, result, since):
        return (f"{result.orders} orders created since {since.isoformat()}, {result.placed} placed: "
                f"{result.new_lines} new producer lines in {len(result.orders_with_new_lines)} orders")
