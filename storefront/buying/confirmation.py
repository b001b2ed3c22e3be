"""``/checkout/orders/<number>/``: the order just placed, as Saleor holds it, shown only to the browser that placed it.

The orders cookie (signed) lists the orders this browser placed; any other number is 404, whoever asks.
Totals are Saleor's; the page carries schema.org ``Order`` JSON-LD with ``orderNumber``, ``price`` and
``priceCurrency``.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from catalog_sync.core.formats import money
from catalog_sync.saleor import SaleorError
from catalog_sync.saleor.shopping import PlacedOrder
from storefront.pages import language

from . import session

logger = logging.getLogger(__name__)


def plain_number(amount: Decimal) -> str:
    """``Decimal("530000.0")`` -> ``"530000"``; ``Decimal("12.50")`` -> ``"12.5"``: exactly Saleor's amount."""
    text = format(amount, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def order_jsonld(order: PlacedOrder, url: str) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "Order",
        "orderNumber": order.number,
        "price": plain_number(order.total.amount),
        "priceCurrency": order.total.currency,
        "url": url,
        "seller": {"@type": "Organization", "name": "OCOP Market"},
        "acceptedOffer": [
            {"@type": "Offer", "itemOffered": {"@type": "Product", "name": line.product_name},
             "price": plain_number(line.unit_price.amount), "priceCurrency": line.unit_price.currency,
             "eligibleQuantity": {"@type": "QuantitativeValue", "value": line.quantity}}
            for line in order.lines
        ],
    }


@require_GET
def order_page(request: HttpRequest, number: int) -> HttpResponse:
    order_id = session.placed_orders(request).get(str(number))
    if order_id is None:
        raise Http404("no such order placed from this browser")
    try:
        order = session.shop().order(order_id)
    except SaleorError as error:
        logger.exception("order page: Saleor did not answer: %s", error)
        return render(request, "buying/unavailable.html", status=503)
    if order is None or order.number != str(number):
        raise Http404("no such order")
    lang = language()
    lines = [(line, money(line.unit_price.amount, line.unit_price.currency, lang),
              money(line.total.amount, line.total.currency, lang)) for line in order.lines]
    return render(request, "buying/confirmation.html", {
        "order": order,
        "lines": lines,
        "subtotal": money(order.subtotal.amount, order.subtotal.currency, lang),
        "shipping_price": money(order.shipping_price.amount, order.shipping_price.currency, lang),
        "total": money(order.total.amount, order.total.currency, lang),
        "order_jsonld": order_jsonld(order, request.build_absolute_uri()),
    })
