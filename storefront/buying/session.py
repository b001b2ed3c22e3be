"""The shopper's side of buying: which Saleor checkout is theirs (a signed cookie) and which orders they placed.

The cart cookie holds the Saleor checkout's id, signed with Django's signing (a shopper cannot point it at
someone else's checkout); the orders cookie the orders this browser placed, so a confirmation page is shown
to no one else. All are HttpOnly, SameSite=Lax and Secure behind TLS, like the session cookie. Structured
values are signed with ``signing.dumps`` (base64url and colons: RFC 6265's cookie characters, which no client
or proxy rewrites); a value in the older format (quoted signed JSON) is still read.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

from catalog_sync.app.clients import SharedClients
from catalog_sync.saleor import make_transport
from catalog_sync.saleor.shopping import PlacedOrder, Shop

from . import known

CART_COOKIE = "ocop_cart"
ORDERS_COOKIE = "ocop_orders"
PAYMENT_COOKIE = "ocop_payment"
_CART_SALT = "ocop.buying.cart"
_ORDERS_SALT = "ocop.buying.orders"
_PAYMENT_SALT = "ocop.buying.payment"
CART_AGE = 30 * 24 * 3600  # Saleor keeps an anonymous checkout about that long
ORDERS_AGE = 90 * 24 * 3600
ORDERS_KEPT = 20

_clients = SharedClients()  # one pooled client per process


def shop() -> Shop:
    """Buying operations as an anonymous customer, over one pooled client per process."""
    url = settings.SALEOR_API_URL or ""
    client = _clients.get(url, transport=make_transport)
    return Shop(client, on_cart=known.remember)


def forget_clients() -> None:
    _clients.forget()


def _cookie_options() -> dict:
    return {"httponly": True, "samesite": "Lax", "secure": settings.SESSION_COOKIE_SECURE}


def cart_id(request: HttpRequest) -> str | None:
    value = request.get_signed_cookie(CART_COOKIE, default=None, salt=_CART_SALT, max_age=CART_AGE)
    return value or None


def keep_cart(response: HttpResponse, checkout_id: str) -> None:
    response.set_signed_cookie(CART_COOKIE, checkout_id, salt=_CART_SALT, max_age=CART_AGE, **_cookie_options())


def drop_cart(response: HttpResponse) -> None:
    response.delete_cookie(CART_COOKIE, samesite="Lax")


def _read(request: HttpRequest, name: str, salt: str, max_age: int) -> Any:
    """The value of a structured cookie, or None (missing, tampered with, too old, unreadable)."""
    raw = request.COOKIES.get(name)
    if not raw:
        return None
    try:
        return signing.loads(raw, salt=f"{salt}.b64", max_age=max_age)
    except (signing.BadSignature, ValueError):
        pass
    legacy = request.get_signed_cookie(name, default=None, salt=salt, max_age=max_age)  # quoted signed JSON
    try:
        return json.loads(legacy) if legacy else None
    except ValueError:
        return None


def _write(response: HttpResponse, name: str, value: Any, salt: str, max_age: int) -> None:
    response.set_cookie(name, signing.dumps(value, salt=f"{salt}.b64", compress=True), max_age=max_age,
                        **_cookie_options())


def placed_orders(request: HttpRequest) -> dict[str, str]:
    """Order number -> Saleor order id, for the orders this browser placed."""
    pairs = _read(request, ORDERS_COOKIE, _ORDERS_SALT, ORDERS_AGE) or []
    try:
        return {str(number): str(order_id) for number, order_id in pairs}
    except (ValueError, TypeError):
        return {}


def remember_order(request: HttpRequest, response: HttpResponse, order: PlacedOrder) -> None:
    orders = [(number, order_id) for number, order_id in placed_orders(request).items() if number != order.number]
    orders = [*orders, (order.number, order.id)][-ORDERS_KEPT:]
    _write(response, ORDERS_COOKIE, orders, _ORDERS_SALT, ORDERS_AGE)



def payment_attempt(request: HttpRequest, checkout_id: str) -> int:
    """How many card payments of this checkout ended in a failure (each retry is a new Saleor transaction)."""
    saved = _read(request, PAYMENT_COOKIE, _PAYMENT_SALT, CART_AGE) or {}
    try:
        return int(saved["attempt"]) if saved.get("checkout") == checkout_id else 0
    except (ValueError, TypeError, KeyError, AttributeError):
        return 0


def keep_payment_attempt(response: HttpResponse, checkout_id: str, attempt: int, method: str = "card") -> None:
    _write(response, PAYMENT_COOKIE, {"checkout": checkout_id, "attempt": attempt, "method": method}, _PAYMENT_SALT,
           CART_AGE)


def payment_method(request: HttpRequest, checkout_id: str) -> str:
    """The way the shopper chose to pay this checkout on the checkout form (``card`` unless ``vietqr``)."""
    saved = _read(request, PAYMENT_COOKIE, _PAYMENT_SALT, CART_AGE) or {}
    method = saved.get("method") if isinstance(saved, dict) and saved.get("checkout") == checkout_id else None
    return "vietqr" if method == "vietqr" else "card"


def drop_payment(response: HttpResponse) -> None:
    response.delete_cookie(PAYMENT_COOKIE, samesite="Lax")
