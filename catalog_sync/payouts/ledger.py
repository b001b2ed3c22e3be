"""What each producer's order line earned, written from Saleor's order as it is now.

A line earns once (entry key ``earn:<line id>``) when it was delivered (its goods shipped, or its service
used: Saleor fulfilments, returned ones included) and the order is paid (Saleor's ``chargeStatus`` FULL or
OVERCHARGED: a card or VietQR charge, or cash on delivery collected and marked paid). It earns its total
less the commission of its channel. A refund (a granted refund with lines that succeeded) or a return (a
returned fulfilment) reverses the quantity concerned, never twice: each reversal's key names the quantity
reversed so far, so reading the same order again writes nothing. Amounts are whole đồng, rounded half up;
the reversal of a whole line gives back exactly what it earned.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from catalog_sync.saleor.payout_orders import OrderLine, PayoutOrder

from .models import Entry

log = logging.getLogger(__name__)

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
DELIVERED = frozenset({"FULFILLED", "RETURNED", "REFUNDED", "REFUNDED_AND_RETURNED"})
RETURNED = frozenset({"RETURNED", "REFUNDED_AND_RETURNED"})
PLACED = frozenset({"UNCONFIRMED", "UNFULFILLED", "PARTIALLY_FULFILLED", "FULFILLED", "PARTIALLY_RETURNED",
                    "RETURNED"})
DEFAULT_COMMISSION_PERCENT = Decimal(8)


def commission_percent(channel: str) -> Decimal:
    """The marketplace's commission in ``channel``: ``COMMISSION_PERCENT_BY_CHANNEL[channel]``, else
    ``COMMISSION_PERCENT`` (8 % unless set)."""
    by_channel = getattr(settings, "COMMISSION_PERCENT_BY_CHANNEL", {}) or {}
    value = by_channel.get(channel, getattr(settings, "COMMISSION_PERCENT", DEFAULT_COMMISSION_PERCENT))
    return Decimal(str(value))


def whole_dong(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def commission_of(gross: int, percent: Decimal) -> int:
    return whole_dong(Decimal(gross) * percent / 100)


def vietnam_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(VIETNAM).date()


@dataclass(frozen=True)
class Planned:
    key: str
    kind: str
    line: OrderLine
    quantity: int
    gross: int
    commission: int
    percent: Decimal
    at: datetime.datetime


@dataclass
class Recorded:
    order: int
    new: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _quantities(movements, statuses: frozenset[str]) -> tuple[dict[str, int], dict[str, datetime.datetime]]:
    quantity: dict[str, int] = defaultdict(int)
    latest: dict[str, datetime.datetime] = {}
    for movement in movements:
        if movement.status not in statuses:
            continue
        for line_id, count in movement.line_quantities:
            quantity[line_id] += count
            latest[line_id] = max(latest.get(line_id, movement.at), movement.at)
    return quantity, latest


def _share(amount: int, quantity: int, of: int) -> int:
    """What ``quantity`` of a line of ``of`` gives back of ``amount`` (whole đồng; all of it for the whole line)."""
    return whole_dong(Decimal(amount) * quantity / of)


def plan(order: PayoutOrder, earned: dict[str, Entry], reversed_so_far: dict[str, int],
         problems: list[str]) -> list[Planned]:
    """The entries the order calls for that are not written yet (``earned``: the lines' earn entries written;
    ``reversed_so_far``: the quantity already reversed per line)."""
    if order.status not in PLACED and not earned:
        return []
    delivered, delivered_at = _quantities(order.fulfillments, DELIVERED)
    returned, returned_at = _quantities(order.fulfillments, RETURNED)
    refunded, refunded_at = _quantities(order.refunds, frozenset({"SUCCESS"}))
    for refund in order.refunds:
        if refund.status == "SUCCESS" and not refund.line_quantities and refund.amount:
            problems.append(f"order #{order.number}: a refund of {refund.amount} without lines ({refund.id}) is not "
                            "given back by any producer: grant refunds by line")
    paid_at = max(order.charged_at) if order.charged_at else order.updated_at
    percent = commission_percent(order.channel)
    planned: list[Planned] = []
    for line in order.lines:
        if not line.producer_page_slug or line.quantity <= 0:
            continue
        if line.total != line.total.to_integral_value() or line.currency != "VND":
            problems.append(f"order #{order.number} line {line.id}: {line.total} {line.currency} is not whole đồng")
            continue
        gross = int(line.total)
        back = min(line.quantity, max(returned.get(line.id, 0), refunded.get(line.id, 0)))
        entry = earned.get(line.id)
        if entry is None:
            if not order.paid or delivered.get(line.id, 0) == 0 or delivered[line.id] + back < line.quantity:
                continue
            at = max(paid_at, delivered_at[line.id])
            commission = commission_of(gross, percent)
            planned.append(Planned(f"earn:{line.id}", Entry.EARNED, line, line.quantity, gross, commission, percent,
                                   at))
            entry_gross, entry_commission, entry_percent, entry_at = gross, commission, percent, at
        else:
            entry_gross, entry_commission = entry.gross, entry.commission
            entry_percent, entry_at = entry.commission_percent, entry.happened_at
        before = reversed_so_far.get(line.id, 0)
        if back > before:
            at = max([entry_at, *(moment for moment in (returned_at.get(line.id), refunded_at.get(line.id)) if moment)])
            planned.append(Planned(
                f"reverse:{line.id}:{back}", Entry.REVERSED, line, -(back - before),
                -(_share(entry_gross, back, line.quantity) - _share(entry_gross, before, line.quantity)),
                -(_share(entry_commission, back, line.quantity) - _share(entry_commission, before, line.quantity)),
                entry_percent, at))
    return planned


def record(order: PayoutOrder) -> Recorded:
    """Write the entries ``order`` calls for that are not written yet; entries written before are left alone
    (a second delivery of the same order, or a catch-up after the webhook, writes nothing)."""
    result = Recorded(order.number)
    with transaction.atomic():
        written = list(Entry.objects.select_for_update().filter(order_id=order.id))
        earned = {entry.line_id: entry for entry in written if entry.kind == Entry.EARNED}
        reversed_so_far: dict[str, int] = defaultdict(int)
        for entry in written:
            if entry.kind == Entry.REVERSED:
                reversed_so_far[entry.line_id] -= entry.quantity
        planned = plan(order, earned, reversed_so_far, result.problems)
        rows = [Entry(key=item.key, kind=item.kind, producer_slug=item.line.producer_page_slug or "",
                      channel=order.channel, order_id=order.id, order_number=order.number, line_id=item.line.id,
                      product=_product(item.line), quantity=item.quantity, gross=item.gross,
                      commission=item.commission, net=item.gross - item.commission,
                      commission_percent=item.percent, happened_at=item.at, on=vietnam_date(item.at))
                for item in planned]
        if rows:
            keys = {row.key for row in rows}
            Entry.objects.bulk_create(rows, ignore_conflicts=True)
            result.new = list(Entry.objects.filter(key__in=keys, order_id=order.id, recorded_at__isnull=False))
    for problem in result.problems:
        log.warning("ledger: %s", problem)
    if rows:
        log.info("ledger: order #%s: %d entries", order.number, len(rows))
    return result


def _product(line: OrderLine) -> str:
    name = line.product_name
    if line.variant_name and line.variant_name != line.product_name:
        name = f"{name} · {line.variant_name}"
    return name[:500]
