"""Placed orders as Saleor holds them now, for the producer portal, and the fulfilment of a producer's lines.

Typed operations (``queries/portal_orders.graphql``) with the app's token (MANAGE_ORDERS). Each line
carries the page its product's ``producer`` attribute references at the moment of the read, so the caller
decides whose it is; this module only talks to Saleor and never filters by producer itself.

The carrier is kept in the fulfilment's public metadata (key ``carrier``) and the tracking number in
Saleor's own ``trackingNumber``: the Dashboard, Saleor's fulfilment webhooks and the customer's own order
(public metadata is readable wherever the fulfilment is) all see both, and the tracking number stays the
bare number a carrier's lookup takes.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .client import SaleorClient, SaleorResponseError
from .listing_edits import producer_warehouse_slug

CARRIER_KEY = "carrier"
# A placed order: one a shopper completed, paid by card (UNFULFILLED: Saleor confirms a checkout paid through
# a transaction at once) or cash on delivery (UNCONFIRMED: Saleor 3.23 leaves a checkout completed without any
# payment transaction unconfirmed, whatever ``automaticallyConfirmAllNewOrders`` says), and what those become.
# Not placed: staff drafts, cancelled and expired orders.
PLACED_STATUSES = frozenset({"UNCONFIRMED", "UNFULFILLED", "PARTIALLY_FULFILLED", "FULFILLED", "PARTIALLY_RETURNED",
                             "RETURNED"})
MAX_ORDERS = 100  # Saleor returns at most 100 per page


@dataclass(frozen=True)
class Address:
    name: str
    phone: str
    street: str
    ward: str
    province: str
    postal_code: str

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(part for part in (self.name, self.phone, self.street, self.ward, self.province,
                                       self.postal_code) if part)


@dataclass(frozen=True)
class Line:
    id: str
    product_name: str
    variant_name: str
    sku: str
    quantity: int
    quantity_fulfilled: int
    quantity_to_fulfill: int
    unit_price: Decimal
    total: Decimal
    currency: str
    variant_id: str | None
    product_id: str | None
    producer_page_slug: str | None  # the page the product's ``producer`` references now (None: none, or deleted)

    @property
    def variant_label(self) -> str:
        """The variant's name where it says more than the product's (a single variant is named like its product)."""
        return self.variant_name if self.variant_name and self.variant_name != self.product_name else ""


@dataclass(frozen=True)
class Shipment:
    id: str
    status: str
    created: datetime.datetime
    tracking_number: str
    carrier: str
    line_quantities: tuple[tuple[str, int], ...]  # (order line id, quantity)


@dataclass(frozen=True)
class Order:
    id: str
    number: int
    created: datetime.datetime
    status: str
    address: Address | None
    lines: tuple[Line, ...]
    shipments: tuple[Shipment, ...]

    @property
    def placed(self) -> bool:
        return self.status in PLACED_STATUSES

    def lines_of(self, page_slug: str) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.producer_page_slug == page_slug)


def _amount(value: float) -> Decimal:
    amount = Decimal(str(value))
    return amount.to_integral_value() if amount == amount.to_integral_value() else amount


def _producer_slug(line: Any) -> str | None:
    product = line.variant.product if line.variant else None
    page = getattr(product.producer, "page", None) if product and product.producer else None
    return page.slug if page else None


def order_from(node: Any) -> Order:
    address = node.shipping_address
    return Order(
        id=node.id, number=int(node.number), created=node.created,
        status=str(getattr(node.status, "value", node.status)),
        address=Address(
            name=" ".join(part for part in (address.first_name, address.last_name) if part), phone=address.phone or "",
            street=", ".join(part for part in (address.street_address_1, address.street_address_2) if part),
            ward=address.city, province=address.country_area, postal_code=address.postal_code,
        ) if address else None,
        lines=tuple(Line(
            id=line.id, product_name=line.product_name, variant_name=line.variant_name, sku=line.product_sku or "",
            quantity=line.quantity, quantity_fulfilled=line.quantity_fulfilled,
            quantity_to_fulfill=line.quantity_to_fulfill, unit_price=_amount(line.unit_price.gross.amount),
            total=_amount(line.total_price.gross.amount), currency=line.unit_price.gross.currency,
            variant_id=line.variant.id if line.variant else None,
            product_id=line.variant.product.id if line.variant else None,
            producer_page_slug=_producer_slug(line),
        ) for line in node.lines),
        shipments=tuple(Shipment(
            id=f.id, status=str(getattr(f.status, "value", f.status)), created=f.created,
            tracking_number=f.tracking_number, carrier=f.carrier or "",
            line_quantities=tuple((item.order_line.id, item.quantity) for item in f.lines or [] if item.order_line),
        ) for f in node.fulfillments),
    )


def order_by_number(client: SaleorClient, number: int) -> Order | None:
    edges = client.operations().producer_order_by_number(number=number).orders
    nodes = [edge.node for edge in edges.edges] if edges else []
    return order_from(nodes[0]) if nodes else None


def order_by_id(client: SaleorClient, order_id: str) -> Order | None:
    node = client.operations().producer_order_by_id(id=order_id).order
    return order_from(node) if node else None


def orders_by_ids(client: SaleorClient, ids: Sequence[str]) -> list[Order]:
    """The orders with these ids Saleor still has, newest number first (at most ``MAX_ORDERS``)."""
    if not ids:
        return []
    connection = client.operations().producer_orders(ids=list(ids)[:MAX_ORDERS], first=MAX_ORDERS).orders
    return [order_from(edge.node) for edge in connection.edges] if connection else []


def orders_created_since(client: SaleorClient, since: datetime.datetime,
                         after: str | None = None) -> tuple[list[Order], str | None]:
    """One page (100) of the orders created since ``since``, oldest first, and the cursor of the next page."""
    connection = client.operations().producer_orders_created_since(since=since, after=after).orders
    if connection is None:
        raise SaleorResponseError("ProducerOrdersCreatedSince: Saleor answered no orders")
    following = connection.page_info.end_cursor if connection.page_info.has_next_page else None
    return [order_from(edge.node) for edge in connection.edges], following


def warehouse_id(client: SaleorClient) -> str:
    slug = producer_warehouse_slug()
    connection = client.operations().producer_warehouse(slug=slug).warehouses
    edges = connection.edges if connection else []
    if not edges:
        raise SaleorResponseError(f"ProducerWarehouse: Saleor has no warehouse {slug}")
    return edges[0].node.id


def fulfil(client: SaleorClient, order_id: str, lines: Sequence[tuple[str, int]], *, carrier: str,
           tracking_number: str) -> Shipment:
    """One Saleor fulfilment of exactly ``lines`` ((order line id, quantity)) from the producer's warehouse,
    with ``tracking_number``; then the carrier in its metadata. Returns the fulfilment as Saleor holds it."""
    from .generated.input_types import OrderFulfillLineInput, OrderFulfillStockInput

    warehouse = warehouse_id(client)
    payload = client.operations().producer_order_fulfill(
        order=order_id, tracking_number=tracking_number,
        lines=[OrderFulfillLineInput(orderLineId=line_id, stocks=[  # type: ignore[call-arg]
            OrderFulfillStockInput(quantity=quantity, warehouse=warehouse)]) for line_id, quantity in lines],
    ).order_fulfill
    if payload is None:
        raise SaleorResponseError("orderFulfill: Saleor returned nothing")
    if not payload.fulfillments:
        raise SaleorResponseError("orderFulfill: Saleor returned no fulfilment")
    made = payload.fulfillments[-1]
    held = None
    if carrier:  # (none for a tourism service marked used)
        saved = client.operations().producer_fulfillment_carrier(id=made.id, carrier=carrier).update_metadata
        if saved is None:
            raise SaleorResponseError("updateMetadata: Saleor returned nothing")
        held = getattr(saved.item, "carrier", None)
    return Shipment(
        id=made.id, status=str(getattr(made.status, "value", made.status)),
        created=datetime.datetime.now(datetime.UTC), tracking_number=made.tracking_number, carrier=held or "",
        line_quantities=tuple((item.order_line.id, item.quantity) for item in made.lines or [] if item.order_line))


# A tourism-service line cancelled by its producer: what the order was paid, and the money back for the line.

PAID_CHARGE_STATUSES = frozenset({"PARTIAL", "FULL", "OVERCHARGED"})


@dataclass(frozen=True)
class GrantedRefund:
    id: str
    amount: Decimal
    currency: str
    reason: str
    line_quantities: tuple[tuple[str, int], ...]  # (order line id, quantity)


@dataclass(frozen=True)
class Payment:
    """Who paid an order and how: ``paid`` when a transaction charged it (card, VietQR); cash on delivery not
    yet collected is unpaid. ``transaction_id``: the transaction that charged the most."""

    order_id: str
    charge_status: str
    charged: Decimal
    transaction_id: str | None
    customer_email: str
    language: str  # "vi" | "en": the language the customer shopped in
    granted_refunds: tuple[GrantedRefund, ...]

    @property
    def paid(self) -> bool:
        return self.charge_status in PAID_CHARGE_STATUSES and self.charged > 0

    def granted_for(self, line_id: str) -> GrantedRefund | None:
        return next((grant for grant in self.granted_refunds
                     if any(granted == line_id for granted, _quantity in grant.line_quantities)), None)


def _granted(node: Any) -> GrantedRefund:
    return GrantedRefund(id=node.id, amount=_amount(node.amount.amount), currency=node.amount.currency,
                         reason=node.reason or "",
                         line_quantities=tuple((line.order_line.id, line.quantity) for line in node.lines or []))


def payment_of(client: SaleorClient, order_id: str) -> Payment:
    node = client.operations().producer_order_payment(id=order_id).order
    if node is None:
        raise SaleorResponseError(f"ProducerOrderPayment: Saleor has no order {order_id}")
    charging = max(node.transactions, key=lambda t: t.charged_amount.amount, default=None)
    language = str(getattr(node.language_code_enum, "value", node.language_code_enum))
    return Payment(
        order_id=node.id, charge_status=str(getattr(node.charge_status, "value", node.charge_status)),
        charged=_amount(node.total_charged.amount),
        transaction_id=charging.id if charging and charging.charged_amount.amount > 0 else None,
        customer_email=node.user_email or "", language="en" if language.upper().startswith("EN") else "vi",
        granted_refunds=tuple(_granted(grant) for grant in node.granted_refunds))


def grant_refund(client: SaleorClient, order_id: str, line_id: str, quantity: int, *, reason: str,
                 transaction_id: str) -> GrantedRefund:
    """A granted refund of ``quantity`` of the line (Saleor computes the amount from the line, at most what the
    transaction charged): staff see it owed in the Dashboard and send it back through the payment app."""
    payload = client.operations().producer_line_refund_grant(
        order=order_id, line=line_id, quantity=quantity, reason=reason, transaction=transaction_id,
    ).order_grant_refund_create
    if payload is None or payload.granted_refund is None:
        raise SaleorResponseError("orderGrantRefundCreate: Saleor returned no granted refund")
    return _granted(payload.granted_refund)
