"""The signed-in customer: Saleor's access and refresh tokens, kept in the server-side session only.

Nothing of them reaches a cookie or a page: the session cookie holds Django's session key alone. An
access token about to expire is refreshed with the refresh token before use; when that is refused too
(expired, or the customer signed out everywhere) the customer is signed out here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.middleware.csrf import rotate_token

from catalog_sync.app.clients import SharedClients
from catalog_sync.saleor import SaleorError, make_transport
from catalog_sync.saleor.customers import Customers, TokenExpired, Tokens, fresh

logger = logging.getLogger(__name__)

SESSION_KEY = "ocop_customer"  # {"email", "access", "refresh"}

_clients = SharedClients()  # one client per process: a customer's token travels with each call


def customers() -> Customers:
    """Account operations over one pooled client per process (no app token: the customer's own)."""
    url = settings.SALEOR_API_URL or ""
    client = _clients.get(url, transport=make_transport)
    return Customers(client)


def forget_clients() -> None:
    _clients.forget()


def sign_in(request: HttpRequest, email: str, tokens: Tokens) -> None:
    request.session.cycle_key()  # a new session key at sign-in: no session fixation
    rotate_token(request)  # and a new CSRF token
    request.session[SESSION_KEY] = {"email": email, "access": tokens.access, "refresh": tokens.refresh}


def sign_out(request: HttpRequest) -> None:
    request.session.flush()


def signed_in_email(request: HttpRequest) -> str | None:
    data = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    return data.get("email") if isinstance(data, dict) else None


class NotSignedIn(Exception):
    """No customer is signed in here (any more)."""


def _refreshed(request: HttpRequest, service: Customers) -> str:
    data = request.session[SESSION_KEY]
    try:
        access = service.refresh(data["refresh"])
    except TokenExpired:
        logger.info("customer session ended: Saleor no longer accepts its refresh token")
        sign_out(request)
        raise NotSignedIn from None
    request.session[SESSION_KEY] = {**data, "access": access}
    return access


def access_token(request: HttpRequest, service: Customers | None = None) -> str:
    """The customer's access token, refreshed first when it is about to expire; ``NotSignedIn`` otherwise."""
    data = request.session.get(SESSION_KEY)
    if not isinstance(data, dict):
        raise NotSignedIn
    return data["access"] if fresh(data["access"]) else _refreshed(request, service or customers())


def as_customer[T](request: HttpRequest, action: Callable[[Customers, str], T]) -> T:
    """``action(customers, access_token)`` for the signed-in customer. A token Saleor refuses although it
    looked fresh is refreshed once; ``NotSignedIn`` when there is no customer or Saleor ended the session."""
    service = customers()
    token = access_token(request, service)
    try:
        return action(service, token)
    except TokenExpired:
        token = _refreshed(request, service)
    try:
        return action(service, token)
    except TokenExpired:
        sign_out(request)
        raise NotSignedIn from None


def attach_cart(request: HttpRequest, checkout_id: str) -> None:
    """A cart started while signed in (or before signing in) becomes the customer's in Saleor, so its
    order lists under their account. Nothing happens for a guest."""
    if signed_in_email(request) is None:
        return
    try:
        as_customer(request, lambda service, token: service.attach_checkout(token, checkout_id))
    except NotSignedIn:
        return
    except SaleorError as error:  # already someone's, or gone: the purchase goes ahead as a guest's
        logger.info("cart not attached to the customer: %s", error)
