"""payOS's webhook: a bank transfer arrived for a payment request. Verified with the channel's checksum key,
handled once per transfer (its bank reference), and reported to Saleor with ``transactionEventReport`` as
``CHARGE_SUCCESS`` of exactly the amount that arrived, under the transfer's reference — so partial
transfers add up in Saleor, and an order is right even when the shopper closed the page after paying.

Saleor is told before the transfer's row is committed: when Saleor cannot be reached the webhook answers
502 and payOS sends it again. No lock on the payment is held while Saleor is asked (Saleor may at that
moment wait for the app's answer to its ``transactionProcess`` of this very payment).
"""

from __future__ import annotations

import logging

import httpx
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from catalog_sync import saleor  # saleor.make_transport looked up per call: tests and recorders swap it
from catalog_sync.payments.protocol import BadSignature, ReportFailed, TokenFor, UnknownChannel
from catalog_sync.saleor import SaleorClient, SaleorError
from catalog_sync.saleor.generated.enums import TransactionActionEnum, TransactionEventTypeEnum

from . import client
from .accounts import keys_of
from .models import PayosAccount, PayosPayment, PayosTransfer

log = logging.getLogger(__name__)

REPORT_TIMEOUT = httpx.Timeout(10.0, connect=3.0)


def handle(channel_slug: str, body: bytes, token_for: TokenFor) -> str:
    """What was done with the webhook (for the HTTP answer)."""
    account = PayosAccount.objects.filter(channel_slug=channel_slug).first()
    if account is None:
        raise UnknownChannel(f"VietQR transfers are not set up for channel {channel_slug}")
    try:
        data = client.verify_webhook(keys_of(account), body)
    except client.WebhookRefused:
        raise BadSignature("the payOS signature does not match the body (checksum key)") from None
    if data.code != "00":
        return f"not a payment: {data.code}"
    payment = PayosPayment.objects.filter(order_code=data.order_code, channel_slug=channel_slug).first()
    if payment is None or payment.payment_link_id != data.payment_link_id:
        return "not a payment of this store"  # e.g. payOS's test payment when the webhook URL is confirmed
    with transaction.atomic():
        try:
            with transaction.atomic():
                transfer = PayosTransfer.objects.create(
                    payment=payment, reference=data.reference[:255], amount=data.amount,
                    counter_bank_id=(data.counter_account_bank_id or "")[:20],
                    counter_bank_name=(data.counter_account_bank_name or "")[:255],
                    counter_account_name=(data.counter_account_name or "")[:255],
                    counter_account_number=(data.counter_account_number or "")[:40])
        except IntegrityError:
            return "already handled"
        charged = payment.charged + transfer.amount
        report(payment, transfer.reference, "CHARGE_SUCCESS", transfer.amount, token_for,
               f"{transfer.amount} đồng arrived ({charged} of {payment.amount})", ["REFUND"])
        PayosTransfer.objects.filter(pk=transfer.pk).update(reported=True)
        PayosPayment.objects.filter(pk=payment.pk).update(
            charged=F("charged") + transfer.amount, status="PAID" if charged >= payment.amount else "UNDERPAID")
    return f"reported CHARGE_SUCCESS of {transfer.amount}"


def report(payment: PayosPayment, psp_reference: str, result: str, amount: int, token_for: TokenFor,
           message: str = "", actions: list[str] | None = None) -> None:
    """Tell Saleor; raises ReportFailed (and the caller's transaction rolls back) when it could not."""
    token = token_for(payment.saleor_api_url)
    if not token:
        raise ReportFailed(f"the app is not installed in {payment.saleor_api_url}")
    try:
        with SaleorClient(payment.saleor_api_url, token, transport=saleor.make_transport(),
                          timeout=REPORT_TIMEOUT) as saleor_client:
            reply = saleor_client.operations().ocop_transaction_event_report(
                id=payment.transaction_id, psp_reference=psp_reference, type_=TransactionEventTypeEnum(result),
                amount=str(amount), message=message[:500] or None,
                available_actions=[TransactionActionEnum(action) for action in actions or []],
            ).transaction_event_report
    except SaleorError as error:
        raise ReportFailed(f"Saleor: {error}") from None
    if reply is None or reply.errors:
        errors = "; ".join(f"{e.field}: {e.code}: {e.message}" for e in (reply.errors if reply else []))
        raise ReportFailed(f"Saleor refused the report: {errors or 'no answer'}")
    log.info("reported %s of %s đồng (%s) for transaction %s", result, amount, psp_reference,
             payment.transaction_id)



def report_ended(token_for: TokenFor, limit: int = 200) -> list[str]:
    """Payment requests past their expiry with nothing reported since: read again at payOS, and each one that
    ended with no money (expired or cancelled) reported ``CHARGE_FAILURE`` under the request's id — so Saleor
    knows even when the shopper left the page. Returns the order codes reported (a bounded batch per run)."""
    overdue = PayosPayment.objects.filter(expires_at__lt=timezone.now(), failed=False, charged=0,
                                          status__in=PayosPayment.OPEN).order_by("expires_at")[:limit]
    done: list[str] = []
    for payment in overdue:
        account = PayosAccount.objects.filter(channel_slug=payment.channel_slug).first()
        if account is None:
            continue
        try:
            link = client.read_payment_request(keys_of(account), payment.payment_link_id)
        except client.PayosFailure as failed:
            log.warning("payOS request %s not read: %s", payment.order_code, failed)
            continue
        if link.status not in ("EXPIRED", "CANCELLED") or link.transactions:
            continue
        reason = "expired" if link.status == "EXPIRED" else "was cancelled"
        report(payment, payment.payment_link_id, "CHARGE_FAILURE", payment.amount, token_for,
               f"the VietQR payment request {reason}")
        PayosPayment.objects.filter(pk=payment.pk).update(status=link.status, failed=True)
        done.append(str(payment.order_code))
    return done
