from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("registry/", include("catalog_sync.registry.urls")),
    path("admin/", admin.site.urls),
    path("saleor/", include("catalog_sync.app.urls")),
]
# Vietnamese at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("", include("storefront.urls")),
    path("", include("storefront.buying.urls")),
    prefix_default_language=False,
)
