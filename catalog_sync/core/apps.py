from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "catalog_sync.core"
    label = "core"
    verbose_name = "OCOP Market core"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
