"""VietQR bank transfers through payOS: this store's ``PaymentGateway`` for ``data.paymentMethod = "vietqr"``.

``transactionInitialize`` opens a payOS payment request (whole đồng, a new order code per Saleor transaction,
the note ``OCOP <order code>``, 15 minutes) and answers ``CHARGE_ACTION_REQUIRED`` with the request's id as
``pspReference`` and ``{"qrCode", "checkoutUrl", "bin", "accountNumber", "accountName", "amount",
"description", "expiresAt"}`` as data. Money is reported per bank transfer, each under its bank reference
(``CHARGE_SUCCESS`` of exactly what arrived: Saleor adds them up, so an underpayment stays partial and an
overpayment is more than the total); payOS's webhook reports each (``events``), and
``transactionProcess`` answers the latest again (Saleor keeps one event per reference, type and amount).
An expired or cancelled request is ``CHARGE_FAILURE`` under the request's id. A transfer has no reverse:
a refund is recorded pending (``REFUND_REQUEST``) for finance staff (``refunds``).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Mapping

from django.conf import settings
from django.db import transaction

from catalog_sync.payments.money import AmountError, amount_text, to_minor
from catalog_sync.payments.payloads import ActionRequest, GatewayRequest, SessionRequest
from catalog_sync.payments.protocol import Answer, TokenFor

from . import client, events
from .accounts import keys_of
from .client import PayosFailure
from .models import PayosAccount, PayosPayment, VietQRRefund

log = logging.getLogger(__name__)

VIETQR = "vietqr"
ENDED = ("EXPIRED", "CANCELLED")


def _not_set_up(channel: str) -> str:
    return f"VietQR transfers are not set up for channel {channel}"


def _failure(request: SessionRequest, message: str, psp_reference: str = "") -> Answer:
    reference = psp_reference or request.psp_reference
    return {"result": "CHARGE_FAILURE", "amount": amount_text(request.amount, request.currency),
            "message": message[:500], **({"pspReference": reference} if reference else {})}


def _pay_url() -> str:
    base = (getattr(settings, "SITE_PUBLIC_URL", "") or "http://127.0.0.1:8000").rstrip("/")
    return f"{base}/checkout/pay/"


def _waiting(payment: PayosPayment) -> Answer:
    return {"pspReference": payment.payment_link_id, "result": "CHARGE_ACTION_REQUIRED",
            "amount": str(payment.amount), "actions": ["CANCEL"], "data": payment.data()}


def initialize(api_url: str, request: SessionRequest) -> Answer:
    if request.flow != "CHARGE":
        return _failure(request, "VietQR transfers are charged when they arrive: the channel must charge, "
                                 "not authorise")
    if request.currency != "VND":
        return _failure(request, f"VietQR transfers are in đồng (VND), not {request.currency}")
    account = PayosAccount.objects.filter(channel_slug=request.channel_slug).first()
    if account is None:
        return _failure(request, _not_set_up(request.channel_slug))
    try:
        amount = to_minor(request.amount, "VND")
    except AmountError as bad:
        return _failure(request, str(bad))
    existing = PayosPayment.objects.filter(transaction_id=request.transaction_id).first()
    if existing is not None:  # the same transaction again: the same payment request
        return _waiting(existing)
    try:
        opened = client.open_payment_request(keys_of(account), amount=amount, return_url=_pay_url(),
                                             cancel_url=_pay_url())
    except (PayosFailure, ValueError) as failed:
        log.warning("payOS refused a payment request for transaction %s: %s", request.transaction_id, failed)
        return _failure(request, str(failed))
    expires = datetime.datetime.fromtimestamp(opened.expired_at or 0, tz=datetime.UTC)
    payment, _created = PayosPayment.objects.get_or_create(transaction_id=request.transaction_id, defaults={
        "saleor_api_url": api_url, "payment_link_id": opened.payment_link_id, "order_code": opened.order_code,
        "channel_slug": request.channel_slug, "amount": opened.amount, "description": opened.description,
        "qr_code": opened.qr_code, "checkout_url": opened.checkout_url, "bank_bin": opened.bin,
        "account_number": opened.account_number, "account_name": opened.account_name, "expires_at": expires,
        "status": opened.status or "PENDING"})
    return _waiting(payment)


def process(request: SessionRequest) -> Answer:
    """The request's state at payOS now: waiting, the latest transfer (what arrived), or ended unpaid."""
    payment = PayosPayment.objects.filter(transaction_id=request.transaction_id).first()
    if payment is None:
        return _failure(request, "no VietQR transfer was started for this transaction")
    account = PayosAccount.objects.filter(channel_slug=payment.channel_slug).first()
    if account is None:
        return _failure(request, _not_set_up(payment.channel_slug), payment.payment_link_id)
    try:
        link = client.read_payment_request(keys_of(account), payment.payment_link_id)
    except PayosFailure as failed:
        return _failure(request, str(failed), payment.payment_link_id)
    with transaction.atomic():
        payment = PayosPayment.objects.select_for_update().get(pk=payment.pk)
        payment.status = link.status
        if link.status in ENDED and not link.transactions:
            payment.failed = True
        payment.save(update_fields=["status", "failed", "updated_at"])
    if link.transactions:
        latest = link.transactions[-1]
        return {"pspReference": latest.reference, "result": "CHARGE_SUCCESS", "amount": str(latest.amount),
                "actions": ["REFUND"],
                "message": f"{link.status}: {link.amount_paid} of {link.amount} đồng arrived"[:500],
                "data": {**payment.data(), "status": link.status, "amountPaid": link.amount_paid}}
    if link.status in ENDED:
        reason = "expired" if link.status == "EXPIRED" else "was cancelled"
        return {"pspReference": payment.payment_link_id, "result": "CHARGE_FAILURE", "amount": str(payment.amount),
                "message": f"the VietQR payment request {reason}", "actions": [],
                "data": {**payment.data(), "status": link.status, "amountPaid": 0}}
    return _waiting(payment)


def _locked(request: ActionRequest) -> PayosPayment:
    return PayosPayment.objects.select_for_update().get(transaction_id=request.transaction_id)


def charge(request: ActionRequest, digest: str) -> Answer:
    payment = _locked(request)
    return {"pspReference": payment.payment_link_id, "result": "CHARGE_FAILURE",
            "amount": amount_text(request.amount, request.currency),
            "message": "a VietQR transfer is charged when it arrives: there is nothing to capture"}


def cancel(request: ActionRequest, digest: str) -> Answer:
    """Close the payment request while nothing arrived (a transfer made after it would not be matched)."""
    payment = _locked(request)
    failure = {"pspReference": payment.payment_link_id, "result": "CANCEL_FAILURE",
               "amount": amount_text(request.amount, request.currency)}
    account = PayosAccount.objects.filter(channel_slug=payment.channel_slug).first()
    if account is None:
        return {**failure, "message": _not_set_up(payment.channel_slug)}
    if payment.charged:
        return {**failure, "message": "money arrived already: refund it instead"}
    try:
        link = client.cancel_payment_request(keys_of(account), payment.payment_link_id, "cancelled by the store")
    except PayosFailure as failed:
        return {**failure, "message": str(failed)[:500]}
    payment.status = link.status
    payment.save(update_fields=["status", "updated_at"])
    return {"pspReference": payment.payment_link_id, "result": "CANCEL_SUCCESS", "amount": str(payment.amount),
            "actions": []}


def refund(request: ActionRequest, digest: str) -> Answer:
    """Recorded for finance staff to transfer back by hand: Saleor keeps ``REFUND_REQUEST`` pending."""
    payment = _locked(request)
    failure = {"pspReference": payment.payment_link_id, "result": "REFUND_FAILURE",
               "amount": amount_text(request.amount, request.currency)}
    try:
        amount = to_minor(request.amount, "VND")
    except AmountError as bad:
        return {**failure, "message": str(bad)}
    asked = sum(r.amount for r in payment.refunds.all())
    if amount > payment.charged - asked:
        return {**failure, "message": f"{amount} đồng is more than the {payment.charged - asked} đồng left to "
                                     "refund of what arrived"}
    pending = VietQRRefund.objects.create(payment=payment, amount=amount,
                                          psp_reference=f"vietqr-refund-{payment.order_code}-{digest[:16]}")
    log.info("VietQR refund %s of %s đồng waits for finance staff", pending.psp_reference, amount)
    return {"pspReference": pending.psp_reference}


class PayosGateway:
    """VietQR transfers through payOS (``PaymentGateway``); payOS's webhooks come to ``/saleor/payos/<channel>/``."""

    method = VIETQR
    name = "payos"

    def gateway_initialize(self, request: GatewayRequest) -> Answer:
        if not PayosAccount.objects.filter(channel_slug=request.channel_slug).exists():
            return {"data": {"error": _not_set_up(request.channel_slug)}}
        return {"data": {"vietqr": True}}

    def initialize(self, api_url: str, request: SessionRequest) -> Answer:
        return initialize(api_url, request)

    def owns(self, transaction_id: str) -> bool:
        return PayosPayment.objects.filter(transaction_id=transaction_id).exists()

    def process(self, request: SessionRequest) -> Answer:
        return process(request)

    def charge(self, request: ActionRequest, digest: str) -> Answer:
        return charge(request, digest)

    def refund(self, request: ActionRequest, digest: str) -> Answer:
        return refund(request, digest)

    def cancel(self, request: ActionRequest, digest: str) -> Answer:
        return cancel(request, digest)

    def inbound(self, channel_slug: str, body: bytes, headers: Mapping[str, str], token_for: TokenFor) -> str:
        return events.handle(channel_slug, body, token_for)
