from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "catalog_sync.registry"
    label = "registry"
    verbose_name = "OCOP certification registry"

    def ready(self) -> None:
        from ocop_web import checks  # noqa: F401  (registers the system checks)
