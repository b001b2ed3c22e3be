"""A tourism service's line cancelled by its producer: a service is used or cancelled, never shipped.

Only their own service lines that are not used yet; goods are never cancelled here. The cancellation is
recorded in the web database (``CancelledServiceLine``, and the portal's audit trail): Saleor has no cancelled
line. Where the order was paid (card, VietQR), the money owed for the line is asked of Saleor as a granted
refund of that line with the reason (``orderGrantRefundCreate``), which staff see in the Dashboard and send
back through the payment app; an unpaid cash-on-delivery order owes nothing. The customer is then emailed
(``catalog_sync.notify``) in the language they shopped in.

The record and the request to Saleor are one transaction: when Saleor refuses or does not answer, nothing is
recorded. A refund already granted for the line (an earlier try whose record was lost) is reused, never
granted twice. A failed email is logged and kept as ``customer_told=False``; the cancellation stands.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from catalog_sync import notify
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor import producer_orders as saleor_orders

from .listings import NotTheirs
from .models import CancelledServiceLine, PortalChange, ProducerAccount
from .orders import TheirOrder

log = logging.getLogger(__name__)

REASON = "Producer cancelled the tourism service (OCOP Market portal)"


class GoodsNotCancelled(Exception):
    """A line of goods was chosen: goods are shipped, never cancelled from the portal."""


class NothingToCancel(Exception):
    """The line is already cancelled or used."""


@dataclass(frozen=True)
class Cancellation:
    record: CancelledServiceLine
    refund: saleor_orders.GrantedRefund | None


def cancellable(order: TheirOrder, line_id: str) -> saleor_orders.Line:
    """Their service line ``line_id`` of ``order`` that can be cancelled. ``NotTheirs`` if it is not theirs
    now, ``GoodsNotCancelled`` for goods, ``NothingToCancel`` if already cancelled or used."""
    line = next((line for line in order.lines if line.id == line_id), None)
    if line is None:
        raise NotTheirs(str(order.number))
    if not order.is_service(line):
        raise GoodsNotCancelled(str(order.number))
    if order.is_cancelled(line) or line.quantity_to_fulfill <= 0:
        raise NothingToCancel(str(order.number))
    return line


def cancel(account: ProducerAccount, order: TheirOrder, line_id: str, client: SaleorClient) -> Cancellation:
    """Cancel their service line of ``order`` (as ``their_order`` read it for ``account`` in this request: what
    is not used of it), ask for the money back where the order was paid, record it and tell the customer."""
    number = order.number
    line = cancellable(order, line_id)
    quantity = line.quantity_to_fulfill
    try:
        with transaction.atomic():
            record = CancelledServiceLine.objects.create(
                line_id=line.id, order_id=order.id, order_number=number, product_name=line.product_name[:500],
                variant_name=line.variant_label[:500], quantity=quantity, amount=line.unit_price * quantity,
                currency=line.currency, account=account, email=account.user.email)
            payment = saleor_orders.payment_of(client, order.id)
            refund = None
            if payment.paid and payment.transaction_id:
                refund = payment.granted_for(line.id) or saleor_orders.grant_refund(
                    client, order.id, line.id, quantity, reason=REASON, transaction_id=payment.transaction_id)
                record.refund_id, record.refund_amount = refund.id, refund.amount
            record.customer_email = payment.customer_email
            record.save()
            PortalChange.record(
                account, object_type="order_line", object_id=line.id, field="cancelled",
                name=(f"#{number} · {line.product_name}" + (f" · {line.variant_label}" if line.variant_label
                                                             else ""))[:200],
                before=f"{line.quantity_fulfilled}/{line.quantity}",
                after=f"cancelled {quantity}" + (f" · refund {refund.amount} {refund.currency}" if refund else ""))
    except IntegrityError:  # cancelled at the same moment by another request
        raise NothingToCancel(str(number)) from None
    _tell_customer(record, payment.language)
    return Cancellation(record, refund)


def _tell_customer(record: CancelledServiceLine, language: str) -> None:
    if not record.customer_email:
        return
    with translation.override(language):
        path = reverse("accounts:order", args=[record.order_number])
    event = notify.events.ServiceLineCancelled(
        recipients=(notify.Recipient(record.customer_email, (language,)),), number=record.order_number,
        product_name=record.product_name, variant_label=record.variant_name, quantity=record.quantity,
        total=record.refund_amount if record.refund_amount is not None else record.amount, currency=record.currency,
        refund_owed=record.refund_owed, order_url=settings.PUBLIC_URL.rstrip("/") + path)
    try:
        notify.send(event)
    except OSError as failed:  # the cancellation stands; staff can tell the customer
        log.warning("order #%s: the customer was not told of the cancelled service: %s", record.order_number, failed)
        return
    record.customer_told = True
    record.save(update_fields=["customer_told"])


def cancelled_in(order_id: str) -> frozenset[tuple[str, str]]:
    """The (product name, variant label) of the service lines of order ``order_id`` its producers cancelled,
    for the customer's order page (whose lines Saleor gives without ids)."""
    return frozenset(CancelledServiceLine.objects.filter(order_id=order_id).values_list("product_name",
                                                                                        "variant_name"))
