"""What a payment webhook from Saleor asks (pure: no Django, no network)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any


class PayloadError(ValueError):
    """The payload is not one our payment subscriptions produce (names the field)."""


@dataclass(frozen=True)
class GatewayRequest:
    channel_slug: str


@dataclass(frozen=True)
class SessionRequest:
    """TRANSACTION_INITIALIZE_SESSION or TRANSACTION_PROCESS_SESSION."""

    kind: str  # "initialize" or "process"
    transaction_id: str
    psp_reference: str
    amount: Decimal
    currency: str
    flow: str  # CHARGE or AUTHORIZATION
    channel_slug: str
    source_id: str
    data: Any
    issued_at: str


@dataclass(frozen=True)
class ActionRequest:
    """TRANSACTION_CHARGE_REQUESTED, _REFUND_REQUESTED or _CANCELATION_REQUESTED."""

    kind: str  # "charge", "refund" or "cancel"
    transaction_id: str
    psp_reference: str
    amount: Decimal
    currency: str
    issued_at: str


Request = GatewayRequest | SessionRequest | ActionRequest

_SESSIONS = {"TransactionInitializeSession": "initialize", "TransactionProcessSession": "process"}
_ACTIONS = {"TransactionChargeRequested": "charge", "TransactionRefundRequested": "refund",
            "TransactionCancelationRequested": "cancel"}


def _get(node: Any, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _text(payload: dict, path: str, *, required: bool = True) -> str:
    value = _get(payload, path)
    if isinstance(value, str) and value:
        return value
    if required:
        raise PayloadError(f"{path} is missing")
    return ""


def _amount(payload: dict, path: str) -> Decimal:
    value = _get(payload, path)
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise PayloadError(f"{path} is not an amount: {value!r}") from None
    if not amount.is_finite() or amount < 0:
        raise PayloadError(f"{path} is not an amount: {value!r}")
    return amount


def parse(payload: Any) -> Request | None:
    """The request a payload makes, or None for an event these handlers do not answer."""
    if not isinstance(payload, dict) or not isinstance(payload.get("__typename"), str):
        raise PayloadError("the payload has no __typename")
    typename = payload["__typename"]
    if typename == "PaymentGatewayInitializeSession":
        return GatewayRequest(channel_slug=_text(payload, "sourceObject.channel.slug"))
    if typename in _SESSIONS:
        return SessionRequest(
            kind=_SESSIONS[typename],
            transaction_id=_text(payload, "transaction.id"),
            psp_reference=_text(payload, "transaction.pspReference", required=False),
            amount=_amount(payload, "action.amount"),
            currency=_text(payload, "action.currency").upper(),
            flow=_text(payload, "action.actionType"),
            channel_slug=_text(payload, "sourceObject.channel.slug"),
            source_id=_text(payload, "sourceObject.id"),
            data=payload.get("data"),
            issued_at=_text(payload, "issuedAt", required=False),
        )
    if typename in _ACTIONS:
        return ActionRequest(
            kind=_ACTIONS[typename],
            transaction_id=_text(payload, "transaction.id"),
            psp_reference=_text(payload, "transaction.pspReference", required=False),
            amount=_amount(payload, "action.amount"),
            currency=_text(payload, "action.currency").upper(),
            issued_at=_text(payload, "issuedAt", required=False),
        )
    return None
