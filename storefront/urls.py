from django.urls import path

from catalog_sync.registry import converters as _converters  # noqa: F401  (registers <certificate_id:>)

from . import views

app_name = "storefront"

urlpatterns = [
    path("", views.home, name="home"),
    path("verify/", views.verify_lookup, name="verify-lookup"),
    path("verify/<certificate_id:certificate_id>/", views.verify_certificate, name="verify"),
]
