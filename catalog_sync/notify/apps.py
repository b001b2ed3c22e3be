from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "catalog_sync.notify"
    label = "notify"
    verbose_name = "OCOP Market notifications"
