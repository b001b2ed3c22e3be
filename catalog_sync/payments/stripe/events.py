"""Stripe's webhook events: verified with the channel's webhook secret, handled once per event id,
and reported to Saleor with ``transactionEventReport`` — so an order is right even when the shopper
closed the tab after paying.

An event only says *which* PaymentIntent changed: its state is read again from Stripe, so events
that arrive late or out of order converge on Stripe's current state, and a settled payment (charged
or cancelled) is never reported again, whatever arrives after. No lock on the payment is held while
Saleor is asked (see ``handle``).
"""

from __future__ import annotations

import logging
from typing import Any

import httpx
import stripe
from django.db import IntegrityError, transaction

from catalog_sync import saleor  # saleor.make_transport looked up per call: tests and recorders swap it
from catalog_sync.payments.money import from_minor
from catalog_sync.payments.protocol import BadSignature, ReportFailed, TokenFor, UnknownChannel
from catalog_sync.saleor import SaleorClient, SaleorError
from catalog_sync.saleor.generated.enums import TransactionActionEnum, TransactionEventTypeEnum

from . import ledger
from .client import Intent, StripeApi, StripeFailed
from .models import Payment, StripeAccount, StripeEvent
from .outcomes import Outcome, available_actions, outcome_of

log = logging.getLogger(__name__)

REPORT_TIMEOUT = httpx.Timeout(10.0, connect=3.0)


class BadStripeSignature(BadSignature):
    pass


def _payment_intent_id(event: Any) -> str:
    obj = event["data"]["object"]
    if obj.get("object") == "payment_intent":
        return str(obj.get("id") or "")
    intent = obj.get("payment_intent")
    if isinstance(intent, dict | stripe.StripeObject):
        intent = intent.get("id")
    return str(intent or "")


def verified_event(channel_slug: str, body: bytes, signature: str) -> tuple[StripeAccount, Any]:
    account = StripeAccount.objects.filter(channel_slug=channel_slug).first()
    if account is None:
        raise UnknownChannel(f"card payments are not set up for channel {channel_slug}")
    if not account.webhook_secret:
        raise BadStripeSignature(f"no Stripe webhook secret is configured for channel {channel_slug}")
    try:
        event = stripe.Webhook.construct_event(body, signature, account.webhook_secret)
    except stripe.SignatureVerificationError:
        raise BadStripeSignature("the Stripe-Signature does not match the body") from None
    except (ValueError, KeyError):
        raise BadStripeSignature("the body is not a Stripe event") from None
    return account, event


def handle(channel_slug: str, body: bytes, signature: str, token_for: TokenFor) -> str:
    """What was done with the event (for the HTTP answer); ``token_for(api_url)`` is the app's token there."""
    account, event = verified_event(channel_slug, body, signature)
    intent_id = _payment_intent_id(event)
    with transaction.atomic():
        try:
            with transaction.atomic():
                StripeEvent.objects.create(event_id=str(event["id"]), type=str(event["type"])[:100],
                                           payment_intent_id=intent_id)
        except IntegrityError:
            return "already handled"
        payment = Payment.objects.filter(payment_intent_id=intent_id).first() if intent_id else None
        if payment is None:
            return "not a payment of this store"
        if payment.settled:
            return "settled already"
        try:
            intent = StripeApi(account).retrieve_intent(intent_id, f"ocop-event-{event['id']}")
        except StripeFailed as failed:
            raise ReportFailed(f"Stripe: {failed}") from None
        outcome = outcome_of(intent, payment.flow)
        if not ledger.changes(payment, intent, outcome):
            return "nothing changed"
        # Saleor is told before the payment's row is locked, never while: Saleor may at this moment be waiting
        # for the app's answer to its transactionProcess of this very payment, which takes that lock (and Saleor
        # answers one request at a time per worker). Saleor keeps one event per PSP reference, type and amount,
        # so a report the shopper's return makes too is not doubled.
        report(ledger.preview(payment, intent, outcome), intent, outcome, token_for)
        ledger.record(Payment.objects.select_for_update().get(pk=payment.pk), intent, outcome)
        return f"reported {outcome.result}"


def report(payment: Payment, intent: Intent, outcome: Outcome, token_for: TokenFor) -> None:
    """Tell Saleor; raises ReportFailed (and the caller's transaction rolls back) when it could not."""
    token = token_for(payment.saleor_api_url)
    if not token:
        raise ReportFailed(f"the app is not installed in {payment.saleor_api_url}")
    actions = available_actions(intent.status, payment.charged_minor, payment.refunded_minor)
    try:
        with SaleorClient(payment.saleor_api_url, token, transport=saleor.make_transport(),
                          timeout=REPORT_TIMEOUT) as client:
            reply = client.operations().ocop_transaction_event_report(
                id=payment.transaction_id, psp_reference=intent.id,
                type_=TransactionEventTypeEnum(outcome.result),
                amount=str(from_minor(outcome.amount, payment.currency)),
                message=outcome.message[:500] or None,
                available_actions=[TransactionActionEnum(action) for action in actions],
            ).transaction_event_report
    except SaleorError as error:
        raise ReportFailed(f"Saleor: {error}") from None
    if reply is None or reply.errors:
        errors = "; ".join(f"{e.field}: {e.code}: {e.message}" for e in (reply.errors if reply else []))
        raise ReportFailed(f"Saleor refused the report: {errors or 'no answer'}")
    log.info("reported %s of %s for transaction %s", outcome.result, intent.id, payment.transaction_id)
