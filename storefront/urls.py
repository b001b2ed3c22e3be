from django.urls import path

from . import views

app_name = "storefront"

urlpatterns = [
    path("", views.home, name="home"),
    path("verify/", views.verify_lookup, name="verify-lookup"),
    path("verify/<str:certificate_id>/", views.verify_certificate, name="verify"),
]
