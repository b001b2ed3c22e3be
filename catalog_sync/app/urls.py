from django.urls import path

from . import views

app_name = "saleor_app"

urlpatterns = [
    path("manifest/", views.manifest, name="manifest"),
    path("register/", views.register_view, name="register"),
    path("webhooks/", views.webhook, name="webhooks"),
    path("payments/", views.payment_webhook, name="payments"),
    path("stripe/<slug:channel>/", views.gateway_webhook, {"gateway": "stripe"}, name="stripe"),
    path("payos/<slug:channel>/", views.gateway_webhook, {"gateway": "payos"}, name="payos"),
]
