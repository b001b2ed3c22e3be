from django.urls import path

from . import auth, orders

app_name = "accounts"

urlpatterns = [
    path("account/", orders.account, name="account"),
    path("account/orders/<int:number>/", orders.my_order, name="order"),
    path("account/sign-in/", auth.sign_in, name="sign-in"),
    path("account/sign-out/", auth.sign_out, name="sign-out"),
    path("account/register/", auth.register, name="register"),
    path("account/confirm/", auth.confirm, name="confirm"),
    path("account/password/", auth.password_reset, name="password-reset"),
    path("account/password/new/", auth.set_password, name="set-password"),
    path("orders/lookup/", orders.lookup, name="lookup"),
]
