"""payOS's HMAC-SHA256 signatures, written from its published rules (not imported from the SDK).

Three forms:
- a payment request's: ``amount=…&cancelUrl=…&description=…&orderCode=…&returnUrl=…``;
- data's (answers, webhooks, a cancellation's body): every key of the object sorted, ``key=value``
  joined by ``&``; null is the empty string, booleans ``true``/``false``, a list is its compact JSON
  with each object's keys sorted;
- a header's (``x-signature`` of the payouts API): the same sorted ``key=value`` pairs with nested
  objects sorted at every depth and written as compact JSON, each key and value percent-encoded.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any
from urllib.parse import quote

PAYMENT_REQUEST_FIELDS = ("amount", "cancelUrl", "description", "orderCode", "returnUrl")


def _hmac(key: str, text: str) -> str:
    return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest()


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def payment_request_signature(body: dict[str, Any], checksum_key: str) -> str:
    return _hmac(checksum_key, "&".join(f"{name}={_scalar(body.get(name))}" for name in PAYMENT_REQUEST_FIELDS))


def data_signature(data: dict[str, Any], checksum_key: str) -> str:
    parts = []
    for key in sorted(data):
        value = data[key]
        if isinstance(value, list):
            text = _compact([{k: item[k] for k in sorted(item)} if isinstance(item, dict) else item
                             for item in value])
        elif value in ("undefined", "null"):
            text = ""
        else:
            text = _scalar(value)
        parts.append(f"{key}={text}")
    return _hmac(checksum_key, "&".join(parts))


def _deep_sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _deep_sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_deep_sorted(item) for item in value]
    return value


def header_signature(data: dict[str, Any], checksum_key: str) -> str:
    parts = []
    for key, value in _deep_sorted(data).items():
        text = _compact(value) if isinstance(value, (list, dict)) else _scalar(value)
        parts.append(f"{quote(str(key))}={quote(text)}")
    return _hmac(checksum_key, "&".join(parts))


def same(expected: str, given: object) -> bool:
    return isinstance(given, str) and hmac.compare_digest(expected, given)
