"""VietQR refunds: a bank transfer has no reverse, so finance staff transfer the money back by hand.

Saleor's refund request is recorded pending (``gateway.refund``); the staff page lists each with the
customer's account (the account the money came from, as the bank reported it), and staff mark it done
with the bank's reference of their transfer: Saleor is then told ``REFUND_SUCCESS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from catalog_sync.payments.protocol import TokenFor

from .events import report
from .models import PayosPayment, PayosTransfer, VietQRRefund

BANK_REFERENCE = re.compile(r"^[A-Za-z0-9._/-]{4,100}$")


class RefundRefused(ValueError):
    """Names the field: the bank reference, or a refund done already."""


@dataclass(frozen=True)
class Payee:
    """Where the refund goes: the customer's account the transfer came from."""

    bank: str
    account_number: str
    account_name: str


def payee(refund: VietQRRefund) -> Payee | None:
    """The account of the latest transfer that paid the refunded payment (None: the bank did not say)."""
    transfer = (PayosTransfer.objects.filter(payment_id=refund.payment_id).exclude(counter_account_number="")
                .order_by("-received_at").first())
    if transfer is None:
        return None
    return Payee(bank=transfer.counter_bank_name or transfer.counter_bank_id,
                 account_number=transfer.counter_account_number, account_name=transfer.counter_account_name)


def mark_done(refund_id: int, bank_reference: str, user, token_for: TokenFor) -> VietQRRefund:
    """Saleor told ``REFUND_SUCCESS``, then the refund kept as done (by whom, when, which bank transfer)."""
    reference = bank_reference.strip()
    if not BANK_REFERENCE.match(reference):
        raise RefundRefused("bank_reference: the bank's reference of the transfer back (4 to 100 letters, digits, "
                            "'.', '_', '/' or '-')")
    with transaction.atomic():
        refund = VietQRRefund.objects.select_for_update().select_related("payment").get(pk=refund_id)
        if refund.status == VietQRRefund.DONE:
            raise RefundRefused(f"bank_reference: this refund was marked done already ({refund.bank_reference})")
        report(refund.payment, refund.psp_reference, "REFUND_SUCCESS", refund.amount, token_for,
               f"transferred back by bank transfer {reference}")
        refund.status, refund.bank_reference, refund.done_by, refund.done_at = (
            VietQRRefund.DONE, reference, user, timezone.now())
        refund.save(update_fields=["status", "bank_reference", "done_by", "done_at"])
        PayosPayment.objects.filter(pk=refund.payment_id).update(refunded=F("refunded") + refund.amount)
    return refund
