from django.urls import path

from . import card, cart, checkout, confirmation, vietqr

app_name = "buying"

urlpatterns = [
    path("cart/", cart.cart_page, name="cart"),
    path("checkout/", checkout.checkout_page, name="checkout"),
    path("checkout/pay/", card.pay_page, name="pay"),
    path("checkout/pay/status/", vietqr.status, name="pay-status"),
    path("checkout/orders/<int:number>/", confirmation.order_page, name="order"),
]
