from django.urls import path

from . import views

app_name = "payouts"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("runs/", views.start, name="start"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
]
