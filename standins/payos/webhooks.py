"""Webhook delivery: a POST of JSON to the merchant's confirmed URL, retried while it does not answer 2xx.

Each delivery runs on a thread of its own (payOS promises no order either) and is recorded (URL,
order code, amount, attempts, last HTTP status) for ``GET /_test/webhooks``.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from typing import Any

from . import signing
from .state import Merchant

RETRY_DELAYS = (0.5, 2.0, 5.0)  # seconds before the 2nd, 3rd and 4th attempt


def post(url: str, body: dict[str, Any], timeout: float = 10.0) -> int:
    """The HTTP status the URL answered (0 when it could not be reached)."""
    request = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode(),  # noqa: S310
                                     headers={"Content-Type": "application/json", "User-Agent": "payOS stand-in"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - the merchant's URL
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (OSError, urllib.error.URLError):
        return 0


def confirmation_sample(merchant: Merchant) -> dict[str, Any]:
    """The signed test payment payOS sends to a webhook URL before it accepts it (order code 123)."""
    data = {"orderCode": 123, "amount": 3000, "description": "VQRIO123", "accountNumber": merchant.account_number,
            "reference": "TF230204212323", "transactionDateTime": "2023-02-04 18:25:00", "currency": "VND",
            "paymentLinkId": "124c33293c43417ab7879e14c8d9eb18", "code": "00", "desc": "success",
            "counterAccountBankId": "", "counterAccountBankName": "", "counterAccountName": "",
            "counterAccountNumber": "", "virtualAccountName": "", "virtualAccountNumber": ""}
    return {"code": "00", "desc": "success", "success": True, "data": data,
            "signature": signing.data_signature(data, merchant.checksum_key)}


class Sender:
    def __init__(self, retry_delays: tuple[float, ...] = RETRY_DELAYS):
        self.retry_delays = retry_delays
        self.log: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    def send(self, merchant: Merchant, body: dict[str, Any]) -> None:
        if not merchant.webhook_url:
            return
        record = {"url": merchant.webhook_url, "orderCode": body["data"]["orderCode"],
                  "amount": body["data"]["amount"], "attempts": 0, "status": None}
        with self.lock:
            self.log.append(record)
        threading.Thread(target=self._deliver, args=(merchant.webhook_url, body, record), name="payos-webhook",
                         daemon=True).start()

    def deliveries(self) -> list[dict[str, Any]]:
        with self.lock:
            return [dict(record) for record in self.log]

    def _deliver(self, url: str, body: dict[str, Any], record: dict[str, Any]) -> None:
        for delay in (0.0, *self.retry_delays):
            time.sleep(delay)
            status = post(url, body)
            with self.lock:
                record["attempts"] += 1
                record["status"] = status
            if 200 <= status < 300:
                return
