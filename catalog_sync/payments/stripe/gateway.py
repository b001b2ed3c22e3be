"""Card payments through Stripe: this store's ``PaymentGateway`` for ``data.paymentMethod = "card"``.

Each answer is what Saleor's Transactions API reads: ``result`` (a ``TransactionEventTypeEnum``
name), ``pspReference`` (the PaymentIntent, or the refund), ``amount`` (decimal, as Saleor holds it),
``actions`` and, for the storefront, ``data``. A PaymentIntent is created once per Saleor
transaction; a charge, refund or cancel request delivered twice is answered twice from the first
answer (``catalog_sync.payments.handlers``), and Stripe is asked once. A charge, refund or cancel request
is acted on only for a transaction whose payment this app started (by Saleor's transaction id, never by
the PaymentIntent named as its ``pspReference``, which another app's transaction could carry).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from django.db import transaction

from catalog_sync.payments.money import AmountError, amount_text, from_minor, to_minor
from catalog_sync.payments.payloads import ActionRequest, GatewayRequest, SessionRequest
from catalog_sync.payments.protocol import Answer, TokenFor

from . import events, ledger
from .client import Intent, StripeApi, StripeFailed
from .models import Payment, StripeAccount
from .outcomes import Outcome, available_actions, outcome_of

log = logging.getLogger(__name__)

CARD = "card"
# a card the shopper gave Stripe.js, for the app to confirm with (a PaymentMethod, or a tokenised card)
PAYMENT_METHOD_ID = re.compile(r"^(pm|card)_[A-Za-z0-9]{1,200}$")
CONFIRMABLE = ("requires_payment_method", "requires_confirmation")


def gateway_initialize(request: GatewayRequest) -> dict[str, Any]:
    account = StripeAccount.objects.filter(channel_slug=request.channel_slug).first()
    if account is None:
        return {"data": {"error": f"card payments are not set up for channel {request.channel_slug}"}}
    return {"data": {"publishableKey": account.publishable_key}}


def _failure(request: SessionRequest, message: str) -> dict[str, Any]:
    prefix = "AUTHORIZATION" if request.flow == "AUTHORIZATION" else "CHARGE"
    return {"result": f"{prefix}_FAILURE", "amount": amount_text(request.amount, request.currency),
            "message": message[:500],
            **({"pspReference": request.psp_reference} if request.psp_reference else {})}


def _session_answer(payment: Payment, intent: Intent, outcome: Outcome, account: StripeAccount) -> dict[str, Any]:
    reply: dict[str, Any] = {
        "pspReference": intent.id,
        "result": outcome.result,
        "amount": str(from_minor(outcome.amount, payment.currency)),
        "actions": available_actions(intent.status, payment.charged_minor, payment.refunded_minor),
    }
    if outcome.message:
        reply["message"] = outcome.message[:500]
    if outcome.needs_action or outcome.result.endswith("_FAILURE"):
        reply["data"] = {"clientSecret": intent.client_secret, "publishableKey": account.publishable_key,
                         "paymentIntentId": intent.id}
    return reply


def initialize(api_url: str, request: SessionRequest) -> dict[str, Any]:
    account = StripeAccount.objects.filter(channel_slug=request.channel_slug).first()
    if account is None:
        return _failure(request, f"card payments are not set up for channel {request.channel_slug}")
    try:
        minor = to_minor(request.amount, request.currency)
    except AmountError as bad:
        return _failure(request, str(bad))
    gateway = StripeApi(account)
    key = f"ocop-initialize-{request.transaction_id}"
    try:
        existing = Payment.objects.filter(transaction_id=request.transaction_id).first()
        if existing is not None:  # the same transaction again: the same PaymentIntent
            intent = gateway.retrieve_intent(existing.payment_intent_id, key)
            payment = existing
        else:
            intent = gateway.create_intent(
                amount=minor, currency=request.currency, manual_capture=request.flow == "AUTHORIZATION",
                metadata={"saleor_transaction_id": request.transaction_id, "saleor_source_id": request.source_id,
                          "channel": request.channel_slug}, idempotency_key=key)
            payment, _ = Payment.objects.get_or_create(
                transaction_id=request.transaction_id,
                defaults={"saleor_api_url": api_url, "payment_intent_id": intent.id,
                          "channel_slug": request.channel_slug, "currency": request.currency,
                          "amount_minor": minor, "flow": request.flow, "status": intent.status})
    except StripeFailed as failed:
        log.warning("Stripe refused a PaymentIntent for transaction %s: %s", request.transaction_id, failed)
        return _failure(request, f"Stripe: {failed}")
    return _session_answer(payment, intent, outcome_of(intent, payment.flow), account)


def _payment_method(request: SessionRequest) -> str | None:
    data = request.data if isinstance(request.data, dict) else {}
    value = data.get("paymentMethodId")
    return value if isinstance(value, str) and PAYMENT_METHOD_ID.match(value) else None


def process(request: SessionRequest) -> dict[str, Any]:
    """Read the PaymentIntent again; when the storefront passes ``data: {"paymentMethodId"}`` (Stripe.js gave
    a card rather than confirming the intent itself) and the intent still waits for one, confirm it with that
    card first. An intent already confirmed is never confirmed again, so nothing is charged twice."""
    payment = Payment.objects.filter(transaction_id=request.transaction_id).first()
    if payment is None:
        return _failure(request, "no card payment was started for this transaction")
    account = StripeAccount.objects.filter(channel_slug=payment.channel_slug).first()
    if account is None:
        return _failure(request, f"card payments are not set up for channel {payment.channel_slug}")
    gateway = StripeApi(account)
    method = _payment_method(request)
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)  # one confirmation at a time
        try:
            intent = gateway.retrieve_intent(payment.payment_intent_id, f"ocop-process-{request.transaction_id}")
            if method and intent.status in CONFIRMABLE and not payment.settled:
                intent = gateway.confirm(payment.payment_intent_id, method,
                                         f"ocop-confirm-{request.transaction_id}-{method}")
        except StripeFailed as failed:
            return _failure(request, f"Stripe: {failed}")
        outcome = outcome_of(intent, payment.flow)
        if not ledger.record(payment, intent, outcome) and payment.settled:
            outcome = ledger.settled_outcome(payment)
    return _session_answer(payment, intent, outcome, account)


def act(request: ActionRequest, digest: str) -> dict[str, Any]:
    """A charge (capture), refund or cancel of a card payment of this store; the caller records the answer."""
    payment = Payment.objects.select_for_update().get(transaction_id=request.transaction_id)
    prefix = {"charge": "CHARGE", "refund": "REFUND", "cancel": "CANCEL"}[request.kind]
    account = StripeAccount.objects.filter(channel_slug=payment.channel_slug).first()
    failure = {"pspReference": payment.payment_intent_id, "result": f"{prefix}_FAILURE",
               "amount": amount_text(request.amount, payment.currency)}
    if account is None:
        return {**failure, "message": f"card payments are not set up for channel {payment.channel_slug}"}
    try:
        minor = to_minor(request.amount, payment.currency)
    except AmountError as bad:
        return {**failure, "message": str(bad)}
    gateway = StripeApi(account)
    key = f"ocop-{request.kind}-{request.transaction_id}-{digest[:24]}"
    try:
        if request.kind == "refund":
            refund = gateway.refund(payment.payment_intent_id, minor, key)
            if refund.status == "succeeded":
                payment.refunded_minor += refund.amount
                payment.save(update_fields=["refunded_minor", "updated_at"])
                return {"pspReference": refund.id, "result": "REFUND_SUCCESS",
                        "amount": str(from_minor(refund.amount, payment.currency)),
                        "actions": available_actions(payment.status, payment.charged_minor, payment.refunded_minor)}
            if refund.status in ("failed", "canceled"):
                return {**failure, "pspReference": refund.id, "message": f"Stripe: refund {refund.status}"}
            return {"pspReference": refund.id}  # pending: Stripe's webhook settles it
        intent = (gateway.capture(payment.payment_intent_id, minor, key) if request.kind == "charge"
                  else gateway.cancel(payment.payment_intent_id, key))
    except StripeFailed as failed:
        return {**failure, "message": f"Stripe: {failed}"[:500]}
    outcome = outcome_of(intent, payment.flow)
    ledger.record(payment, intent, outcome)
    expected = "CHARGE_SUCCESS" if request.kind == "charge" else "CANCEL_SUCCESS"
    if outcome.result != expected:
        return {**failure, "message": f"Stripe: the payment is {intent.status}"}
    return {"pspReference": intent.id, "result": expected,
            "amount": str(from_minor(outcome.amount, payment.currency)),
            "actions": available_actions(intent.status, payment.charged_minor, payment.refunded_minor)}


class StripeGateway:
    """Cards through Stripe (``PaymentGateway``); Stripe's events come to ``/saleor/stripe/<channel>/``."""

    method = CARD
    name = "stripe"

    def gateway_initialize(self, request: GatewayRequest) -> Answer:
        return gateway_initialize(request)

    def initialize(self, api_url: str, request: SessionRequest) -> Answer:
        return initialize(api_url, request)

    def owns(self, transaction_id: str) -> bool:
        return Payment.objects.filter(transaction_id=transaction_id).exists()

    def process(self, request: SessionRequest) -> Answer:
        return process(request)

    def charge(self, request: ActionRequest, digest: str) -> Answer:
        return act(request, digest)

    def refund(self, request: ActionRequest, digest: str) -> Answer:
        return act(request, digest)

    def cancel(self, request: ActionRequest, digest: str) -> Answer:
        return act(request, digest)

    def inbound(self, channel_slug: str, body: bytes, headers: Mapping[str, str], token_for: TokenFor) -> str:
        return events.handle(channel_slug, body, headers.get("Stripe-Signature", ""), token_for)
