from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Customer accounts through Saleor, the customer's orders, and the guest order lookup."""

    name = "storefront.accounts"
    label = "storefront_accounts"
