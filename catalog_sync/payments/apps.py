from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "catalog_sync.payments"
    label = "payments"
    verbose_name = "Card payments (Stripe)"
