"""What this store has settled for each payment: a settled payment never changes again."""

from __future__ import annotations

import copy

from .client import Intent
from .models import Payment
from .outcomes import Outcome


def record(payment: Payment, intent: Intent, outcome: Outcome) -> bool:
    """Take the PaymentIntent's new state; False when it changes nothing (settled, or seen already).

    The caller holds the payment's row lock (``select_for_update``).
    """
    if not changes(payment, intent, outcome):
        return False
    _take(payment, intent, outcome)
    payment.save()
    return True


def changes(payment: Payment, intent: Intent, outcome: Outcome) -> bool:
    """Whether ``record`` would change the payment (read without its lock: the lock holder may differ)."""
    return not payment.settled and (payment.status, payment.reported_result) != (intent.status, outcome.result)


def preview(payment: Payment, intent: Intent, outcome: Outcome) -> Payment:
    """The payment as ``record`` would leave it, unsaved (a copy: ``payment`` is unchanged)."""
    after = copy.copy(payment)
    _take(after, intent, outcome)
    return after


def _take(payment: Payment, intent: Intent, outcome: Outcome) -> None:
    payment.status = intent.status
    payment.reported_result = outcome.result
    if outcome.result == "CHARGE_SUCCESS":
        payment.charged_minor = outcome.amount
    elif outcome.result == "AUTHORIZATION_SUCCESS":
        payment.authorized_minor = outcome.amount
    elif outcome.result == "CANCEL_SUCCESS":
        payment.authorized_minor = 0


def settled_outcome(payment: Payment) -> Outcome:
    """What Saleor was told of a settled payment (answered again, never recomputed)."""
    if payment.status == "succeeded":
        return Outcome("CHARGE_SUCCESS", payment.charged_minor)
    return Outcome("CANCEL_SUCCESS", payment.amount_minor)
