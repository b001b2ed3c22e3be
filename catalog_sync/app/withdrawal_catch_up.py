"""Catching up with the certification plugin's withdrawal log when a webhook delivery was lost.

Each PRODUCT_UPDATED delivery carries the product's newest log entries, so a later delivery makes good
an earlier lost one. What no later delivery brings (the web service was down longer than Saleor retries
and the product has not changed since) is read here: every product changed since a moment (the plugin
stamps ``updatedAt`` on each product it withdraws or restores), with its log, through the app's token.
The web worker's beat runs it hourly over the last ``WINDOW``; ``ocop saleor catch-up-withdrawals``
runs it by hand over any period.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from catalog_sync.domain.withdrawals import LogError, parse_log
from catalog_sync.registry.withdrawals import record
from catalog_sync.saleor import SaleorClient, SaleorError

log = logging.getLogger(__name__)

WINDOW = datetime.timedelta(hours=48)
MAX_PAGES = 1000  # 100,000 products changed in the period: far beyond the national catalogue


@dataclass
class CatchUp:
    since: datetime.datetime
    products: int = 0  # changed since, read
    with_log: int = 0  # of them carrying a log
    new: int = 0  # entries stored now (not delivered before)
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"since": self.since.isoformat(), "products": self.products, "with_log": self.with_log,
                "new": self.new, "problems": self.problems}


def catch_up(client: SaleorClient, since: datetime.datetime) -> CatchUp:
    """Store every log entry of the products changed since ``since`` (aware) not stored yet."""
    if since.tzinfo is None:
        raise ValueError("since must be an aware date-time")
    result = CatchUp(since)
    operations = client.operations()
    after: str | None = None
    for _page in range(MAX_PAGES):
        reply = operations.ocop_withdrawal_logs(since=since, after=after).products
        if reply is None:
            raise SaleorError("OcopWithdrawalLogs: Saleor answered no products")
        for edge in reply.edges:
            result.products += 1
            value = edge.node.ocop_withdrawals
            if value is None:
                continue
            result.with_log += 1
            try:
                entries, problems = parse_log(value)
            except LogError as bad:
                entries, problems = [], [str(bad)]
            result.problems += [f"{edge.node.id}: {problem}" for problem in problems]
            result.new += record(edge.node.id, entries)
        if not reply.page_info.has_next_page:
            break
        after = reply.page_info.end_cursor
    else:
        result.problems.append(f"stopped after {MAX_PAGES} pages: run it again with a later --since")
    for problem in result.problems:
        log.warning("withdrawal catch-up: %s", problem)
    return result
