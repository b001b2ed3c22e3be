"""``/account/``: the signed-in customer's orders and addresses; ``/account/orders/<n>/``: one of their orders;
``/orders/lookup/``: a guest's order, shown only when both the email and the number match.

Ownership is Saleor's: a customer's orders are read with their own token (``me.orders``), so another
customer's number is simply not found (404). The lookup reads the order with the app's token and shows it
only when its email matches; a wrong number and a wrong email get the same answer. Totals are Saleor's; a
tourism service its producer cancelled says so (``portal.service_lines``, in the web database).
"""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from catalog_sync.core.formats import money
from catalog_sync.saleor import SaleorError
from catalog_sync.saleor.customers import CustomerOrder, order_by_number
from catalog_sync.saleor.shopping import OrderLine
from portal.service_lines import cancelled_in
from storefront.pages import language

from . import session, throttle
from .common import app_client, retry_message, unavailable
from .forms import MAX_ORDER_NUMBER, OrderLookupForm

logger = logging.getLogger(__name__)

STATUSES = {  # Saleor's OrderStatus as the shopper reads it
    "UNCONFIRMED": gettext_lazy("Awaiting confirmation"),
    "UNFULFILLED": gettext_lazy("Being prepared"),
    "PARTIALLY_FULFILLED": gettext_lazy("Partly shipped"),
    "FULFILLED": gettext_lazy("Shipped"),
    "PARTIALLY_RETURNED": gettext_lazy("Partly returned"),
    "RETURNED": gettext_lazy("Returned"),
    "CANCELED": gettext_lazy("Cancelled"),
    "EXPIRED": gettext_lazy("Expired"),
    "DRAFT": gettext_lazy("Draft"),
}


def order_view(order: CustomerOrder) -> dict[str, object]:
    lang = language()
    cancelled = cancelled_in(order.id)  # (product, variant label) of the services their producers cancelled

    def is_cancelled(line: OrderLine) -> bool:
        return (line.product_name, "" if line.variant_name == line.product_name else line.variant_name) in cancelled

    return {
        "order": order,
        "status": STATUSES.get(order.status, order.status),
        "lines": [(line, money(line.unit_price.amount, line.unit_price.currency, lang),
                   money(line.total.amount, line.total.currency, lang),
                   is_cancelled(line))
                  for line in order.lines],
        "subtotal": money(order.subtotal.amount, order.subtotal.currency, lang),
        "shipping_price": money(order.shipping_price.amount, order.shipping_price.currency, lang),
        "total": money(order.total.amount, order.total.currency, lang),
    }


def _to_sign_in(request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse('accounts:sign-in')}?{urlencode({'next': request.get_full_path()})}")


@require_GET
def account(request: HttpRequest) -> HttpResponse:
    try:
        mine = session.as_customer(request, lambda service, token: service.account(token))
    except session.NotSignedIn:
        return _to_sign_in(request)
    except SaleorError as error:
        logger.exception("account page: Saleor did not answer: %s", error)
        return unavailable(request)
    lang = language()
    orders = [(order, STATUSES.get(order.status, order.status), money(order.total.amount, order.total.currency, lang))
              for order in mine.orders]
    return render(request, "accounts/account.html", {"account": mine, "orders": orders})


@require_GET
def my_order(request: HttpRequest, number: int) -> HttpResponse:
    if number > MAX_ORDER_NUMBER:
        raise Http404("no such order")
    try:
        order = session.as_customer(request, lambda service, token: service.my_order(token, number))
    except session.NotSignedIn:
        return _to_sign_in(request)
    except SaleorError as error:
        logger.exception("order page: Saleor did not answer: %s", error)
        return unavailable(request)
    if order is None:
        raise Http404("not one of this customer's orders")
    return render(request, "accounts/order.html", order_view(order))


@require_http_methods(["GET", "HEAD", "POST"])
def lookup(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "accounts/lookup.html", {"form": OrderLookupForm()})
    form = OrderLookupForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/lookup.html", {"form": form}, status=400)
    email, number = form.cleaned_data["email"], form.cleaned_data["number"]
    address, rule = throttle.client_address(request), throttle.limit("lookup")
    when = throttle.retry_at(rule, email, address)
    if when is not None:
        form.add_error(None, retry_message(when))
        return render(request, "accounts/lookup.html", {"form": form}, status=429)
    try:
        order = order_by_number(app_client(), number)
    except SaleorError as error:
        logger.exception("order lookup: Saleor did not answer: %s", error)
        return unavailable(request)
    if order is None or order.email.casefold() != email.casefold():
        throttle.failed(rule, email, address)
        form.add_error(None, _("No order matches this email and order number."))
        return render(request, "accounts/lookup.html", {"form": form}, status=404)
    throttle.succeeded(rule, email, address)
    return render(request, "accounts/order.html", {**order_view(order), "looked_up": True})
