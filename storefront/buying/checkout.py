"""``/checkout/``: one page, one form, and a working order with JavaScript off (cash on delivery).

On submit: the cart is checked again (withdrawn lines leave it, and nothing is placed then), then Saleor
gets the email, the address (goods) or the shopper's name and phone (services only: no address and no
delivery), the delivery method, and completes the checkout into an unpaid order (cash on delivery), or the
shopper goes on to pay by card (``/checkout/pay/``, card.py). Saleor's errors come back next to the field
they concern. Every price shown is Saleor's.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from catalog_sync.saleor import SaleorError
from catalog_sync.saleor.shopping import Cart, CheckoutRefused, Shop
from storefront.formats import money
from storefront.pages import language

from . import session
from .cart import current_cart, line_views
from .forms import PAYMENT_CARD, PAYMENT_COD, CheckoutForm
from .refusals import Placed, place

logger = logging.getLogger(__name__)


def _initial(cart: Cart) -> dict[str, str]:
    initial = {"email": cart.email or "", "payment_method": PAYMENT_COD}
    if cart.shipping_address:
        address = cart.shipping_address
        initial.update({"name": address.name, "phone": address.phone, "street": address.street})
    if cart.shipping_method_id:
        initial["shipping_method"] = cart.shipping_method_id
    return initial


def _render(request: HttpRequest, cart: Cart, form: CheckoutForm, placed: Placed | None = None,
            status: int = 200) -> HttpResponse:
    lang = language()
    if placed:
        for field, errors in placed.fields.items():
            for error in errors:
                if field in form.fields:
                    form.add_error(field, error)
                else:
                    placed.general.append(error)
    return render(request, "buying/checkout.html", {
        "cart": cart,
        "form": form,
        "lines": line_views(cart, placed),
        "general_errors": placed.general if placed else [],
        "subtotal": money(cart.subtotal.amount, cart.subtotal.currency, lang),
        "shipping_price": money(cart.shipping_price.amount, cart.shipping_price.currency, lang),
        "total": money(cart.total.amount, cart.total.currency, lang),
    }, status=status)


def _form(request: HttpRequest, cart: Cart, data=None) -> CheckoutForm:
    return CheckoutForm(data, initial=_initial(cart), ships=cart.ships, shipping_options=cart.shipping_options,
                        language=language())


@require_http_methods(["GET", "HEAD", "POST"])
def checkout_page(request: HttpRequest) -> HttpResponse:
    shop = session.shop()
    try:
        cart, removed = current_cart(request, shop)
        if cart is None or not cart.lines:
            messages.info(request, _("Your cart is empty."))
            return redirect("buying:cart")
        if request.method != "POST":
            return _render(request, cart, _form(request, cart))
        if removed:  # withdrawn just now: nothing is placed, the shopper sees what is left first
            return _render(request, cart, _form(request, cart, request.POST), status=409)
        return _place(request, shop, cart)
    except SaleorError as error:
        logger.exception("checkout: Saleor did not answer: %s", error)
        return render(request, "buying/unavailable.html", status=503)


def _place(request: HttpRequest, shop: Shop, cart: Cart) -> HttpResponse:
    form = _form(request, cart, request.POST)
    if not form.is_valid():
        return _render(request, cart, form, status=400)
    data = form.cleaned_data
    try:
        shop.set_email(cart.id, data["email"])
        if cart.ships:
            address = form.address()
            cart = shop.set_shipping_address(cart.id, address)
            shop.set_billing_address(cart.id, address)
            method = data.get("shipping_method") or ""
            options = {option.id for option in cart.shipping_options}
            if method not in options:
                if len(options) != 1:  # the methods are known once Saleor has the address: let the shopper pick
                    form = _form(request, cart, request.POST)
                    form.is_valid()
                    form.add_error("shipping_method", _("Choose a delivery method."))
                    return _render(request, cart, form, status=400)
                method = next(iter(options))
            if cart.shipping_method_id != method:
                cart = shop.set_delivery(cart.id, method)
        else:
            shop.set_billing_contact(cart.id, data["name"], data["phone"])
        if data["payment_method"] == PAYMENT_CARD:
            response = redirect("buying:pay")
            response.status_code = 303
            return response
        order = shop.complete(cart.id)
    except CheckoutRefused as refused:
        fresh = shop.cart(cart.id) or cart
        return _render(request, fresh, _form(request, fresh, request.POST), place(refused.refusals, fresh),
                       status=400)
    response = redirect("buying:order", number=int(order.number))
    response.status_code = 303
    session.remember_order(request, response, order)
    session.drop_cart(response)
    return response
