"""The calls this store makes to Stripe, through Stripe's official SDK, each with an idempotency key.

``STRIPE_API_BASE`` (a setting from the environment) points the SDK at a stand-in such as
localstripe. Timeouts keep every call well inside Saleor's 18 s synchronous-webhook limit: at most
two attempts (the SDK retries connection failures only, with the same idempotency key) of 6 s each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
import stripe
from django.conf import settings

from .models import StripeAccount

TIMEOUT = httpx.Timeout(6.0, connect=2.0)
MAX_RETRIES = 1


class StripeFailed(Exception):
    """Stripe refused or could not be reached; the message is Stripe's (never a key)."""


@dataclass(frozen=True)
class Intent:
    id: str
    status: str
    amount: int
    amount_received: int
    amount_capturable: int
    currency: str
    client_secret: str
    error: str = ""
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Refund:
    id: str
    status: str
    amount: int


def _int(value: Any) -> int:
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else 0


def _intent(obj: Any) -> Intent:
    status = str(obj["status"])
    amount = _int(obj.get("amount"))
    received = obj.get("amount_received")
    if received is None:  # a stand-in that leaves it out: what the latest charge took
        charge = obj.get("latest_charge")
        captured = isinstance(charge, dict | stripe.StripeObject) and charge.get("captured")
        received = (charge.get("amount") if captured else 0) if charge is not None else 0
    capturable = obj.get("amount_capturable")
    if capturable is None:
        capturable = amount if status == "requires_capture" else 0
    error = obj.get("last_payment_error") or {}
    return Intent(
        id=str(obj["id"]), status=status, amount=amount, amount_received=_int(received),
        amount_capturable=_int(capturable), currency=str(obj.get("currency") or "").upper(),
        client_secret=str(obj.get("client_secret") or ""),
        error=str(error.get("message") or error.get("code") or "") if error else "",
        metadata={str(k): str(v) for k, v in (obj.get("metadata") or {}).items()},
    )


def _failed(error: stripe.StripeError) -> StripeFailed:
    message = error.user_message or getattr(error, "_message", None) or type(error).__name__
    return StripeFailed(str(message))


class StripeApi:
    """One channel's Stripe account."""

    def __init__(self, account: StripeAccount):
        base = getattr(settings, "STRIPE_API_BASE", None)
        self.client = stripe.StripeClient(
            account.secret_key,
            base_addresses={"api": base.rstrip("/")} if base else None,
            max_network_retries=MAX_RETRIES,
            http_client=stripe.HTTPXClient(timeout=TIMEOUT, allow_sync_methods=True),
        )

    def create_intent(self, *, amount: int, currency: str, manual_capture: bool, metadata: dict[str, str],
                      idempotency_key: str) -> Intent:
        try:
            obj = self.client.v1.payment_intents.create(
                {"amount": amount, "currency": currency.lower(), "payment_method_types": ["card"],
                 "capture_method": "manual" if manual_capture else "automatic", "metadata": metadata},
                {"idempotency_key": idempotency_key})
        except stripe.StripeError as error:
            raise _failed(error) from None
        return _intent(obj)

    def retrieve_intent(self, intent_id: str, idempotency_key: str) -> Intent:
        try:
            obj = self.client.v1.payment_intents.retrieve(intent_id, None, {"idempotency_key": idempotency_key})
        except stripe.StripeError as error:
            raise _failed(error) from None
        return _intent(obj)

    def confirm(self, intent_id: str, payment_method: str, idempotency_key: str) -> Intent:
        """Confirm the PaymentIntent with a card the shopper gave Stripe.js (``pm_…``, or a tokenised ``card_…``).

        The payment method is set first, then the intent confirmed (localstripe confirms only that way);
        a decline comes back as the intent with its ``last_payment_error``, not as an exception.
        """
        try:
            self.client.v1.payment_intents.update(intent_id, {"payment_method": payment_method},
                                                  {"idempotency_key": f"{idempotency_key}-attach"})
            obj = self.client.v1.payment_intents.confirm(intent_id, None, {"idempotency_key": idempotency_key})
        except stripe.CardError:
            return self.retrieve_intent(intent_id, f"{idempotency_key}-declined")
        except stripe.StripeError as error:
            raise _failed(error) from None
        return _intent(obj)

    def capture(self, intent_id: str, amount: int, idempotency_key: str) -> Intent:
        try:
            obj = self.client.v1.payment_intents.capture(
                intent_id, {"amount_to_capture": amount}, {"idempotency_key": idempotency_key})
        except stripe.StripeError as error:
            raise _failed(error) from None
        return _intent(obj)

    def cancel(self, intent_id: str, idempotency_key: str) -> Intent:
        try:
            obj = self.client.v1.payment_intents.cancel(intent_id, None, {"idempotency_key": idempotency_key})
        except stripe.StripeError as error:
            raise _failed(error) from None
        return _intent(obj)

    def refund(self, intent_id: str, amount: int, idempotency_key: str) -> Refund:
        try:
            obj = self.client.v1.refunds.create(
                {"payment_intent": intent_id, "amount": amount}, {"idempotency_key": idempotency_key})
        except stripe.StripeError as error:
            raise _failed(error) from None
        return Refund(id=str(obj["id"]), status=str(obj["status"]), amount=_int(obj.get("amount")))
