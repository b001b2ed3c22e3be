"""The Saleor plugin: configuration only (config.py holds its values). The work is in sync.py
(and tasks.py runs it).

Staff configure it with Saleor's ``pluginUpdate`` mutation or in the Dashboard. Nothing here
relies on Saleor's (deprecated) catalogue hooks: the sync reads the catalogue through the ORM
and tells everyone else through ``manager.product_updated`` after it commits.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from saleor.plugins.base_plugin import BasePlugin, ConfigurationTypeField

from .config import DEFAULT_MAX_WITHDRAW_SHARE, PLUGIN_ID, OcopConfig, parse_share


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
