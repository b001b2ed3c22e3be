from django.urls import path

from . import curating, views

app_name = "showcases"

urlpatterns = [
    path("", views.showcase_list, name="list"),
    path("new/", curating.showcase_create, name="create"),
    path("<int:pk>/", curating.showcase_detail, name="detail"),
    path("<int:pk>/edit/", curating.showcase_edit, name="edit"),
    path("<int:pk>/products/add/", curating.product_add, name="product-add"),
    path("<int:pk>/products/move/", curating.product_move, name="product-move"),
    path("<int:pk>/products/remove/", curating.product_remove, name="product-remove"),
    path("<int:pk>/approve/", curating.showcase_approve, name="approve"),
    path("<int:pk>/withdraw/", curating.showcase_withdraw, name="withdraw"),
    path("<slug:slug>/catalogue.<str:file_format>", views.showcase_export, name="export"),
]
