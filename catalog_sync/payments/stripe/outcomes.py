"""What a PaymentIntent's state means for a Saleor transaction (pure).

Results are Saleor's ``TransactionEventTypeEnum`` names; amounts are in the currency's smallest unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from .client import Intent


@dataclass(frozen=True)
class Outcome:
    result: str
    amount: int
    message: str = ""

    @property
    def needs_action(self) -> bool:
        return self.result.endswith("_ACTION_REQUIRED")


def outcome_of(intent: Intent, flow: str) -> Outcome:
    """``flow`` is Saleor's CHARGE or AUTHORIZATION."""
    prefix = "AUTHORIZATION" if flow == "AUTHORIZATION" else "CHARGE"
    status = intent.status
    if status == "succeeded":
        return Outcome("CHARGE_SUCCESS", intent.amount_received or intent.amount)
    if status == "requires_capture":
        return Outcome("AUTHORIZATION_SUCCESS", intent.amount_capturable or intent.amount)
    if status == "canceled":
        return Outcome("CANCEL_SUCCESS", intent.amount)
    if status == "processing":
        return Outcome(f"{prefix}_REQUEST", intent.amount)
    if status == "requires_payment_method" and intent.error:
        return Outcome(f"{prefix}_FAILURE", intent.amount, intent.error)
    # requires_payment_method (nothing tried yet), requires_confirmation, requires_action (3-D Secure)
    return Outcome(f"{prefix}_ACTION_REQUIRED", intent.amount)


def available_actions(intent_status: str, charged: int, refunded: int) -> list[str]:
    """What Saleor may ask next: capture an authorisation, cancel it, or refund what was charged."""
    if intent_status == "requires_capture":
        return ["CHARGE", "CANCEL"]
    if intent_status == "succeeded" and refunded < charged:
        return ["REFUND"]
    if intent_status in ("requires_payment_method", "requires_confirmation", "requires_action"):
        return ["CANCEL"]
    return []
