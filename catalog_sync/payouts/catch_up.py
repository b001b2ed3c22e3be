"""The ledger brought up to date with every order Saleor changed since a moment (a webhook lost, or the app
installed late): each order read through the app's token, oldest change first, and recorded exactly as a
delivery's order would be. The web worker's beat runs it hourly over the last ``WINDOW``;
``ocop payouts catch-up --since ...`` runs it by hand over any period."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from catalog_sync.saleor import SaleorClient, payout_orders

from .ledger import record

WINDOW = datetime.timedelta(hours=48)


@dataclass
class LedgerCatchUp:
    since: datetime.datetime
    orders: int = 0
    new_entries: int = 0
    orders_with_new_entries: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"since": self.since.isoformat(), "orders": self.orders, "new_entries": self.new_entries,
                "orders_with_new_entries": self.orders_with_new_entries, "problems": self.problems}


def catch_up(client: SaleorClient, since: datetime.datetime) -> LedgerCatchUp:
    if since.tzinfo is None:
        raise ValueError("since must be an aware date-time")
    result = LedgerCatchUp(since)
    after: str | None = None
    for _page in range(payout_orders.MAX_PAGES):
        orders, after = payout_orders.orders_updated_since(client, since, after)
        for order in orders:
            result.orders += 1
            recorded = record(order)
            result.problems.extend(recorded.problems)
            if recorded.new:
                result.new_entries += len(recorded.new)
                result.orders_with_new_entries.append(order.number)
        if after is None:
            break
    else:
        result.problems.append(f"stopped after {payout_orders.MAX_PAGES} pages: run it again with a later --since")
    return result
