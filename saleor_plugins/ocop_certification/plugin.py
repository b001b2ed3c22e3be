"""The Saleor plugin: configuration only. The work is in sync.py (and tasks.py runs it).

Staff configure it with Saleor's ``pluginUpdate`` mutation or in the Dashboard. Nothing here
relies on Saleor's (deprecated) catalogue hooks: the sync reads the catalogue through the ORM
and tells everyone else through ``manager.product_updated`` after it commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from saleor.plugins.base_plugin import BasePlugin, ConfigurationTypeField

PLUGIN_ID = "ocop.certification"
DEFAULT_MAX_WITHDRAW_SHARE = "0.10"


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
    def from_items(cls, items: list[dict], *, active: bool) -> OcopConfig:
        values = {item["name"]: item.get("value") for item in items or []}
        return cls(
            active=bool(active),
            feed_url=str(values.get("feed_url") or "").strip(),
            feed_token=str(values.get("feed_token") or ""),
            max_withdraw_share=str(values.get("max_withdraw_share") or DEFAULT_MAX_WITHDRAW_SHARE).strip(),
            dry_run=_as_bool(values.get("dry_run", False)),
        )


class OcopCertificationPlugin(BasePlugin):
    PLUGIN_ID = PLUGIN_ID
    PLUGIN_NAME = "OCOP certification"
    PLUGIN_DESCRIPTION = (
        "Keeps OCOP products in step with the certification registry: a product whose certificate "
        "expired or was revoked is withdrawn from sale, and restored exactly when it is renewed."
    )
    CONFIGURATION_PER_CHANNEL = False
    DEFAULT_ACTIVE = False
    DEFAULT_CONFIGURATION = [
        {"name": "feed_url", "value": ""},
        {"name": "feed_token", "value": ""},
        {"name": "max_withdraw_share", "value": DEFAULT_MAX_WITHDRAW_SHARE},
        {"name": "dry_run", "value": False},
    ]
    CONFIG_STRUCTURE = {
        "feed_url": {
            "type": ConfigurationTypeField.STRING,
            "label": "Feed URL",
            "help_text": "The registry's certification feed, e.g. https://ocop.example/registry/feed.json",
        },
        "feed_token": {
            "type": ConfigurationTypeField.SECRET,
            "label": "Feed token",
            "help_text": "Bearer token for the feed.",
        },
        "max_withdraw_share": {
            "type": ConfigurationTypeField.STRING,
            "label": "Largest share withdrawn without confirmation",
            "help_text": (
                "A run that would withdraw more than this share of the sellable OCOP products (0.10 = 10%) "
                "withdraws nothing until staff confirm it (ocop_sync --confirm-run RUN_ID)."
            ),
        },
        "dry_run": {
            "type": ConfigurationTypeField.BOOLEAN,
            "label": "Dry run",
            "help_text": "Record what a sync would change, change nothing.",
        },
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ocop_config = OcopConfig.from_items(self.configuration, active=self.active)

    @classmethod
    def validate_plugin_configuration(cls, plugin_configuration, **kwargs):
        config = OcopConfig.from_items(plugin_configuration.configuration, active=plugin_configuration.active)
        errors: dict[str, ValidationError] = {}
        try:
            parse_share(config.max_withdraw_share)
        except ValueError as error:
            errors["max_withdraw_share"] = ValidationError(str(error), code="invalid")
        if config.feed_url:
            parts = urlsplit(config.feed_url)
            if parts.scheme not in {"http", "https"} or not parts.netloc:
                errors["feed_url"] = ValidationError(
                    f"feed_url: {config.feed_url!r} is not an http(s) URL", code="invalid"
                )
        elif config.active:
            errors["feed_url"] = ValidationError("feed_url: required to activate the plugin", code="required")
        if errors:
            raise ValidationError(errors)
