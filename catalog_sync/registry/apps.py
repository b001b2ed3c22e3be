from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "catalog_sync.registry"
    label = "registry"
    verbose_name = "OCOP certification registry"
