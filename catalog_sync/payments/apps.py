from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "catalog_sync.payments"
    label = "payments"
    verbose_name = "Payments (cards through Stripe, VietQR through payOS)"
