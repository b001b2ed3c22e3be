"""Saleor's checkout errors as a shopper reads them, next to the field or line they concern.

Saleor words its errors in English; the shop shows its own message for each error code, in
Vietnamese (English under /en/), and keeps Saleor's field so the page can put it in place.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from catalog_sync.saleor.shopping import Cart, Refusal

# Saleor's field names -> the checkout form's
FORM_FIELDS = {
    "email": "email",
    "firstName": "name", "lastName": "name",
    "phone": "phone",
    "streetAddress1": "street", "streetAddress2": "street", "postalCode": "street",
    "city": "ward", "cityArea": "ward",
    "countryArea": "province",
    "shippingMethod": "shipping_method", "deliveryMethodId": "shipping_method", "shipping_method": "shipping_method",
    "shippingAddress": "street", "shipping_address": "street",
    "billingAddress": "name", "billing_address": "name",
}


def message(refusal: Refusal, *, available: int | None = None) -> str:
    code = refusal.code
    if code == "INSUFFICIENT_STOCK":
        if available is not None and available > 0:
            return _("Only %(count)s left in stock.") % {"count": available}
        return _("Out of stock.")
    if code == "QUANTITY_GREATER_THAN_LIMIT":
        return _("That is more than can be bought at once.")
    if code in ("PRODUCT_NOT_PUBLISHED", "UNAVAILABLE_VARIANT_IN_CHANNEL", "PRODUCT_UNAVAILABLE_FOR_PURCHASE",
                "NOT_FOUND"):
        return _("This product is no longer for sale.")
    if code == "ZERO_QUANTITY":
        return _("Enter a quantity of at least 1.")
    if code == "REQUIRED":
        return _("This field is required.")
    if code in ("INVALID", "GRAPHQL_ERROR"):
        return {
            "email": _("Enter a valid email address."),
            "phone": _("Enter a Vietnamese phone number, e.g. 0912 345 678."),
            "city": _("Enter your ward or commune."),
            "countryArea": _("Choose your province."),
            "streetAddress1": _("Enter your street address."),
            "quantity": _("Enter a quantity of at least 1."),
        }.get(refusal.field or "", _("This is not valid."))
    if code == "EMAIL_NOT_SET":
        return _("Enter your email address.")
    if code == "SHIPPING_ADDRESS_NOT_SET":
        return _("Enter a delivery address.")
    if code == "BILLING_ADDRESS_NOT_SET":
        return _("Enter your name and phone number.")
    if code == "SHIPPING_METHOD_NOT_SET":
        return _("Choose a delivery method.")
    if code in ("INVALID_SHIPPING_METHOD", "DELIVERY_METHOD_NOT_APPLICABLE", "SHIPPING_METHOD_NOT_SET"):
        return _("This delivery method is not available for your address.")
    if code == "CHECKOUT_NOT_FULLY_PAID":
        return _("This order must be paid before it can be placed.")
    return _("Our sales system refused this (%(code)s).") % {"code": code}


@dataclass
class Placed:
    """Messages by checkout line, by form field, and those that concern the whole cart."""

    lines: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    fields: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    general: list[str] = field(default_factory=list)


def place(refusals: list[Refusal], cart: Cart | None) -> Placed:
    """Put each refusal next to the cart line (by line or variant) or the form field it concerns."""
    placed = Placed()
    by_variant = {line.variant_id: line for line in cart.lines} if cart else {}
    by_id = {line.id: line for line in cart.lines} if cart else {}
    for refusal in refusals:
        lines = [by_id[i] for i in refusal.lines if i in by_id] + \
                [by_variant[v] for v in refusal.variants if v in by_variant]
        if lines:
            for line in lines:
                placed.lines[line.id].append(message(refusal, available=line.quantity_available))
        elif refusal.field in FORM_FIELDS:
            placed.fields[FORM_FIELDS[refusal.field]].append(message(refusal))
        else:
            placed.general.append(message(refusal))
    return placed


def busy(cart: Cart) -> Placed:
    """After waiting behind others buying the same product (stocklock.StockBusy), the cart as Saleor answers it
    now: each line it can no longer fill says so ("Đã hết hàng.", or how many are left); if every line can
    still be filled, the shopper is asked to try again in a moment."""
    placed = Placed()
    for line in cart.lines:
        left = line.stock_limit if line.stock_limit is not None else line.quantity_available
        if left is not None and left < line.quantity:
            placed.lines[line.id].append(_("Only %(count)s left in stock.") % {"count": left} if left > 0
                                         else _("Out of stock."))
    if not placed.lines:
        placed.general.append(_("Many shoppers are buying this product right now. Try again in a moment."))
    return placed
