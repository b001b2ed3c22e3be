"""Payment requests (payOS API v2): create, read, cancel, expire, and bank transfers paying them.

A request is PENDING until money arrives. A bank transfer into the merchant's account whose note holds
the request's description (compared without diacritics, case, spaces or punctuation, as banks rewrite
notes) pays it: UNDERPAID while less than the amount has arrived, PAID once the whole amount has
(more is kept as paid: ``amountPaid`` says how much). Each matched transfer is one transaction and one
webhook. A request past ``expiredAt`` is EXPIRED and a cancelled one CANCELLED; neither takes transfers
any more and neither sends a webhook (payOS's webhook reports payments only: the merchant reads the
request to learn it expired).
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, field
from typing import Any

from . import signing, vietqr
from .state import Merchant, Refusal, State, iso, now, wall

MAX_ORDER_CODE = 9007199254740991  # payOS: a positive integer up to JavaScript's largest safe integer
MAX_AMOUNT = 10_000_000_000
DESCRIPTION_LIMIT = {True: 25, False: 9}  # accounts linked through payOS / other accounts
OPEN = ("PENDING", "UNDERPAID")


@dataclass
class PaymentRequest:
    id: str
    client_id: str
    order_code: int
    amount: int
    description: str
    cancel_url: str
    return_url: str
    expired_at: int | None
    created_at: float
    qr_code: str
    status: str = "PENDING"
    transactions: list[dict[str, Any]] = field(default_factory=list)
    canceled_at: float | None = None
    cancellation_reason: str | None = None

    @property
    def amount_paid(self) -> int:
        return sum(t["amount"] for t in self.transactions)

    def refresh(self, moment: float) -> None:
        if self.status in OPEN and self.expired_at is not None and moment >= self.expired_at:
            self.status = "EXPIRED"

    def info(self) -> dict[str, Any]:
        """The ``data`` of GET /v2/payment-requests/{id} (the SDK's PaymentLink, exactly its fields)."""
        return {
            "id": self.id, "orderCode": self.order_code, "amount": self.amount, "amountPaid": self.amount_paid,
            "amountRemaining": max(0, self.amount - self.amount_paid), "status": self.status,
            "createdAt": iso(self.created_at), "transactions": [dict(t) for t in self.transactions],
            "canceledAt": iso(self.canceled_at) if self.canceled_at else None,
            "cancellationReason": self.cancellation_reason,
        }


def _text(body: dict[str, Any], name: str, required: bool = True) -> str | None:
    value = body.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise Refusal("20", f"{name}: required, a non-empty string")
    return value


def _integer(body: dict[str, Any], name: str, low: int, high: int, required: bool = True) -> int | None:
    value = body.get(name)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise Refusal("20", f"{name}: required, an integer from {low} to {high}")
    return value


def squeeze(text: str) -> str:
    """A note as matching sees it: no diacritics (đ is d), upper case, letters and digits only."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if c.isascii() and c.isalnum()).upper()


class PaymentRequests:
    def __init__(self, state: State, send_webhook):
        self.state = state
        self.send_webhook = send_webhook  # (merchant, webhook body) -> None
        self.requests: dict[str, PaymentRequest] = {}

    def create(self, merchant: Merchant, body: dict[str, Any]) -> dict[str, Any]:
        order_code = _integer(body, "orderCode", 1, MAX_ORDER_CODE)
        amount = _integer(body, "amount", 1, MAX_AMOUNT)
        description = _text(body, "description")
        cancel_url, return_url = _text(body, "cancelUrl"), _text(body, "returnUrl")
        moment = now()
        expired_at = _integer(body, "expiredAt", int(moment) + 1, 2**31 - 1, required=False)
        assert order_code is not None and amount is not None and description is not None
        assert cancel_url is not None and return_url is not None
        limit = DESCRIPTION_LIMIT[merchant.linked]
        if len(description) > limit:
            raise Refusal("20", f"description: at most {limit} characters ({len(description)} given)")
        if not signing.same(signing.payment_request_signature(body, merchant.checksum_key), body.get("signature")):
            raise Refusal("20", "signature: does not match the data signed with the checksum key")
        with self.state.lock:
            if any(r.client_id == merchant.client_id and r.order_code == order_code for r in self.requests.values()):
                raise Refusal("231", "Đơn thanh toán đã tồn tại")
            request = PaymentRequest(
                id=uuid.uuid4().hex, client_id=merchant.client_id, order_code=order_code, amount=amount,
                description=description, cancel_url=cancel_url, return_url=return_url, expired_at=expired_at,
                created_at=moment,
                qr_code=vietqr.payload(merchant.bank_bin, merchant.account_number, amount, description))
            self.requests[request.id] = request
        return {
            "bin": merchant.bank_bin, "accountNumber": merchant.account_number, "accountName": merchant.account_name,
            "amount": amount, "description": description, "orderCode": order_code, "currency": "VND",
            "paymentLinkId": request.id, "status": request.status, "expiredAt": expired_at,
            "checkoutUrl": f"{self.state.public_url}/web/{request.id}", "qrCode": request.qr_code,
        }

    def find(self, merchant: Merchant | None, identifier: str) -> PaymentRequest:
        """By payment link id or by order code (as payOS's GET takes either)."""
        with self.state.lock:
            found = self.requests.get(identifier)
            if found is None and identifier.isdigit():
                found = next((r for r in self.requests.values() if str(r.order_code) == identifier
                              and (merchant is None or r.client_id == merchant.client_id)), None)
            if found is None or (merchant is not None and found.client_id != merchant.client_id):
                raise Refusal("101", "Đơn thanh toán không tồn tại")
            found.refresh(now())
            return found

    def cancel(self, merchant: Merchant, identifier: str, body: dict[str, Any]) -> dict[str, Any]:
        reason = _text(body, "cancellationReason", required=False)
        if "signature" in body:
            signed = {key: value for key, value in body.items() if key != "signature"}
            if not signing.same(signing.data_signature(signed, merchant.checksum_key), body["signature"]):
                raise Refusal("20", "signature: does not match the data signed with the checksum key")
        with self.state.lock:
            request = self.find(merchant, identifier)
            if request.status not in OPEN:
                raise Refusal("20", f"Đơn thanh toán đang ở trạng thái {request.status}, không thể hủy")
            request.status, request.canceled_at, request.cancellation_reason = "CANCELLED", now(), reason
            return request.info()

    def expire_now(self, identifier: str) -> dict[str, Any]:
        with self.state.lock:
            request = self.find(None, identifier)
            if request.status in OPEN:
                request.expired_at = int(now())
                request.status = "EXPIRED"
            return request.info()

    def transfer(self, body: dict[str, Any]) -> dict[str, Any]:
        """A bank transfer arriving in a merchant's account (``POST /_test/transfer``)."""
        account = _text(body, "accountNumber")
        amount = _integer(body, "amount", 1, MAX_AMOUNT)
        note = _text(body, "description")
        assert account is not None and amount is not None and note is not None
        counter = {name: str(body.get(name) or "") for name in (
            "counterAccountBankId", "counterAccountBankName", "counterAccountName", "counterAccountNumber")}
        merchant = self.state.by_account(account)
        if merchant is None:
            raise Refusal("404", f"accountNumber {account}: no merchant's account here", 404)
        moment = now()
        with self.state.lock:
            request = self._match(merchant, note, moment)
            reference = self.state.bank_reference()
            if request is None:
                return {"matched": False, "reference": reference, "orderCode": None, "paymentLinkId": None,
                        "status": None, "amountPaid": None}
            request.transactions.append({
                "reference": reference, "amount": amount, "accountNumber": account, "description": note,
                "transactionDateTime": iso(moment), "virtualAccountName": None, "virtualAccountNumber": None,
                "counterAccountBankId": counter["counterAccountBankId"] or None,
                "counterAccountBankName": counter["counterAccountBankName"] or None,
                "counterAccountName": counter["counterAccountName"] or None,
                "counterAccountNumber": counter["counterAccountNumber"] or None,
            })
            request.status = "PAID" if request.amount_paid >= request.amount else "UNDERPAID"
            data = {
                "orderCode": request.order_code, "amount": amount, "description": note, "accountNumber": account,
                "reference": reference, "transactionDateTime": wall(moment), "currency": "VND",
                "paymentLinkId": request.id, "code": "00", "desc": "success", **counter,
                "virtualAccountName": "", "virtualAccountNumber": "",
            }
            answer = {"matched": True, "reference": reference, "orderCode": request.order_code,
                      "paymentLinkId": request.id, "status": request.status, "amountPaid": request.amount_paid}
        self.send_webhook(merchant, {"code": "00", "desc": "success", "success": True, "data": data,
                                     "signature": signing.data_signature(data, merchant.checksum_key)})
        return answer

    def _match(self, merchant: Merchant, note: str, moment: float) -> PaymentRequest | None:
        """The request this note pays: open ones before paid ones, the longest description, the oldest."""
        squeezed = squeeze(note)
        candidates = []
        for request in self.requests.values():
            if request.client_id != merchant.client_id:
                continue
            request.refresh(moment)
            key = squeeze(request.description)
            if request.status in (*OPEN, "PAID") and key and key in squeezed:
                candidates.append((request.status == "PAID", -len(key), request.created_at, request))
        return min(candidates, key=lambda c: c[:3])[3] if candidates else None
