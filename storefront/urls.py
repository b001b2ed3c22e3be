from django.urls import path

from . import views

app_name = "storefront"

urlpatterns = [
    path("verify/<str:certificate_id>/", views.verify_certificate, name="verify"),
]
