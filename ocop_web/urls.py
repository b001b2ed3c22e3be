from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from catalog_sync.app.refunds import vietqr_refunds
from catalog_sync.payouts.webhooks import order_money_webhook
from catalog_sync.registry import converters as _converters  # noqa: F401  (registers <certificate_id:>)
from portal.views.orders import order_webhook
from portal.views.staff import invite_producer
from portal.views.staff_sign_in import staff_security, staff_sign_in, staff_sign_in_code
from storefront.accounts.emails import account_emails
from storefront.showcase import showcase_preview

urlpatterns: list[URLPattern | URLResolver] = [
    # on the registry's staff pages; the portal's (the registry never imports the portal)
    path("registry/certificates/<certificate_id:certificate_id>/invite/", invite_producer, name="portal-invite"),
    path("registry/", include("catalog_sync.registry.urls")),
    # a showcase's shop page as it will look, for staff (the storefront's; curation never imports the shop)
    path("staff/showcases/<int:pk>/preview/", showcase_preview, name="showcase-preview"),
    path("staff/showcases/", include("catalog_sync.showcases.urls")),
    path("staff/payouts/", include("catalog_sync.payouts.urls")),
    # staff sign in here (throttled, with the optional second factor), never at the admin's own view
    path("admin/login/", staff_sign_in, name="staff-sign-in"),
    path("admin/login/code/", staff_sign_in_code, name="staff-sign-in-code"),
    path("staff/security/", staff_security, name="staff-security"),
    path("staff/refunds/vietqr/", vietqr_refunds, name="vietqr-refunds"),
    path("admin/", admin.site.urls),
    path("saleor/account-emails/", account_emails, name="saleor-account-emails"),  # the app's account emails
    path("saleor/order-lines/", order_webhook, name="saleor-order-lines"),  # producers told of their new lines
    path("saleor/payouts/orders/", order_money_webhook, name="saleor-payouts-orders"),  # the payouts ledger
    path("saleor/", include("catalog_sync.app.urls")),
]
# Vietnamese at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("portal/", include("portal.urls")),
    path("", include("storefront.urls")),
    path("", include("storefront.buying.urls")),
    path("", include("storefront.accounts.urls")),
    prefix_default_language=False,
)
