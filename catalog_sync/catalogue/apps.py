from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalog_sync.catalogue"
    label = "catalogue"
    verbose_name = "OCOP catalogue read model"
