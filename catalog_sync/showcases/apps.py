from django.apps import AppConfig


class ShowcasesConfig(AppConfig):
    name = "catalog_sync.showcases"
    label = "showcases"
    verbose_name = "Showcases"
