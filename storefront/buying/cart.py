"""``/cart/``: the shopper's cart, a live Saleor checkout. Add (from the product page), change quantities,
remove; Saleor's stock limits shown next to each line. Works without JavaScript (forms, then a redirect).

A line whose product was withdrawn — Saleor no longer sells it, or it left the catalogue read model — is
removed with a message naming it, and the rest of the cart is kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from catalog_sync.core.formats import money
from catalog_sync.saleor import SaleorError
from catalog_sync.saleor.shopping import Cart, CartLine, CheckoutRefused, Shop
from storefront import reading
from storefront.accounts.session import attach_cart
from storefront.pages import language

from . import known as known_carts
from . import session
from .refusals import Placed, message, place

logger = logging.getLogger(__name__)
MAX_QUANTITY = 999


@dataclass(frozen=True)
class LineView:
    line: CartLine
    name: str
    variant: str
    unit_price: str
    total: str
    errors: list[str]


def line_name(line: CartLine, lang: str) -> tuple[str, str]:
    if lang == "en":
        return line.product_name_en or line.product_name, line.variant_name_en or line.variant_name
    return line.product_name, line.variant_name


def prune_withdrawn(request: HttpRequest, shop: Shop, cart: Cart) -> tuple[Cart, int]:
    """Remove the lines whose product is no longer for sale, saying which; keep the rest. (cart, lines removed)"""
    try:
        listed = {record.id for record in reading.products(tuple(sorted({ln.product_id for ln in cart.lines}))).value}
    except reading.CatalogueUnavailable:
        listed = {line.product_id for line in cart.lines}  # Saleor alone decides then
    withdrawn = [line for line in cart.lines if not line.available or line.product_id not in listed]
    if not withdrawn:
        return cart, 0
    cart = shop.remove(cart.id, [line.id for line in withdrawn])
    lang = language()
    for line in withdrawn:
        messages.warning(request, _("“%(name)s” is no longer for sale and was removed from your cart.")
                         % {"name": line_name(line, lang)[0]})
    return cart, len(withdrawn)


def current_cart(request: HttpRequest, shop: Shop, *, known: bool = False) -> tuple[Cart | None, int]:
    """The shopper's cart without withdrawn lines (None: none, or Saleor no longer has it); lines removed.

    ``known=True``: the cart as Saleor last answered it (known.py), read only when the shop has none: for
    the steps that change it, whose own request to Saleor brings it back fresh.
    """
    checkout_id = session.cart_id(request)
    if not checkout_id:
        return None, 0
    cart = (known_carts.cart(checkout_id) if known else None) or shop.cart(checkout_id)
    if cart is None:
        return None, 0
    return prune_withdrawn(request, shop, cart) if cart.lines else (cart, 0)


def line_views(cart: Cart, placed: Placed | None = None) -> list[LineView]:
    lang = language()
    views = []
    for line in cart.lines:
        errors = list((placed.lines.get(line.id) if placed else None) or [])
        if line.stock_limit is not None and not errors:
            errors.append(_("Only %(count)s left in stock.") % {"count": line.stock_limit} if line.stock_limit
                          else _("Out of stock."))
        name, variant = line_name(line, lang)
        views.append(LineView(line, name, variant if variant and variant != name else "",
                              money(line.unit_price.amount, line.unit_price.currency, lang),
                              money(line.total.amount, line.total.currency, lang), errors))
    return views


def render_cart(request: HttpRequest, cart: Cart | None, placed: Placed | None = None,
                status: int = 200) -> HttpResponse:
    lang = language()
    context = {
        "cart": cart,
        "lines": line_views(cart, placed) if cart else [],
        "general_errors": placed.general if placed else [],
        "subtotal": money(cart.subtotal.amount, cart.subtotal.currency, lang) if cart else "",
        "max_quantity": MAX_QUANTITY,
    }
    response = render(request, "buying/cart.html", context, status=status)
    if cart is None and session.cart_id(request):
        session.drop_cart(response)
    return response


def _quantity(raw: str | None) -> int | None:
    try:
        value = int((raw or "").strip())
    except ValueError:
        return None
    return value if 0 <= value <= MAX_QUANTITY else None


@require_http_methods(["GET", "HEAD", "POST"])
def cart_page(request: HttpRequest) -> HttpResponse:
    shop = session.shop()
    try:
        if request.method != "POST":
            return render_cart(request, current_cart(request, shop)[0])
        return _change(request, shop)
    except SaleorError as error:
        logger.exception("cart: Saleor did not answer: %s", error)
        return render(request, "buying/unavailable.html", status=503)


def _add(request: HttpRequest, shop: Shop, variant_id: str, quantity: int) -> Cart:
    """One request to Saleor: the line added to the shopper's checkout, or a new checkout with it (none yet, or
    Saleor no longer has it: completed, expired)."""
    checkout_id = session.cart_id(request)
    if checkout_id:
        try:
            return shop.add(checkout_id, variant_id, quantity)
        except CheckoutRefused as refused:
            if not any(r.field == "id" and r.code == "NOT_FOUND" for r in refused.refusals):
                raise
    cart = shop.create(variant_id, quantity, language())
    attach_cart(request, cart.id)  # a signed-in customer's cart is theirs in Saleor
    return cart


def _change(request: HttpRequest, shop: Shop) -> HttpResponse:
    """Add, change a quantity or remove: one request to Saleor (the cart as Saleor last answered it tells
    which lines are the shopper's); the cart is read again only to show a refusal."""
    quantity = _quantity(request.POST.get("quantity"))
    variant_id = request.POST.get("variant", "").strip()
    line_id = request.POST.get("line", "").strip()
    bad_quantity = Placed()
    if variant_id:  # add, from a product page
        if not quantity:
            bad_quantity.general.append(_("Enter a quantity from 1 to %(max)s.") % {"max": MAX_QUANTITY})
            return render_cart(request, current_cart(request, shop)[0], bad_quantity, status=400)
        try:
            added = _add(request, shop, variant_id, quantity)
        except CheckoutRefused as refused:
            shown = current_cart(request, shop)[0]
            return render_cart(request, shown, place(refused.refusals, shown), status=400)
        messages.success(request, _("Added to your cart."))
        response = redirect("buying:cart")
        response.status_code = 303
        session.keep_cart(response, added.id)
        return response
    cart = current_cart(request, shop, known=True)[0]
    if cart is None or line_id not in {line.id for line in cart.lines}:
        messages.warning(request, _("That item is no longer in your cart."))
        return redirect("buying:cart")
    try:
        if request.POST.get("action") == "remove" or quantity == 0:
            cart = shop.remove(cart.id, [line_id])
            messages.success(request, _("Removed from your cart."))
        elif quantity is None:
            bad_quantity.lines[line_id].append(_("Enter a quantity from 1 to %(max)s.") % {"max": MAX_QUANTITY})
            return render_cart(request, cart, bad_quantity, status=400)
        else:
            cart = shop.set_quantity(cart.id, line_id, quantity)
            messages.success(request, _("Your cart was updated."))
    except CheckoutRefused as refused:
        cart = shop.cart(cart.id) or cart  # as it is now, to show the refusal next to its line
        return render_cart(request, cart, _on_line(refused, line_id, cart), status=400)
    response = redirect("buying:cart")
    response.status_code = 303
    return response


def _on_line(refused: CheckoutRefused, line_id: str, cart: Cart) -> Placed:
    """Errors Saleor gives about the quantity without naming a line belong to the line being changed."""
    line = next((line for line in cart.lines if line.id == line_id), None)
    named = [r for r in refused.refusals if r.lines or r.variants]
    placed = place(named, cart)
    for refusal in refused.refusals:
        if refusal not in named:
            placed.lines[line_id].append(message(refusal, available=line.quantity_available if line else None))
    return placed
