from django.apps import AppConfig


class BuyingConfig(AppConfig):
    """The shop's cart, checkout and order confirmation (its own templates and Vietnamese messages)."""

    name = "storefront.buying"
    label = "buying"
