from django.urls import path

from .views import auth, listing, orders, pages, payouts, products, security, story

app_name = "portal"

urlpatterns = [
    path("", pages.home, name="home"),
    path("certificates/", pages.certificates, name="certificates"),
    path("products/", pages.products, name="products"),
    path("products/<str:product_id>/", products.product_edit, name="product"),
    path("variants/<str:variant_id>/", pages.variant_edit, name="variant"),
    path("listings/new/", listing.new_listing, name="listing-new"),
    path("orders/", orders.orders, name="orders"),
    path("orders/<int:number>/", orders.order, name="order"),
    path("payouts/", payouts.statements, name="payouts"),
    path("payouts/bank/", payouts.bank, name="payouts-bank"),
    path("payouts/bank/confirm/<str:token>/", payouts.bank_confirm, name="payouts-bank-confirm"),
    path("payouts/<str:month>/", payouts.statement_page, name="payouts-statement"),
    path("payouts/<str:month>.pdf", payouts.statement_pdf, name="payouts-statement-pdf"),
    path("story/", story.story, name="story"),
    path("story/photos/", story.photos, name="story-photos"),
    path("story/photos/change/", story.photo_change, name="story-photo-change"),
    path("security/", security.security, name="security"),
    path("sign-in/", auth.sign_in, name="sign-in"),
    path("sign-in/code/", auth.sign_in_code, name="sign-in-code"),
    path("sign-out/", auth.sign_out, name="sign-out"),
    path("invitation/<str:token>/", auth.invitation, name="invitation"),
    path("password-reset/", auth.PasswordReset.as_view(), name="password-reset"),
    path("password-reset/sent/", auth.PasswordResetSent.as_view(), name="password-reset-sent"),
    path("password-reset/<uidb64>/<token>/", auth.PasswordResetConfirm.as_view(), name="password-reset-confirm"),
    path("password-reset/done/", auth.PasswordResetDone.as_view(), name="password-reset-done"),
]
