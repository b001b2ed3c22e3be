"""A test-only URL conf: one view remembers an order in the orders cookie, one reads the cookie back."""

from types import SimpleNamespace

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path

from storefront.buying import session


def place(request: HttpRequest) -> HttpResponse:
    response = HttpResponse("placed")
    order = SimpleNamespace(id=request.GET["id"], number=request.GET["number"])  # what the cookie keeps of one
    session.remember_order(request, response, order)  # type: ignore[arg-type]
    session.keep_payment_attempt(response, "Q2hlY2tvdXQ6MQ==", 2)
    return response


def mine(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"orders": session.placed_orders(request),
                         "attempt": session.payment_attempt(request, "Q2hlY2tvdXQ6MQ==")})


urlpatterns = [path("place/", place), path("mine/", mine)]
