"""What the stand-in remembers: merchants (payment and payout channels) and the clock, shared by its parts."""

from __future__ import annotations

import itertools
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

VIETNAM = timezone(timedelta(hours=7))
MB_BANK_BIN = "970422"  # Napas BIN of the bank that holds the merchants' accounts here


class Refusal(Exception):
    """An error answer: payOS's ``{"code", "desc", "data": null}`` with an HTTP status."""

    def __init__(self, code: str, desc: str, status: int = 200):
        super().__init__(desc)
        self.code, self.desc, self.status = code, desc, status


@dataclass
class Merchant:
    client_id: str
    api_key: str
    checksum_key: str
    bank_bin: str = MB_BANK_BIN
    account_number: str = ""
    account_name: str = "CONG TY OCOP MARKET"
    name: str = "OCOP Market"
    short_name: str = "MB Bank"
    linked: bool = True  # an account linked through payOS takes notes of 25 characters, others 9
    payout_balance: int = 1_000_000_000_000
    webhook_url: str | None = None

    def public(self) -> dict[str, Any]:
        return {"clientId": self.client_id, "bin": self.bank_bin, "accountNumber": self.account_number,
                "accountName": self.account_name, "webhookUrl": self.webhook_url}


@dataclass
class State:
    public_url: str = "http://127.0.0.1:8430"
    payout_seconds: float = 2.0  # how long a payout transfer stays PROCESSING
    lock: threading.RLock = field(default_factory=threading.RLock)
    merchants: dict[str, Merchant] = field(default_factory=dict)
    _accounts: itertools.count = field(default_factory=lambda: itertools.count(1))
    _references: itertools.count = field(default_factory=lambda: itertools.count(1))

    def register(self, client_id: str, api_key: str, checksum_key: str, **extra: Any) -> Merchant:
        if not (client_id and api_key and checksum_key):
            raise Refusal("20", "clientId, apiKey and checksumKey are required", 400)
        with self.lock:
            merchant = Merchant(client_id, api_key, checksum_key, **extra)
            if not merchant.account_number:
                merchant.account_number = f"{8430000000 + next(self._accounts)}"
            taken = {m.account_number: m.client_id for m in self.merchants.values()}
            if taken.get(merchant.account_number, client_id) != client_id:
                raise Refusal("20", f"accountNumber {merchant.account_number} belongs to another merchant", 400)
            self.merchants[client_id] = merchant
            return merchant

    def authenticate(self, client_id: str | None, api_key: str | None) -> Merchant:
        merchant = self.merchants.get(client_id or "")
        if merchant is None or not secrets.compare_digest(merchant.api_key, api_key or ""):
            raise Refusal("401", "Unauthorized: x-client-id or x-api-key is wrong", 401)
        return merchant

    def by_account(self, account_number: str) -> Merchant | None:
        return next((m for m in self.merchants.values() if m.account_number == account_number), None)

    def bank_reference(self) -> str:
        """A bank's transaction reference, as payOS relays it (FT + date + sequence)."""
        return f"FT{now_vietnam():%y%m%d}{next(self._references):08d}"


def now() -> float:
    return time.time()


def now_vietnam() -> datetime:
    return datetime.now(UTC).astimezone(VIETNAM)


def iso(moment: float) -> str:
    """payOS's timestamps in answers: ISO 8601 in Vietnam's time, to the second."""
    return datetime.fromtimestamp(moment, VIETNAM).isoformat(timespec="seconds")


def wall(moment: float) -> str:
    """payOS's transactionDateTime in webhooks: ``YYYY-MM-DD HH:MM:SS`` in Vietnam's time."""
    return datetime.fromtimestamp(moment, VIETNAM).strftime("%Y-%m-%d %H:%M:%S")
