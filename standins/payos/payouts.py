"""Payouts (payOS API v1): transfers from the merchant's payout account to bank accounts, single or in batches.

Every create carries an ``x-idempotency-key``: the same key with the same body answers the payout it
made the first time and sends nothing more; the same key with another body is refused (409). A new
payout's transfers are PROCESSING (the batch's ``approvalState`` PROCESSING) and settle after
``State.payout_seconds``, read lazily: SUCCEEDED with a bank reference, or FAILED when the destination
account is one ``POST /_test/payouts/fail`` named (its amount goes back to the balance). The batch is
then COMPLETED, PARTIAL_COMPLETED or FAILED. The balance is reserved when a payout is made; a payout
larger than the balance is refused.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from .payments import MAX_AMOUNT
from .state import Merchant, Refusal, State, iso, now

DEFAULT_FAILURE = ("INVALID_ACCOUNT", "Tài khoản thụ hưởng không hợp lệ")
DIGITS = re.compile(r"\d{1,19}")


@dataclass
class Payout:
    id: str
    client_id: str
    idempotency_key: str
    fingerprint: str
    reference_id: str
    category: list[str] | None
    created_at: float
    settle_at: float
    transactions: list[dict[str, Any]]
    approval_state: str = "PROCESSING"

    def info(self) -> dict[str, Any]:
        """The SDK's Payout, exactly its fields."""
        return {"id": self.id, "referenceId": self.reference_id, "transactions": [dict(t) for t in self.transactions],
                "category": self.category, "approvalState": self.approval_state, "createdAt": iso(self.created_at)}


def _line(item: Any, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise Refusal("20", f"{where}: an object", 400)
    for name in ("referenceId", "description"):
        if not isinstance(item.get(name), str) or not item[name].strip():
            raise Refusal("20", f"{where}.{name}: required, a non-empty string", 400)
    amount = item.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, int) or not 1 <= amount <= MAX_AMOUNT:
        raise Refusal("20", f"{where}.amount: required, an integer from 1 to {MAX_AMOUNT}", 400)
    if not isinstance(item.get("toBin"), str) or not re.fullmatch(r"\d{6}", item["toBin"]):
        raise Refusal("20", f"{where}.toBin: required, the bank's six-digit Napas BIN", 400)
    if not isinstance(item.get("toAccountNumber"), str) or not DIGITS.fullmatch(item["toAccountNumber"]):
        raise Refusal("20", f"{where}.toAccountNumber: required, digits only", 400)
    return item


def _category(body: dict[str, Any]) -> list[str] | None:
    category = body.get("category")
    if category is not None and (not isinstance(category, list) or not all(isinstance(c, str) for c in category)):
        raise Refusal("20", "category: a list of strings", 400)
    return category


@dataclass
class Payouts:
    state: State
    payouts: dict[str, Payout] = field(default_factory=dict)
    failing: dict[str, tuple[str, str]] = field(default_factory=dict)  # account number -> (code, message)
    reserved: dict[str, int] = field(default_factory=dict)  # client id -> money out of the balance

    def create(self, merchant: Merchant, key: str | None, body: dict[str, Any], batch: bool) -> dict[str, Any]:
        if not key:
            raise Refusal("20", "x-idempotency-key: required", 400)
        fingerprint = json.dumps(body, sort_keys=True)
        with self.state.lock:
            earlier = next((p for p in self.payouts.values()
                            if p.client_id == merchant.client_id and p.idempotency_key == key), None)
            if earlier is not None:
                if earlier.fingerprint != fingerprint:
                    raise Refusal("409", "x-idempotency-key: already used for a different payout", 409)
                return self.settle(earlier).info()
            if not isinstance(body.get("referenceId"), str) or not body["referenceId"].strip():
                raise Refusal("20", "referenceId: required, a non-empty string", 400)
            if batch:
                items = body.get("payouts")
                if not isinstance(items, list) or not items:
                    raise Refusal("20", "payouts: required, a non-empty list", 400)
                lines = [_line(item, f"payouts[{i}]") for i, item in enumerate(items)]
            else:
                lines = [_line(body, "payout")]
            total = sum(line["amount"] for line in lines)
            if total > self.balance(merchant):
                raise Refusal("20", f"Số dư không đủ: {total} requested, {self.balance(merchant)} available", 400)
            moment = now()
            payout = Payout(
                id=uuid.uuid4().hex, client_id=merchant.client_id, idempotency_key=key, fingerprint=fingerprint,
                reference_id=body["referenceId"], category=_category(body), created_at=moment,
                settle_at=moment + self.state.payout_seconds,
                transactions=[{
                    "id": uuid.uuid4().hex, "referenceId": line["referenceId"], "amount": line["amount"],
                    "description": line["description"], "toBin": line["toBin"],
                    "toAccountNumber": line["toAccountNumber"], "toAccountName": None, "reference": None,
                    "transactionDatetime": None, "errorMessage": None, "errorCode": None, "state": "PROCESSING",
                } for line in lines])
            self.payouts[payout.id] = payout
            self.reserved[merchant.client_id] = self.reserved.get(merchant.client_id, 0) + total
            return payout.info()

    def settle(self, payout: Payout) -> Payout:
        if payout.approval_state != "PROCESSING" or now() < payout.settle_at:
            return payout
        for transaction in payout.transactions:
            failure = self.failing.get(transaction["toAccountNumber"])
            transaction["transactionDatetime"] = iso(now())
            if failure:
                transaction.update(state="FAILED", errorCode=failure[0], errorMessage=failure[1])
                self.reserved[payout.client_id] -= transaction["amount"]
            else:
                transaction.update(state="SUCCEEDED", reference=self.state.bank_reference())
        states = {t["state"] for t in payout.transactions}
        payout.approval_state = ("COMPLETED" if states == {"SUCCEEDED"} else "FAILED" if states == {"FAILED"}
                                 else "PARTIAL_COMPLETED")
        return payout

    def find(self, merchant: Merchant, identifier: str) -> dict[str, Any]:
        """By payout id or by the payout's referenceId."""
        with self.state.lock:
            found = self.payouts.get(identifier)
            if found is None or found.client_id != merchant.client_id:
                found = next((p for p in self.payouts.values()
                              if p.client_id == merchant.client_id and p.reference_id == identifier), None)
            if found is None:
                raise Refusal("404", f"payout {identifier}: not found", 404)
            return self.settle(found).info()

    def list(self, merchant: Merchant, query: dict[str, str]) -> dict[str, Any]:
        try:
            limit, offset = int(query.get("limit") or 10), int(query.get("offset") or 0)
        except ValueError:
            raise Refusal("20", "limit, offset: integers", 400) from None
        with self.state.lock:
            chosen = [self.settle(p) for p in sorted(self.payouts.values(), key=lambda p: -p.created_at)
                      if p.client_id == merchant.client_id
                      and query.get("referenceId") in (None, p.reference_id)
                      and query.get("approvalState") in (None, p.approval_state)
                      and (query.get("category") is None or query["category"] in (p.category or []))]
            page = chosen[offset:offset + limit]
            return {"payouts": [p.info() for p in page],
                    "pagination": {"limit": limit, "offset": offset, "total": len(chosen), "count": len(page),
                                   "hasMore": offset + len(page) < len(chosen)}}

    def estimate(self, body: dict[str, Any]) -> dict[str, Any]:
        items = body.get("payouts") if "payouts" in body else [body]
        if not isinstance(items, list):
            raise Refusal("20", "payouts: a list", 400)
        return {"estimateCredit": sum(_line(item, f"payouts[{i}]")["amount"] for i, item in enumerate(items))}

    def balance(self, merchant: Merchant) -> int:
        return merchant.payout_balance - self.reserved.get(merchant.client_id, 0)

    def account(self, merchant: Merchant) -> dict[str, Any]:
        with self.state.lock:
            for payout in self.payouts.values():
                if payout.client_id == merchant.client_id:
                    self.settle(payout)
            return {"accountNumber": merchant.account_number, "accountName": merchant.account_name,
                    "currency": "VND", "balance": str(self.balance(merchant))}

    def fail(self, body: dict[str, Any]) -> dict[str, Any]:
        """``POST /_test/payouts/fail``: transfers to this account fail from now on (``"clear": true`` undoes it)."""
        account = body.get("accountNumber")
        if not isinstance(account, str) or not DIGITS.fullmatch(account):
            raise Refusal("20", "accountNumber: required, digits only", 400)
        with self.state.lock:
            if body.get("clear"):
                self.failing.pop(account, None)
            else:
                self.failing[account] = (str(body.get("errorCode") or DEFAULT_FAILURE[0]),
                                         str(body.get("errorMessage") or DEFAULT_FAILURE[1]))
            return {"accountNumber": account, "failing": account in self.failing}

    def settle_now(self, identifier: str) -> dict[str, Any]:
        with self.state.lock:
            payout = self.payouts.get(identifier)
            if payout is None:
                raise Refusal("404", f"payout {identifier}: not found", 404)
            payout.settle_at = min(payout.settle_at, now())
            return self.settle(payout).info()
