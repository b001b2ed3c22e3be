from django.apps import AppConfig


class PayoutsConfig(AppConfig):
    name = "catalog_sync.payouts"
    label = "payouts"
    verbose_name = "Producer payouts"
