from django.urls import path

from . import views

app_name = "showcases"

urlpatterns = [
    path("", views.showcase_list, name="list"),
    path("<slug:slug>/catalogue.<str:file_format>", views.showcase_export, name="export"),
]
