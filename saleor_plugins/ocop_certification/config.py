"""The plugin's configuration and the names it works with in Saleor. Pure: standard library only.

``OcopConfig`` is what staff set with ``pluginUpdate`` (or in the Dashboard); plugin.py
declares the fields and validates them with ``parse_share``; sync.py reads them per run.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "CERTIFICATE_ATTRIBUTE", "DEFAULT_MAX_WITHDRAW_SHARE", "OCOP_ATTRIBUTES", "OCOP_PRODUCT_TYPES", "PLUGIN_ID",
    "STARS_ATTRIBUTE", "VALID_UNTIL_ATTRIBUTE", "OcopConfig", "feed_timeout", "parse_share",
]

logger = logging.getLogger(__name__)

PLUGIN_ID = "ocop.certification"
DEFAULT_MAX_WITHDRAW_SHARE = "0.10"

# The catalogue's names (catalog_sync.saleor.spec creates them; a test checks they agree).
OCOP_PRODUCT_TYPES = ("ocop-product", "ocop-service")  # goods, and group 6 tourism services (not shipped)
CERTIFICATE_ATTRIBUTE = "ocop-certificate"
STARS_ATTRIBUTE = "ocop-stars"
VALID_UNTIL_ATTRIBUTE = "ocop-valid-until"
OCOP_ATTRIBUTES = (CERTIFICATE_ATTRIBUTE, STARS_ATTRIBUTE, VALID_UNTIL_ATTRIBUTE)

DEFAULT_FEED_TIMEOUT = (5.0, 30.0)


def parse_share(value: object) -> float:
    """``max_withdraw_share`` as a number in [0, 1]; ValueError naming the field otherwise."""
    text = str(value if value is not None else "").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"max_withdraw_share: {text!r} is not a number (e.g. 0.10 for 10%)") from None
    if not number.is_finite() or not 0 <= number <= 1:
        raise ValueError(f"max_withdraw_share: {text!r} must be between 0 and 1 (e.g. 0.10 for 10%)")
    return float(number)


def _as_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"true", "1", "yes", "on"}


@dataclass(frozen=True)
class OcopConfig:
    active: bool
    feed_url: str
    feed_token: str
    max_withdraw_share: str
    dry_run: bool

    @classmethod
    def from_items(cls, items: Iterable[Mapping[str, object]] | None, *, active: bool) -> OcopConfig:
        """From Saleor's configuration items (``[{"name": ..., "value": ...}, ...]``)."""
        values = {item["name"]: item.get("value") for item in items or []}
        return cls(
            active=bool(active),
            feed_url=str(values.get("feed_url") or "").strip(),
            feed_token=str(values.get("feed_token") or ""),
            max_withdraw_share=str(values.get("max_withdraw_share") or DEFAULT_MAX_WITHDRAW_SHARE).strip(),
            dry_run=_as_bool(values.get("dry_run", False)),
        )


def feed_timeout(environ: Mapping[str, str] = os.environ) -> tuple[float, float]:
    """(connect, read) seconds for the feed; ``OCOP_FEED_TIMEOUT="5,30"`` overrides the default."""
    text = environ.get("OCOP_FEED_TIMEOUT", "").strip()
    if text:
        try:
            connect, read = (float(part) for part in text.split(","))
            if connect > 0 and read > 0:
                return connect, read
        except ValueError:
            pass
        logger.warning("OCOP_FEED_TIMEOUT=%r is not 'connect,read' seconds; using 5,30", text)
    return DEFAULT_FEED_TIMEOUT
