"""``/checkout/``: one page, one form, and a working order with JavaScript off (cash on delivery).

On submit, two requests to Saleor: ONE document with the email, the address (goods; also the billing
address) and the delivery method, or the shopper's name and phone (services only: no address and no
delivery), its mutations run by Saleor in order; then ``checkoutComplete`` into an unpaid order (cash on
delivery), holding the stock lock of each product in it (stocklock.py), or the shopper goes on to pay by
card (``/checkout/pay/``, card.py). The cart is the one Saleor last answered (known.py); lines withdrawn
from the read model leave it first, and Saleor's fresh answer to the details is checked again (a line it
stopped selling leaves, and nothing is placed then). Saleor's errors come back next to the field they
concern, each mutation's read from its own part of the answer. Every price shown is Saleor's.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from catalog_sync.core.formats import money
from catalog_sync.saleor import SaleorError
from catalog_sync.saleor.shopping import Cart, CheckoutRefused, Shop
from storefront.pages import language

from . import known, session, stocklock
from .cart import current_cart, line_views, prune_withdrawn
from .forms import PAYMENT_CARD, PAYMENT_COD, PAYMENT_VIETQR, CheckoutForm
from .refusals import Placed, busy, place

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
        cart, removed = current_cart(request, shop, known=request.method == "POST")
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


def _deliver(shop: Shop, cart: Cart, form: CheckoutForm) -> Cart:
    """The form's email, address and delivery method in one request to Saleor (two when the method is
    known only once Saleor has the address, i.e. the first order to a province for a while)."""
    data, address = form.cleaned_data, form.address()
    method = data.get("shipping_method") or ""
    if not method:
        offered = known.delivery(shop.channel, address.province)
        method = offered[0].id if len(offered) == 1 else ""
        guessed = bool(method)
    else:
        guessed = False
    try:
        cart = shop.deliver_to(cart.id, data["email"], address, method or None)
    except CheckoutRefused as refused:
        if not guessed or set(refused.parts) != {"checkoutDeliveryMethodUpdate"}:
            raise
        known.forget_delivery(shop.channel, address.province)  # Saleor no longer offers it there
        cart = shop.deliver_to(cart.id, data["email"], address, None)
    known.remember_delivery(shop.channel, address.province, cart.shipping_options)
    return cart


def _place(request: HttpRequest, shop: Shop, cart: Cart) -> HttpResponse:
    """``cart``: as Saleor last answered it; Saleor's answer to the form's details is checked again."""
    form = _form(request, cart, request.POST)
    if not form.is_valid():
        return _render(request, cart, form, status=400)
    data = form.cleaned_data
    try:
        if cart.ships:
            cart = _deliver(shop, cart, form)
            options = {option.id for option in cart.shipping_options}
            if cart.shipping_method_id not in options:
                if len(options) != 1:  # the methods are known once Saleor has the address: let the shopper pick
                    form = _form(request, cart, request.POST)
                    form.is_valid()
                    form.add_error("shipping_method", _("Choose a delivery method."))
                    return _render(request, cart, form, status=400)
                cart = shop.set_delivery(cart.id, next(iter(options)))
        else:
            cart = shop.contact(cart.id, data["email"], data["name"], data["phone"])
        cart, removed = prune_withdrawn(request, shop, cart)
        if removed:  # Saleor stopped selling a line meanwhile: nothing is placed
            return _render(request, cart, _form(request, cart, request.POST), status=409)
        if data["payment_method"] in (PAYMENT_CARD, PAYMENT_VIETQR):
            response = redirect("buying:pay")
            response.status_code = 303
            session.keep_payment_attempt(response, cart.id, session.payment_attempt(request, cart.id),
                                         data["payment_method"])
            return response
        with stocklock.variants_locked(line.variant_id for line in cart.lines):
            order = shop.complete(cart.id)
    except stocklock.StockBusy:
        # Others held the product's stock all the while: what Saleor says is left now (one read) decides
        # between "hết hàng" beside the line and "try again in a moment".
        now = shop.cart(cart.id) or cart
        placed = busy(now)
        return _render(request, now, _form(request, now, request.POST), placed,
                       status=409 if placed.general else 400)
    except CheckoutRefused as refused:
        fresh = shop.cart(cart.id)
        if fresh is None:  # completed or expired meanwhile (the shop knew it from an earlier answer)
            known.forget(cart.id)
            messages.info(request, _("Your cart is empty."))
            return redirect("buying:cart")
        return _render(request, fresh, _form(request, fresh, request.POST), place(refused.refusals, fresh),
                       status=400)
    known.forget(cart.id)
    response = redirect("buying:order", number=int(order.number))
    response.status_code = 303
    session.remember_order(request, response, order)
    session.drop_cart(response)
    return response
