"""The store's calls to payOS, through the official SDK (PyPI ``payos``) pointed at ``settings.PAYOS_BASE_URL``.

payOS's rules the SDK does not check are checked here, before a call: amounts are whole đồng; an order
code is a positive integer payOS has never seen from this merchant (``new_order_code``: one per try);
a transfer note (``description``) is at most 25 characters of plain ASCII letters, digits and spaces
(banks drop anything else, and payOS matches a transfer to its request by that note); a request
expires after 15 minutes. Every failure of payOS or of the network is a ``PayosFailure`` naming
payOS's code and message, never a key. Webhooks are verified by the SDK with the checksum key.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from payos import PayOS, PayOSError
from payos.types import (
    ConfirmWebhookResponse,
    CreatePaymentLinkRequest,
    CreatePaymentLinkResponse,
    PaymentLink,
    Payout,
    PayoutBatchItem,
    PayoutBatchRequest,
    PayoutRequest,
    WebhookData,
)

PAYOS_URL = "https://api-merchant.payos.vn"
EXPIRY_SECONDS = 15 * 60
NOTE_LIMIT = 25
MAX_ORDER_CODE = 9007199254740991
TIMEOUT_SECONDS = 15.0
DUPLICATE_ORDER_CODE = "231"
NOTE = re.compile(r"[A-Za-z0-9 ]+")

__all__ = [
    "EXPIRY_SECONDS",
    "ConfirmWebhookResponse",
    "CreatePaymentLinkResponse",
    "PaymentLink",
    "PayosFailure",
    "PayosKeys",
    "Payout",
    "PayoutLine",
    "WebhookData",
    "WebhookRefused",
    "cancel_payment_request",
    "confirm_webhook",
    "create_batch_payout",
    "create_payment_request",
    "create_payout",
    "new_order_code",
    "open_payment_request",
    "payout_balance",
    "read_payment_request",
    "read_payout",
    "transfer_note",
    "verify_webhook",
]


@dataclass(frozen=True)
class PayosKeys:
    """A payOS channel's keys (payment or payout channel). Only the client id is ever shown."""

    client_id: str
    api_key: str = field(repr=False)
    checksum_key: str = field(repr=False)


@dataclass(frozen=True)
class PayoutLine:
    """One transfer of a batch payout: whole đồng to a bank account (Napas BIN and account number)."""

    reference_id: str
    amount: int
    description: str
    to_bin: str
    to_account_number: str


class PayosFailure(Exception):
    """payOS refused a call (``code``: payOS's, e.g. "231" for an order code already used) or did not answer."""

    def __init__(self, message: str, code: str | None = None, status: int | None = None):
        super().__init__(message)
        self.code, self.status = code, status


class WebhookRefused(Exception):
    """A webhook body that is not JSON of payOS's shape or whose signature is not the checksum key's."""


def _client(keys: PayosKeys) -> PayOS:
    return PayOS(keys.client_id, keys.api_key, keys.checksum_key, base_url=settings.PAYOS_BASE_URL or PAYOS_URL,
                 timeout=TIMEOUT_SECONDS)


@contextmanager
def _calling(keys: PayosKeys, what: str) -> Iterator[PayOS]:
    client = _client(keys)
    try:
        yield client
    except PayOSError as error:
        code = getattr(error, "error_code", None)
        raise PayosFailure(f"payOS {what}: {error}" + (f" (code {code})" if code else ""), code,
                           getattr(error, "status_code", None)) from None
    finally:
        client.close()


def _whole_dong(amount: object, name: str = "amount") -> int:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValueError(f"{name}: a positive whole number of đồng, not {amount!r}")
    return amount


def _note(text: str, name: str = "description") -> str:
    if not NOTE.fullmatch(text) or len(text) > NOTE_LIMIT:
        raise ValueError(f"{name}: 1 to {NOTE_LIMIT} ASCII letters, digits or spaces, not {text!r}")
    return text


def new_order_code() -> int:
    """An order code for one try: the millisecond and three random digits (16 digits, unique in practice)."""
    return int(time.time() * 1000) * 1000 + secrets.randbelow(1000)


def transfer_note(order_code: int) -> str:
    """The transfer note of a payment request: ``OCOP`` and its order code (21 characters)."""
    return f"OCOP {order_code}"


def create_payment_request(keys: PayosKeys, *, amount: int, order_code: int, description: str, return_url: str,
                           cancel_url: str, expires_in: int = EXPIRY_SECONDS, buyer_name: str | None = None,
                           buyer_email: str | None = None, buyer_phone: str | None = None) -> CreatePaymentLinkResponse:
    """A payment request for ``amount`` đồng; its ``qrCode`` is the VietQR payload to show."""
    if not 1 <= order_code <= MAX_ORDER_CODE:
        raise ValueError(f"order_code: a positive integer up to {MAX_ORDER_CODE}, not {order_code}")
    request = CreatePaymentLinkRequest(
        order_code=order_code, amount=_whole_dong(amount), description=_note(description), return_url=return_url,
        cancel_url=cancel_url, expired_at=int(time.time()) + expires_in, buyer_name=buyer_name,
        buyer_email=buyer_email, buyer_phone=buyer_phone)
    with _calling(keys, f"create payment request {order_code}") as client:
        return client.payment_requests.create(request)


def open_payment_request(keys: PayosKeys, *, amount: int, return_url: str, cancel_url: str,
                         buyer_name: str | None = None, buyer_email: str | None = None,
                         buyer_phone: str | None = None) -> CreatePaymentLinkResponse:
    """A payment request with a new order code and its note; a second code if payOS already had the first."""
    for attempt in (1, 2):
        order_code = new_order_code()
        try:
            return create_payment_request(keys, amount=amount, order_code=order_code,
                                          description=transfer_note(order_code), return_url=return_url,
                                          cancel_url=cancel_url, buyer_name=buyer_name,
                                          buyer_email=buyer_email, buyer_phone=buyer_phone)
        except PayosFailure as failure:
            if failure.code != DUPLICATE_ORDER_CODE or attempt == 2:
                raise
    raise AssertionError("unreachable")


def read_payment_request(keys: PayosKeys, payment_id: str | int) -> PaymentLink:
    """Its status (PENDING, UNDERPAID, PAID, EXPIRED, CANCELLED…), amount paid and the transfers received."""
    with _calling(keys, f"read payment request {payment_id}") as client:
        return client.payment_requests.get(payment_id)


def cancel_payment_request(keys: PayosKeys, payment_id: str | int, reason: str | None = None) -> PaymentLink:
    with _calling(keys, f"cancel payment request {payment_id}") as client:
        return client.payment_requests.cancel(payment_id, reason)


def confirm_webhook(keys: PayosKeys, url: str) -> ConfirmWebhookResponse:
    """Register the merchant's webhook URL (payOS first sends it a signed test payment, order code 123)."""
    with _calling(keys, "confirm webhook") as client:
        return client.webhooks.confirm(url)


def verify_webhook(keys: PayosKeys, body: bytes) -> WebhookData:
    """The payment a webhook reports, once its signature is the checksum key's (else ``WebhookRefused``)."""
    client = _client(keys)
    try:
        return client.webhooks.verify(body)
    except PayOSError as error:
        raise WebhookRefused(str(error)) from None
    finally:
        client.close()


def create_batch_payout(keys: PayosKeys, *, reference_id: str, lines: Sequence[PayoutLine], idempotency_key: str,
                        category: list[str] | None = None) -> Payout:
    """One batch payout. The same ``idempotency_key`` again answers the first batch and sends nothing more."""
    if not lines:
        raise ValueError("lines: at least one transfer")
    if not idempotency_key:
        raise ValueError("idempotency_key: required (one per batch, kept to retry the same batch)")
    batch = PayoutBatchRequest(reference_id=reference_id, category=category, payouts=[
        PayoutBatchItem(reference_id=line.reference_id, amount=_whole_dong(line.amount, f"{line.reference_id}.amount"),
                        description=_note(line.description, f"{line.reference_id}.description"),
                        to_bin=line.to_bin, to_account_number=line.to_account_number)
        for line in lines])
    with _calling(keys, f"batch payout {reference_id}") as client:
        return client.payouts.batch.create(batch, idempotency_key=idempotency_key)


def create_payout(keys: PayosKeys, line: PayoutLine, idempotency_key: str, category: list[str] | None = None) -> Payout:
    """One transfer on its own. The same ``idempotency_key`` again answers the first payout and sends nothing."""
    if not idempotency_key:
        raise ValueError("idempotency_key: required (one per transfer, kept to retry the same transfer)")
    payout = PayoutRequest(reference_id=line.reference_id, amount=_whole_dong(line.amount),
                           description=_note(line.description), to_bin=line.to_bin,
                           to_account_number=line.to_account_number, category=category)
    with _calling(keys, f"payout {line.reference_id}") as client:
        return client.payouts.create(payout, idempotency_key=idempotency_key)


def read_payout(keys: PayosKeys, payout_id: str) -> Payout:
    """A payout (by its id or its referenceId) and each transfer's state (PROCESSING, SUCCEEDED, FAILED…)."""
    with _calling(keys, f"read payout {payout_id}") as client:
        return client.payouts.get(payout_id)


def payout_balance(keys: PayosKeys) -> int:
    """What the payout account holds, in đồng."""
    with _calling(keys, "payout balance") as client:
        return int(client.payouts_account.balance().balance)
