from django.urls import path

from catalog_sync.registry import converters as _converters  # noqa: F401  (registers <certificate_id:>)

from . import catalogue, home, producer, product, search, showcase, views
from .pagecache import kept_page

app_name = "storefront"

# Pages read from the catalogue read model are kept whole for anonymous visitors (pagecache);
# the verify pages read the registry and are always rendered.
urlpatterns = [
    path("", kept_page(home.home), name="home"),
    path("products/", kept_page(catalogue.product_list), name="products"),
    path("products/<slug:slug>/", kept_page(product.product_detail), name="product"),
    path("producers/<slug:slug>/", kept_page(producer.producer_detail), name="producer"),
    path("showcases/<slug:slug>/", kept_page(showcase.showcase_detail), name="showcase"),
    path("search/", kept_page(search.search_page), name="search"),
    path("search/suggest/", kept_page(search.suggest), name="suggest"),
    path("verify/", views.verify_lookup, name="verify-lookup"),
    path("verify/<certificate_id:certificate_id>/", views.verify_certificate, name="verify"),
]
