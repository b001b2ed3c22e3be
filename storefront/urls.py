from django.urls import path

from catalog_sync.registry import converters as _converters  # noqa: F401  (registers <certificate_id:>)

from . import catalogue, home, producer, product, search, showcase, views

app_name = "storefront"

urlpatterns = [
    path("", home.home, name="home"),
    path("products/", catalogue.product_list, name="products"),
    path("products/<slug:slug>/", product.product_detail, name="product"),
    path("producers/<slug:slug>/", producer.producer_detail, name="producer"),
    path("showcases/<slug:slug>/", showcase.showcase_detail, name="showcase"),
    path("search/", search.search_page, name="search"),
    path("search/suggest/", search.suggest, name="suggest"),
    path("verify/", views.verify_lookup, name="verify-lookup"),
    path("verify/<certificate_id:certificate_id>/", views.verify_certificate, name="verify"),
]
