"""The certification plugin's withdrawal log as the web service reads it (pure: no Django).

The plugin writes the newest withdrawals and restores of a product into its private metadata under
``ocop.withdrawals``: a JSON list of ``{"id", "action", "reason", "certificate_id", "product", "at",
"run"}`` (saleor_plugins/ocop_certification/withdrawal_log.py).
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass

METADATA_KEY = "ocop.withdrawals"
ACTIONS = ("withdrawn", "restored")
MAX_ENTRIES = 100  # the plugin keeps 20: a longer list is not its


class LogError(ValueError):
    """The stored log is not one the plugin writes."""


@dataclass(frozen=True)
class LogEntry:
    """One withdrawal or restore of a product, as the plugin recorded it."""

    id: int  # the plugin's audit entry id
    action: str  # "withdrawn" | "restored"
    reason: str
    certificate_id: str
    product_name: str
    at: datetime.datetime  # aware


def _entry(item: object, index: int) -> LogEntry:
    if not isinstance(item, dict):
        raise LogError(f"entry {index}: not an object")
    entry_id, action, at = item.get("id"), item.get("action"), item.get("at")
    if not isinstance(entry_id, int) or isinstance(entry_id, bool) or entry_id < 1:
        raise LogError(f"entry {index}: id is not a positive integer")
    if action not in ACTIONS:
        raise LogError(f"entry {index}: action {action!r} is not withdrawn or restored")
    try:
        moment = datetime.datetime.fromisoformat(at) if isinstance(at, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise LogError(f"entry {index}: at {at!r} is not a date-time with its offset")
    texts = {}
    for key in ("reason", "certificate_id", "product"):
        value = item.get(key, "")
        if not isinstance(value, str):
            raise LogError(f"entry {index}: {key} is not text")
        texts[key] = value
    return LogEntry(entry_id, action, texts["reason"], texts["certificate_id"], texts["product"], moment)


def parse_log(value: object) -> tuple[list[LogEntry], list[str]]:
    """The entries of a product's ``ocop.withdrawals`` value (None: no log), and what is wrong with
    the others, naming the entry and field (a bad entry never costs its neighbours). Raises LogError
    for a value that is not a list of entries at all."""
    if value is None:
        return [], []
    if not isinstance(value, str):
        raise LogError("the log is not text")
    try:
        items = json.loads(value)
    except ValueError:
        raise LogError("the log is not JSON") from None
    if not isinstance(items, list):
        raise LogError("the log is not a list")
    if len(items) > MAX_ENTRIES:
        raise LogError(f"the log has {len(items)} entries, more than {MAX_ENTRIES}")
    entries, problems = [], []
    for index, item in enumerate(items):
        try:
            entries.append(_entry(item, index))
        except LogError as problem:
            problems.append(str(problem))
    return entries, problems


_REASONS = [
    (re.compile(r"^expired on (\d{4})-(\d{2})-(\d{2})"), "hết hiệu lực (ngày hiệu lực cuối {2}/{1}/{0})"),
    (re.compile(r"^revoked from (\d{4})-(\d{2})-(\d{2})"), "bị thu hồi từ ngày {2}/{1}/{0}"),
    (re.compile(r"^revoked"), "bị thu hồi"),
    (re.compile(r"^not yet valid"), "chưa có hiệu lực"),
    (re.compile(r"^no certificate"), "sản phẩm chưa gắn giấy chứng nhận"),
    (re.compile(r"^unknown certificate"), "giấy chứng nhận không có trong sổ đăng ký"),
    (re.compile(r"^valid until (\d{4})-(\d{2})-(\d{2})"), "có hiệu lực đến ngày {2}/{1}/{0}"),
]


def reason_vi(reason: str) -> str:
    """The plugin's reason (English, e.g. ``expired on 2026-11-27 (LD-2023-0003)``) said in Vietnamese."""
    for pattern, text in _REASONS:
        match = pattern.match(reason)
        if match:
            return text.format(*match.groups())
    return reason
