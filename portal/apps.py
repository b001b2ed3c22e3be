from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Producer portal"
    default_auto_field = "django.db.models.BigAutoField"
