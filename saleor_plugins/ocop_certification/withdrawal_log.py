"""What the plugin withdrew and restored, carried to everyone outside Saleor in the product itself.

Each withdrawal and restore is an ``AuditEntry`` in the plugin's tables. The newest of them are
also written, in the same transaction, into the product's private metadata under
``ocop.withdrawals``: a JSON list, oldest first, of at most ``KEEP`` entries

    {"id": 42, "action": "withdrawn" | "restored", "reason": "expired on 2026-11-27 (LD-2023-0003)",
     "certificate_id": "LD-2023-0003", "product": "Nước mắm", "at": "2026-11-28T17:00:00.000001+00:00",
     "run": 7}

(``id`` is the audit entry's: unique, so a reader that stores each id once never counts one twice).
Because every entry stays in the list until ``KEEP`` newer ones push it out, the PRODUCT_UPDATED
webhook of a restore still carries the withdrawal before it, even when the two runs' notices are
delivered late, out of order or only once. Pure: standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

METADATA_KEY = "ocop.withdrawals"
KEEP = 20
ACTIONS = {"withdraw": "withdrawn", "restore": "restored"}  # AuditEntry.action -> the entry's action


def entry(*, entry_id: int, action: str, reason: str, certificate_id: str, product: str, at: Any,
          run_id: int) -> dict[str, Any]:
    """One entry, from an audit entry's fields (``action`` as the audit entry names it; ``at`` aware)."""
    if at.tzinfo is None:
        raise ValueError("at must be an aware date-time")
    return {"id": entry_id, "action": ACTIONS[action], "reason": reason, "certificate_id": certificate_id,
            "product": product, "at": at.isoformat(), "run": run_id}


def read(value: object) -> list[dict[str, Any]]:
    """The entries of a stored value; an unreadable value (edited by hand) reads as none."""
    if not isinstance(value, str):
        return []
    try:
        entries = json.loads(value)
    except ValueError:
        return []
    if not isinstance(entries, list):
        return []
    return [item for item in entries if isinstance(item, dict) and isinstance(item.get("id"), int)]


def merged(value: object, new: Iterable[dict[str, Any]], keep: int = KEEP) -> str:
    """The stored value with ``new`` appended (an id already present is not added twice), the
    newest ``keep`` kept, as compact JSON."""
    entries = read(value)
    seen = {item["id"] for item in entries}
    for item in new:
        if item["id"] not in seen:
            entries.append(item)
            seen.add(item["id"])
    entries.sort(key=lambda item: item["id"])
    return json.dumps(entries[-keep:], ensure_ascii=False, separators=(",", ":"))
