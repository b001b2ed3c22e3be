from django.apps import AppConfig


class ShowcasesConfig(AppConfig):
    name = "catalog_sync.showcases"
    label = "showcases"
    verbose_name = "Showcases"

    def ready(self) -> None:
        from catalog_sync.app.signals import object_refreshed

        from .tasks import catalogue_refreshed

        object_refreshed.connect(catalogue_refreshed, dispatch_uid="showcases-follow-catalogue")
