from django.apps import AppConfig


class SaleorSideConfig(AppConfig):
    name = "catalog_sync.saleor_side"
    label = "saleor_side"
    verbose_name = "Saleor side: catalogue commands and read-model fetch"
