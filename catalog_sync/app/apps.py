from django.apps import AppConfig


class SaleorAppConfig(AppConfig):
    name = "catalog_sync.app"
    label = "saleor_app"
    verbose_name = "Saleor App installation"
