"""A producer's order lines: read from Saleor at the time of the request, shipped as one Saleor fulfilment.

A tourism service's lines are never shipped: they are marked used (a fulfilment without carrier or tracking).

Which orders to read comes from ``ProducerOrderLine`` (written by the app's order webhook); whose each
line is comes from Saleor now: a line is the producer's only while its product's ``producer`` attribute
references their page. Lines of other producers in the same order are never returned, not even counted.
Anything not theirs is ``NotTheirs`` (the pages answer 404) and nothing is written.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from catalog_sync import notify
from catalog_sync.catalogue.models import Product
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor import producer_orders as saleor_orders
from catalog_sync.saleor.spec import SERVICE_TYPE_SLUG

from .access import former_page_slug, page_slug
from .listings import NotTheirs
from .models import PortalChange, ProducerAccount, ProducerOrderLine

log = logging.getLogger(__name__)

MAX_ORDERS = saleor_orders.MAX_ORDERS
MAX_ORDER_NUMBER = 2**31 - 1


class NothingToShip(Exception):
    """Every chosen line is already shipped (or used)."""


class ServiceNotShipped(Exception):
    """A tourism service's line was chosen for a shipment: a service is used (or cancelled), never shipped."""


@dataclass(frozen=True)
class TheirShipment:
    tracking_number: str
    carrier: str
    created: object
    lines: tuple[tuple[saleor_orders.Line, int], ...]  # their lines in it, with the quantity shipped


@dataclass(frozen=True)
class TheirOrder:
    """One placed order as the producer may see it: only their lines and their shipments of those lines."""

    id: str
    number: int
    created: object
    address: saleor_orders.Address | None
    lines: tuple[saleor_orders.Line, ...]
    shipments: tuple[TheirShipment, ...]
    services: frozenset[str] = frozenset()  # the ids of their lines that are tourism services (nothing to ship)

    def is_service(self, line: saleor_orders.Line) -> bool:
        return line.id in self.services

    @property
    def goods(self) -> tuple[saleor_orders.Line, ...]:
        return tuple(line for line in self.lines if line.id not in self.services)

    @property
    def service_lines(self) -> tuple[saleor_orders.Line, ...]:
        return tuple(line for line in self.lines if line.id in self.services)

    @property
    def to_ship(self) -> tuple[saleor_orders.Line, ...]:
        return tuple(line for line in self.goods if line.quantity_to_fulfill > 0)

    @property
    def to_use(self) -> tuple[saleor_orders.Line, ...]:
        return tuple(line for line in self.service_lines if line.quantity_to_fulfill > 0)


def _services(order: saleor_orders.Order, lines: Sequence[saleor_orders.Line]) -> frozenset[str]:
    """Their lines that are tourism services: every line of an order without a shipping address (Saleor asks
    for one whenever a line needs shipping), and each line whose product the catalogue knows as a service."""
    if order.address is None:
        return frozenset(line.id for line in lines)
    services = set(Product.objects.filter(id__in=[line.product_id for line in lines if line.product_id],
                                          product_type=SERVICE_TYPE_SLUG).values_list("id", flat=True))
    return frozenset(line.id for line in lines if line.product_id in services)


def _theirs(order: saleor_orders.Order, slug: str) -> TheirOrder | None:
    if not order.placed:
        return None
    lines = order.lines_of(slug)
    if not lines:
        return None
    by_id = {line.id: line for line in lines}
    shipments = []
    for shipment in order.shipments:
        mine = tuple((by_id[line_id], quantity) for line_id, quantity in shipment.line_quantities if line_id in by_id)
        if mine:
            shipments.append(TheirShipment(shipment.tracking_number, shipment.carrier, shipment.created, mine))
    return TheirOrder(order.id, order.number, order.created, order.address, lines, tuple(shipments),
                      _services(order, lines))


def their_orders(account: ProducerAccount, client: SaleorClient) -> list[TheirOrder]:
    """Their newest placed orders (at most ``MAX_ORDERS``), each with their lines only, as Saleor holds them now."""
    slug = page_slug(account)
    recorded_as = [slug, former] if (former := former_page_slug(account)) else [slug]
    ids: list[str] = []
    for order_id in (ProducerOrderLine.objects.filter(producer_page_slug__in=recorded_as)
                     .order_by("-order_number").values_list("order_id", flat=True)):
        if order_id not in ids:
            ids.append(order_id)
        if len(ids) == MAX_ORDERS:
            break
    orders = (_theirs(order, slug) for order in saleor_orders.orders_by_ids(client, ids))
    return [order for order in orders if order is not None]


def their_order(account: ProducerAccount, number: int, client: SaleorClient) -> TheirOrder:
    """Order ``number`` with their lines, or ``NotTheirs`` when Saleor holds none of theirs in it now."""
    if not 0 < number <= MAX_ORDER_NUMBER:
        raise NotTheirs(str(number))  # no order has it (Saleor's Int is 32-bit): not even asked
    order = saleor_orders.order_by_number(client, number)
    theirs = _theirs(order, page_slug(account)) if order is not None else None
    if theirs is None:
        raise NotTheirs(str(number))
    return theirs


def ship(account: ProducerAccount, number: int, *, carrier: str, tracking_number: str,
         line_ids: Sequence[str] | None, client: SaleorClient) -> list[PortalChange]:
    """Fulfil their chosen lines (all of theirs still to ship when ``line_ids`` is empty) in one Saleor
    fulfilment; each line shipped is recorded. ``NotTheirs`` if any chosen line is not theirs now."""
    order = their_order(account, number, client)
    chosen = _chosen(order, number, line_ids, order.goods)
    if any(order.is_service(line) for line in chosen):
        raise ServiceNotShipped(str(number))
    to_ship = [line for line in chosen if line.quantity_to_fulfill > 0]
    if not to_ship:
        raise NothingToShip(str(number))
    shipment = saleor_orders.fulfil(client, order.id, [(line.id, line.quantity_to_fulfill) for line in to_ship],
                                    carrier=carrier, tracking_number=tracking_number)
    shipped = dict(shipment.line_quantities)
    changes = []
    for line in to_ship:
        quantity = shipped.get(line.id, line.quantity_to_fulfill)
        name = f"#{number} · {line.product_name}" + (f" · {line.variant_label}" if line.variant_label else "")
        changes.append(PortalChange.record(
            account, object_type="order_line", object_id=line.id, name=name, field="shipped",
            before=f"{line.quantity_fulfilled}/{line.quantity}",
            after=f"{line.quantity_fulfilled + quantity}/{line.quantity} · {shipment.carrier} · "
                  f"{shipment.tracking_number}"[:200]))
    return changes


def _chosen(order: TheirOrder, number: int, line_ids: Sequence[str] | None,
            default: Sequence[saleor_orders.Line]) -> list[saleor_orders.Line]:
    by_id = {line.id: line for line in order.lines}
    if not line_ids:
        return list(default)
    if any(line_id not in by_id for line_id in line_ids):
        raise NotTheirs(str(number))
    return [by_id[line_id] for line_id in dict.fromkeys(line_ids)]


def use(account: ProducerAccount, number: int, *, line_ids: Sequence[str] | None,
        client: SaleorClient) -> list[PortalChange]:
    """Mark their chosen tourism-service lines used (all of theirs still open when ``line_ids`` is empty): one
    Saleor fulfilment without carrier or tracking number. Goods are shipped, never marked used."""
    order = their_order(account, number, client)
    chosen = _chosen(order, number, line_ids, order.service_lines)
    if any(not order.is_service(line) for line in chosen):
        raise NotTheirs(str(number))
    to_use = [line for line in chosen if line.quantity_to_fulfill > 0]
    if not to_use:
        raise NothingToShip(str(number))
    saleor_orders.fulfil(client, order.id, [(line.id, line.quantity_to_fulfill) for line in to_use],
                         carrier="", tracking_number="")
    return [PortalChange.record(
        account, object_type="order_line", object_id=line.id, field="used",
        name=(f"#{number} · {line.product_name}" + (f" · {line.variant_label}" if line.variant_label else ""))[:200],
        before=f"{line.quantity_fulfilled}/{line.quantity}", after=f"{line.quantity}/{line.quantity}")
        for line in to_use]


# The email when new lines are a producer's (the app's order webhook, in the web worker).

def people_of(slug: str) -> tuple[str, ...]:
    """The emails of the people who may use the portal now for the producer whose page is ``slug``."""
    accounts = (ProducerAccount.objects.filter(activated_at__isnull=False, suspended_at__isnull=True,
                                               user__is_active=True, user__is_staff=False)
                .select_related("producer", "user").order_by("user__email"))
    return tuple(account.user.email for account in accounts if page_slug(account) == slug)


def _event(order: saleor_orders.Order, lines: Sequence[saleor_orders.Line],
           recipients: Sequence[str]) -> notify.events.ProducerOrderLines:
    """Told in Vietnamese then English, in one message (a producer's people have no language of their own)."""
    return notify.events.ProducerOrderLines(
        recipients=notify.events.recipients(list(recipients), ("vi", "en")), number=order.number,
        created=order.created, portal_url=settings.PUBLIC_URL.rstrip("/") + f"/portal/orders/{order.number}/",
        lines=tuple(notify.events.OrderLine(line.quantity, line.product_name, line.variant_label, line.unit_price,
                                            line.currency) for line in lines))


def record_new_lines(order: saleor_orders.Order) -> dict[str, tuple[str, ...]]:
    """Record each line of a placed order that is a producer's and was not recorded yet, and email that
    producer's people about their new lines: once per line (the rows and the send in one transaction, so a
    failed send is tried again and a second delivery finds the rows). Returns {page slug: recipients}."""
    if not order.placed:
        return {}
    by_slug: dict[str, list[saleor_orders.Line]] = defaultdict(list)
    for line in order.lines:
        if line.producer_page_slug:
            by_slug[line.producer_page_slug].append(line)
    told: dict[str, tuple[str, ...]] = {}
    for slug, lines in by_slug.items():
        recipients = people_of(slug)
        try:
            with transaction.atomic():
                new = [line for line in lines if ProducerOrderLine.objects.get_or_create(
                    line_id=line.id, defaults={
                        "order_id": order.id, "order_number": order.number, "producer_page_slug": slug,
                        "ordered_at": order.created, "recipients": ", ".join(recipients)})[1]]
                if new and recipients:
                    notify.send(_event(order, new, recipients))
        except IntegrityError:  # another worker recorded them at the same moment
            continue
        if new:
            told[slug] = recipients
            log.info("order #%s: %d new lines of %s, told %s", order.number, len(new), slug,
                     ", ".join(recipients) or "nobody yet")
    return told
