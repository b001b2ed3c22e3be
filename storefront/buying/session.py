"""The shopper's side of buying: which Saleor checkout is theirs (a signed cookie) and which orders they placed.

The cart cookie holds the Saleor checkout's id, signed with Django's signing (a shopper cannot point it at
someone else's checkout); the orders cookie the orders this browser placed, so a confirmation page is shown
to no one else. Both are HttpOnly, SameSite=Lax and Secure behind TLS, like the session cookie.
"""

from __future__ import annotations

import json
import threading

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from catalog_sync.saleor import SaleorClient, make_transport
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

_client_lock = threading.Lock()
_clients: dict[str, SaleorClient] = {}


def shop() -> Shop:
    """Buying operations as an anonymous customer, over one pooled client per process."""
    url = settings.SALEOR_API_URL or ""
    with _client_lock:
        client = _clients.get(url)
        if client is None:
            client = _clients[url] = SaleorClient(url, None, transport=make_transport())
    return Shop(client, on_cart=known.remember)


def forget_clients() -> None:
    with _client_lock:
        for client in _clients.values():
            client.close()
        _clients.clear()


def _cookie_options() -> dict:
    return {"httponly": True, "samesite": "Lax", "secure": settings.SESSION_COOKIE_SECURE}


def cart_id(request: HttpRequest) -> str | None:
    value = request.get_signed_cookie(CART_COOKIE, default=None, salt=_CART_SALT, max_age=CART_AGE)
    return value or None


def keep_cart(response: HttpResponse, checkout_id: str) -> None:
    response.set_signed_cookie(CART_COOKIE, checkout_id, salt=_CART_SALT, max_age=CART_AGE, **_cookie_options())


def drop_cart(response: HttpResponse) -> None:
    response.delete_cookie(CART_COOKIE, samesite="Lax")


def placed_orders(request: HttpRequest) -> dict[str, str]:
    """Order number -> Saleor order id, for the orders this browser placed."""
    raw = request.get_signed_cookie(ORDERS_COOKIE, default=None, salt=_ORDERS_SALT, max_age=ORDERS_AGE)
    try:
        pairs = json.loads(raw) if raw else []
        return {str(number): str(order_id) for number, order_id in pairs}
    except (ValueError, TypeError):
        return {}


def remember_order(request: HttpRequest, response: HttpResponse, order: PlacedOrder) -> None:
    orders = [(number, order_id) for number, order_id in placed_orders(request).items() if number != order.number]
    orders = [*orders, (order.number, order.id)][-ORDERS_KEPT:]
    response.set_signed_cookie(ORDERS_COOKIE, json.dumps(orders), salt=_ORDERS_SALT, max_age=ORDERS_AGE,
                               **_cookie_options())



def payment_attempt(request: HttpRequest, checkout_id: str) -> int:
    """How many card payments of this checkout ended in a failure (each retry is a new Saleor transaction)."""
    raw = request.get_signed_cookie(PAYMENT_COOKIE, default=None, salt=_PAYMENT_SALT, max_age=CART_AGE)
    try:
        saved = json.loads(raw) if raw else {}
        return int(saved["attempt"]) if saved.get("checkout") == checkout_id else 0
    except (ValueError, TypeError, KeyError):
        return 0


def keep_payment_attempt(response: HttpResponse, checkout_id: str, attempt: int) -> None:
    response.set_signed_cookie(PAYMENT_COOKIE, json.dumps({"checkout": checkout_id, "attempt": attempt}),
                               salt=_PAYMENT_SALT, max_age=CART_AGE, **_cookie_options())


def drop_payment(response: HttpResponse) -> None:
    response.delete_cookie(PAYMENT_COOKIE, samesite="Lax")
