from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Producer portal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from catalog_sync.payouts.notices import register_people

        from .payouts import people_of_producer

        register_people(people_of_producer)
