"""Orders as the payouts ledger needs them: whose each line is, whether it was delivered, whether the order is
paid and what was refunded or returned (typed operations in ``queries/payouts.graphql``, the app's token).

Only reads; the ledger (``catalog_sync.payouts.ledger``) decides what a line earned.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .client import SaleorClient, SaleorResponseError

MAX_PAGES = 1000


@dataclass(frozen=True)
class OrderLine:
    id: str
    product_name: str
    variant_name: str
    quantity: int
    unit_price: Decimal
    total: Decimal
    currency: str
    producer_page_slug: str | None


@dataclass(frozen=True)
class Movement:
    """Quantities of lines that moved at a moment: a fulfilment (shipped, used, returned) or a granted refund."""

    id: str
    status: str  # a fulfilment's (FULFILLED, RETURNED, ...) or a granted refund's (SUCCESS, PENDING, ...)
    at: datetime.datetime
    line_quantities: tuple[tuple[str, int], ...]
    amount: Decimal = Decimal(0)  # a granted refund's amount


@dataclass(frozen=True)
class PayoutOrder:
    id: str
    number: int
    status: str
    charge_status: str  # NONE, PARTIAL, FULL, OVERCHARGED
    channel: str
    updated_at: datetime.datetime
    total_charged: Decimal
    lines: tuple[OrderLine, ...]
    fulfillments: tuple[Movement, ...]
    refunds: tuple[Movement, ...]
    charged_at: tuple[datetime.datetime, ...]  # each successful charge's moment (card, VietQR, cash collected)

    @property
    def paid(self) -> bool:
        return self.charge_status in {"FULL", "OVERCHARGED"}


def _decimal(value: float) -> Decimal:
    return Decimal(str(value))


def _enum(value: Any) -> str:
    return str(getattr(value, "value", value))


def _slug(line: Any) -> str | None:
    product = line.variant.product if line.variant else None
    page = getattr(product.producer, "page", None) if product and product.producer else None
    return page.slug if page else None


def payout_order_from(node: Any) -> PayoutOrder:
    return PayoutOrder(
        id=node.id, number=int(node.number), status=_enum(node.status), charge_status=_enum(node.charge_status),
        channel=node.channel.slug, updated_at=node.updated_at, total_charged=_decimal(node.total_charged.amount),
        lines=tuple(OrderLine(
            id=line.id, product_name=line.product_name, variant_name=line.variant_name, quantity=line.quantity,
            unit_price=_decimal(line.unit_price.gross.amount), total=_decimal(line.total_price.gross.amount),
            currency=line.total_price.gross.currency, producer_page_slug=_slug(line)) for line in node.lines),
        fulfillments=tuple(Movement(
            id=f.id, status=_enum(f.status), at=f.created,
            line_quantities=tuple((item.order_line.id, item.quantity) for item in f.lines or [] if item.order_line))
            for f in node.fulfillments),
        refunds=tuple(Movement(
            id=r.id, status=_enum(r.status), at=r.updated_at, amount=_decimal(r.amount.amount),
            line_quantities=tuple((item.order_line.id, item.quantity) for item in r.lines or [] if item.order_line))
            for r in node.granted_refunds),
        charged_at=tuple(sorted(event.created_at for transaction in node.transactions for event in transaction.events
                                if _enum(event.type_) == "CHARGE_SUCCESS")),
    )


def payout_order(client: SaleorClient, order_id: str) -> PayoutOrder | None:
    node = client.operations().payout_order_by_id(id=order_id).order
    return payout_order_from(node) if node else None


def orders_updated_since(client: SaleorClient, since: datetime.datetime,
                         after: str | None = None) -> tuple[list[PayoutOrder], str | None]:
    """One page (100) of the orders changed since ``since``, oldest change first, and the next page's cursor."""
    connection = client.operations().payout_orders_updated_since(since=since, after=after).orders
    if connection is None:
        raise SaleorResponseError("PayoutOrdersUpdatedSince: Saleor answered no orders")
    following = connection.page_info.end_cursor if connection.page_info.has_next_page else None
    return [payout_order_from(edge.node) for edge in connection.edges], following
