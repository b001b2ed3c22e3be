"""What a webhook payload says changed, and the plugin's withdrawal log it carries (pure: no Django,
no network)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, Literal

from catalog_sync.domain.withdrawals import LogEntry, LogError, parse_log

Kind = Literal["product", "variant", "collection", "page"]

_DELETED = {"ProductDeleted", "CollectionDeleted", "PageDeleted"}


class PayloadError(ValueError):
    """The payload is not one our subscription queries produce."""


@dataclass(frozen=True)
class Change:
    kind: Kind
    id: str
    issued_at: datetime.datetime
    deleted: bool = False
    page_type: str | None = None


def _id(node: Any, *path: str) -> str | None:
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node if isinstance(node, str) and node else None


def issued_at_of(value: Any) -> datetime.datetime:
    """A payload's ``issuedAt`` (an aware date-time), or PayloadError naming it."""
    if not isinstance(value, str):
        raise PayloadError("issuedAt is missing")
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise PayloadError(f"issuedAt is not a date-time: {value!r}") from None
    if moment.tzinfo is None:
        raise PayloadError("issuedAt has no time zone")
    return moment


def change_from_payload(payload: Any) -> Change | None:
    """The change a payload announces, or None for an event about nothing we keep."""
    if not isinstance(payload, dict) or not isinstance(payload.get("__typename"), str):
        raise PayloadError("the payload has no __typename")
    kind_name: str = payload["__typename"]
    issued_at = issued_at_of(payload.get("issuedAt"))
    deleted = kind_name in _DELETED
    if product_id := _id(payload, "product", "id"):
        return Change("product", product_id, issued_at, deleted)
    if product_id := _id(payload, "productVariant", "product", "id"):
        return Change("product", product_id, issued_at)
    if collection_id := _id(payload, "collection", "id"):
        return Change("collection", collection_id, issued_at, deleted)
    if page_id := _id(payload, "page", "id"):
        return Change("page", page_id, issued_at, deleted, page_type=_id(payload, "page", "pageType", "slug"))
    translation = payload.get("translation")
    if isinstance(translation, dict):
        content = translation.get("translatableContent")
        for key, kind in (("productId", "product"), ("productVariantId", "variant"),
                          ("collectionId", "collection"), ("pageId", "page")):
            if object_id := _id(content, key):
                return Change(kind, object_id, issued_at)  # type: ignore[arg-type]
        return None  # a translation of something the catalogue does not show
    return None


LOG_FIELD = "ocopWithdrawals"  # the alias of privateMetafield(key: "ocop.withdrawals") in manifest.PRODUCTS


@dataclass(frozen=True)
class WithdrawalLog:
    product_id: str
    entries: list[LogEntry]
    problems: list[str]  # entries left out, each named with what is wrong


def withdrawal_log_from_payload(payload: Any) -> WithdrawalLog | None:
    """The certification plugin's log a PRODUCT_UPDATED payload carries (None: it carries none); what
    cannot be read is in ``problems``, never an error for the delivery."""
    product = payload.get("product") if isinstance(payload, dict) else None
    if not isinstance(product, dict) or product.get(LOG_FIELD) is None:
        return None
    product_id = _id(product, "id")
    if product_id is None:
        raise PayloadError("product.id is missing")
    try:
        entries, problems = parse_log(product[LOG_FIELD])
    except LogError as bad:  # edited by hand, not the plugin's: named, and the product is still refreshed
        return WithdrawalLog(product_id, [], [f"product.{LOG_FIELD}: {bad}"])
    return WithdrawalLog(product_id, entries, problems)
