"""The producer's order lines (``/portal/orders/``, ``/portal/orders/<number>/``) and the app's order webhook.

Every page reads the orders from Saleor at the time of the request and keeps the lines Saleor then says are
the producer's; another producer's order (or line, or a number that is no order) answers 404 to every
method, and nothing is sent to Saleor but the read. ``POST /saleor/order-lines/`` is Saleor's signed
ORDER_CREATED / ORDER_CONFIRMED delivery: checked like the other app webhooks, then the web worker reads
the order and emails each producer about their new lines once.
"""

from __future__ import annotations

import logging

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import npgettext, pgettext, pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from catalog_sync.app import deliveries
from catalog_sync.app.clients import app_client
from catalog_sync.saleor import SaleorError, SaleorMutationError
from catalog_sync.saleor import producer_orders as saleor_orders

from ..access import producer_required
from ..listings import NotTheirs
from ..models import ProducerAccount
from ..orders import NothingToShip, ServiceNotShipped, TheirOrder, ship, their_order, their_orders, use
from ..service_lines import GoodsNotCancelled, NothingToCancel, cancel, cancellable

log = logging.getLogger(__name__)



class ShipForm(forms.Form):
    carrier = forms.CharField(label=pgettext_lazy("portal orders", "Carrier"), max_length=60,
                              widget=forms.TextInput(attrs={"autocomplete": "off"}))
    tracking_number = forms.CharField(
        label=pgettext_lazy("portal orders", "Tracking number"), max_length=60, widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}))

    def clean_tracking_number(self) -> str:
        value: str = self.cleaned_data["tracking_number"].strip()
        if any(character.isspace() for character in value):
            raise forms.ValidationError(pgettext("portal orders", "A tracking number has no spaces."), code="spaces")
        return value


def _account(request: HttpRequest) -> ProducerAccount:
    return request.producer_account  # type: ignore[attr-defined]


def _unavailable(request: HttpRequest, account: ProducerAccount) -> HttpResponse:
    return render(request, "portal/orders.html", {
        "producer": account.producer, "orders": [],
        "problem": pgettext("portal orders", "The sales system did not answer. Try again in a moment.")}, status=503)


@never_cache
@require_GET
@producer_required
def orders(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    try:
        with app_client() as client:
            found = their_orders(account, client)
    except SaleorError:
        log.exception("portal orders: Saleor did not answer")
        return _unavailable(request, account)
    return render(request, "portal/orders.html", {"producer": account.producer, "orders": found})


@never_cache
@producer_required
def order(request: HttpRequest, number: int) -> HttpResponse:
    """Ownership first, whatever the method: an order holding none of their lines is 404 to every method."""
    account = _account(request)
    form = ShipForm(request.POST if request.method == "POST" else None)
    problem, status = None, 503
    try:
        with app_client() as client:
            theirs = their_order(account, number, client)
            if request.method not in ("GET", "HEAD", "POST"):
                return HttpResponseNotAllowed(["GET", "POST"])
            if request.method == "POST" and request.POST.get("action") == "use":
                return _use(request, account, number, client)
            if request.method == "POST" and request.POST.get("cancel"):
                return _cancel(request, account, theirs, request.POST["cancel"], client)
            if request.method == "POST" and form.is_valid():
                try:
                    changes = ship(account, number, carrier=form.cleaned_data["carrier"],
                                   tracking_number=form.cleaned_data["tracking_number"],
                                   line_ids=request.POST.getlist("lines"), client=client)
                except NothingToShip:
                    messages.info(request, pgettext("portal orders",
                                                    "Nothing to ship: these lines are already shipped."))
                except ServiceNotShipped:
                    form.add_error(None, pgettext("portal orders", "A tourism service is not shipped: mark it used."))
                    return render(request, "portal/order.html", {"producer": account.producer, "order": theirs,
                                                                 "form": form}, status=400)
                else:
                    messages.success(request, npgettext(
                        "portal orders", "Shipped: %(count)s line, tracking number %(number)s.",
                        "Shipped: %(count)s lines, tracking number %(number)s.", len(changes)) % {
                        "count": len(changes), "number": form.cleaned_data["tracking_number"]})
                return redirect("portal:order", number=number)
    except NotTheirs:
        raise Http404("no such order") from None
    except SaleorMutationError as error:
        problem = pgettext("portal orders", "The sales system refused the shipment: %(reason)s") % {
            "reason": "; ".join(e.message or e.code or "" for e in error.errors)}
        status = 409
    except SaleorError:
        log.exception("portal order %s: Saleor did not answer", number)
        problem = pgettext("portal orders",
                           "The sales system did not answer. Nothing was shipped; try again in a moment.")
    if problem:
        return render(request, "portal/order_problem.html", {"producer": account.producer, "number": number,
                                                              "problem": problem}, status=status)
    return render(request, "portal/order.html", {"producer": account.producer, "order": theirs, "form": form},
                  status=400 if request.method == "POST" else 200)


def _use(request: HttpRequest, account: ProducerAccount, number: int, client) -> HttpResponse:
    """Their chosen tourism-service lines marked used (a service is never shipped)."""
    try:
        changes = use(account, number, line_ids=request.POST.getlist("lines"), client=client)
    except NothingToShip:
        messages.info(request, pgettext("portal orders", "Nothing to mark: these services are already used."))
    else:
        messages.success(request, npgettext("portal orders", "Marked used: %(count)s line.",
                                            "Marked used: %(count)s lines.", len(changes)) % {"count": len(changes)})
    return redirect("portal:order", number=number)


def _cancel(request: HttpRequest, account: ProducerAccount, order: TheirOrder, line_id: str,
            client) -> HttpResponse:
    """A tourism-service line cancelled: first a page to confirm it (saying what the customer gets back), then
    the cancellation. Goods are refused (400); a line already cancelled or used changes nothing."""
    number = order.number
    try:
        line = cancellable(order, line_id)
        if request.POST.get("confirm") != "yes":
            payment = saleor_orders.payment_of(client, order.id)
            return render(request, "portal/order_cancel.html", {
                "producer": account.producer, "order": order, "line": line, "paid": payment.paid,
                "amount": line.unit_price * line.quantity_to_fulfill, "quantity": line.quantity_to_fulfill})
        done = cancel(account, order, line_id, client)
    except GoodsNotCancelled:
        return render(request, "portal/order_problem.html", {
            "producer": account.producer, "number": number,
            "problem": pgettext("portal orders", "Goods are shipped, not cancelled here.")}, status=400)
    except NothingToCancel:
        messages.info(request, pgettext("portal orders",
                                        "Nothing to cancel: this service is already cancelled or used."))
    except SaleorMutationError as error:
        return render(request, "portal/order_problem.html", {
            "producer": account.producer, "number": number,
            "problem": pgettext("portal orders", "The sales system refused the cancellation: %(reason)s") % {
                "reason": "; ".join(e.message or e.code or "" for e in error.errors)}}, status=409)
    else:
        messages.success(request, pgettext("portal orders", "Cancelled: %(product)s. The customer gets the money back.")
                         % {"product": line.product_name} if done.refund else
                         pgettext("portal orders", "Cancelled: %(product)s. Nothing was paid: nothing is owed.")
                         % {"product": line.product_name})
    return redirect("portal:order", number=number)


# Saleor's signed order deliveries (the app's manifest subscribes this endpoint).

MAX_BODY_BYTES = 64 * 1024
ORDER_EVENTS = ("OrderCreated", "OrderConfirmed", "OrderFullyPaid")


@csrf_exempt
@require_POST
def order_webhook(request: HttpRequest) -> JsonResponse:
    order_id, answer = deliveries.order_event(request, MAX_BODY_BYTES, "order webhook", ORDER_EVENTS,
                                              "not about a placed order")
    if answer is not None:
        return answer
    from ..tasks import tell_producers_of_order

    tell_producers_of_order.delay(order_id)
    return JsonResponse({"queued": order_id})
