"""Catching up with orders no order webhook brought: placed while the app was not installed, or whose
ORDER_CREATED / ORDER_CONFIRMED delivery was lost (the web service down longer than Saleor retries).

Every order Saleor created since a moment is read through the app's token, oldest first, and handed to
``record_new_lines`` exactly as a delivery's order would be: each producer's line not recorded yet reaches
their portal and their people are emailed once; lines recorded before change nothing. The web worker's beat
runs it hourly over the last ``WINDOW``; ``ocop saleor catch-up-orders`` runs it by hand over any period.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor import producer_orders as saleor_orders

from .models import ProducerOrderLine
from .orders import record_new_lines

log = logging.getLogger(__name__)

WINDOW = datetime.timedelta(hours=48)
MAX_PAGES = 1000  # 100,000 orders in the period


@dataclass
class OrdersCatchUp:
    since: datetime.datetime
    orders: int = 0  # created since, read
    placed: int = 0  # of them placed (not drafts, cancelled or expired)
    new_lines: int = 0  # producers' lines recorded now (no webhook brought them)
    orders_with_new_lines: list[int] = field(default_factory=list)  # their numbers
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"since": self.since.isoformat(), "orders": self.orders, "placed": self.placed,
                "new_lines": self.new_lines, "orders_with_new_lines": self.orders_with_new_lines,
                "problems": self.problems}


def catch_up(client: SaleorClient, since: datetime.datetime) -> OrdersCatchUp:
    """Record every producer's line of the orders created since ``since`` (aware) not recorded yet."""
    if since.tzinfo is None:
        raise ValueError("since must be an aware date-time")
    result = OrdersCatchUp(since)
    after: str | None = None
    for _page in range(MAX_PAGES):
        orders, after = saleor_orders.orders_created_since(client, since, after)
        for order in orders:
            result.orders += 1
            if not order.placed:
                continue
            result.placed += 1
            before = ProducerOrderLine.objects.filter(order_id=order.id).count()
            record_new_lines(order)
            new = ProducerOrderLine.objects.filter(order_id=order.id).count() - before
            if new:
                result.new_lines += new
                result.orders_with_new_lines.append(order.number)
                log.info("order catch-up: order #%s had %d lines no webhook brought", order.number, new)
        if after is None:
            break
    else:
        result.problems.append(f"stopped after {MAX_PAGES} pages: run it again with a later --since")
    for problem in result.problems:
        log.warning("order catch-up: %s", problem)
    return result
