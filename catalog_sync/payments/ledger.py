"""What this store has settled for each payment: a settled payment never changes again."""

from __future__ import annotations

from .models import Payment
from .outcomes import Outcome
from .stripe_gateway import Intent


def record(payment: Payment, intent: Intent, outcome: Outcome) -> bool:
    """Take the PaymentIntent's new state; False when it changes nothing (settled, or seen already).

    The caller holds the payment's row lock (``select_for_update``).
    """
    if payment.settled:
        return False
    if payment.status == intent.status and payment.reported_result == outcome.result:
        return False
    payment.status = intent.status
    payment.reported_result = outcome.result
    if outcome.result == "CHARGE_SUCCESS":
        payment.charged_minor = outcome.amount
    elif outcome.result == "AUTHORIZATION_SUCCESS":
        payment.authorized_minor = outcome.amount
    elif outcome.result == "CANCEL_SUCCESS":
        payment.authorized_minor = 0
    payment.save()
    return True


def settled_outcome(payment: Payment) -> Outcome:
    """What Saleor was told of a settled payment (answered again, never recomputed)."""
    if payment.status == "succeeded":
        return Outcome("CHARGE_SUCCESS", payment.charged_minor)
    return Outcome("CANCEL_SUCCESS", payment.amount_minor)
