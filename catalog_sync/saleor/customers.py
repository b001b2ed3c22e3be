"""Customer accounts through Saleor: register, confirm, sign in and refresh (Saleor's JWT pair), password
reset, the signed-in customer's own orders and addresses, and one order looked up by number (app token).

The customer's tokens are passed in by the caller and never leave the server. ``AccountRefused`` carries
Saleor's errors (field, code) for the pages to show next to the field they concern. Every total is Saleor's.
"""

from __future__ import annotations

import base64
import datetime
import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import spec
from .client import SaleorClient, SaleorError, SaleorResponseError
from .shopping import Money, OrderLine, _money

if TYPE_CHECKING:
    from .generated import Client

ORDERS_SHOWN = 50  # the newest orders on the account page


class AccountRefused(SaleorError):
    """Saleor refused an account mutation: ``errors`` as ``(field, code)`` pairs."""

    def __init__(self, mutation: str, errors: list[tuple[str | None, str]]):
        self.mutation = mutation
        self.errors = errors
        super().__init__(f"{mutation} refused: " + "; ".join(f"{field}: {code}" for field, code in errors))

    @property
    def codes(self) -> set[str]:
        return {code for _field, code in self.errors}


class TokenExpired(SaleorError):
    """The customer's access token is no longer accepted (expired, or every token was deactivated)."""


@dataclass(frozen=True)
class Tokens:
    access: str
    refresh: str


@dataclass(frozen=True)
class CustomerAddress:
    id: str
    name: str
    phone: str
    street: str
    ward: str
    province: str
    country: str


@dataclass(frozen=True)
class CustomerOrder:
    id: str
    number: str
    created: datetime.datetime
    status: str  # Saleor's OrderStatus: UNFULFILLED, FULFILLED, CANCELED…
    email: str
    total: Money
    subtotal: Money
    shipping_price: Money
    ships: bool
    lines: tuple[OrderLine, ...]
    shipping_address: CustomerAddress | None = None


@dataclass(frozen=True)
class Account:
    email: str
    name: str
    addresses: tuple[CustomerAddress, ...]
    default_address_id: str | None
    orders: tuple[CustomerOrder, ...]
    order_count: int


def token_expires_at(token: str) -> float | None:
    """The ``exp`` of a JWT, read without checking its signature (only to decide when to refresh)."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return float(claims["exp"])
    except (IndexError, ValueError, KeyError, TypeError):
        return None


def fresh(token: str, margin: float = 30.0) -> bool:
    """False when the token says it expires within ``margin`` seconds; a token that says nothing is left to
    Saleor to judge (``TokenExpired`` then)."""
    expires = token_expires_at(token)
    return expires is None or expires > time.time() + margin


def _errors[P](mutation: str, payload: P | None) -> P:
    """The payload, or ``AccountRefused`` with its errors (``SaleorResponseError`` when there is none)."""
    if payload is None:
        raise SaleorResponseError(f"{mutation}: Saleor returned nothing")
    errors = [(e.field, str(getattr(e.code, "value", e.code))) for e in getattr(payload, "errors", None) or []]
    if errors:
        raise AccountRefused(mutation, errors)
    return payload


def _address(node: Any) -> CustomerAddress:
    name = " ".join(part for part in (node.first_name, node.last_name) if part)
    return CustomerAddress(node.id, name, node.phone or "", " ".join(
        part for part in (node.street_address_1, node.street_address_2) if part), node.city, node.country_area,
        node.country.code)


def order_from(node: Any) -> CustomerOrder:
    return CustomerOrder(
        id=node.id, number=node.number, created=node.created, status=str(getattr(node.status, "value", node.status)),
        email=node.user_email or "", total=_money(node.total), subtotal=_money(node.subtotal),
        shipping_price=_money(node.shipping_price), ships=node.is_shipping_required,
        lines=tuple(OrderLine(line.product_name, line.variant_name, line.quantity, _money(line.unit_price),
                              _money(line.total_price)) for line in node.lines),
        shipping_address=_address(node.shipping_address) if node.shipping_address else None,
    )


def _expired(error: SaleorResponseError) -> bool:
    text = str(error)
    return any(word in text for word in ("ExpiredSignatureError", "Signature has expired", "InvalidTokenError",
                                         "DecodeError", "Invalid token"))


class Customers:
    """Account operations in channel ``ocop-vn``; ``token`` arguments are the customer's access token."""

    def __init__(self, client: SaleorClient, channel: str = spec.CHANNEL_SLUG):
        from .generated import enums, input_types

        self.client = client
        self.channel = channel
        self.enums = enums
        self.inputs = input_types

    def _as(self, token: str | None, headers: dict[str, str] | None = None) -> Client:
        from .generated import Client

        auth = {"Authorization": f"Bearer {token}"} if token else {}
        operations = Client(url=self.client.url, headers={**auth, **(headers or {})}, http_client=self.client.http)
        operations.raise_mutation_errors = False
        return operations

    def register(self, email: str, password: str, name: str, redirect_url: str, language: str) -> bool:
        """A new account; True when Saleor asks the customer to confirm their email first.

        Saleor answers the same whether or not the email is already registered (no account enumeration).
        """
        payload = self._as(None).customer_register(input=self.inputs.AccountRegisterInput(
            email=email, password=password, firstName=name, redirectUrl=redirect_url, channel=self.channel,
            languageCode=self.enums.LanguageCodeEnum.EN if language == "en" else self.enums.LanguageCodeEnum.VI,
        )).account_register
        payload = _errors("accountRegister", payload)
        return bool(payload.requires_confirmation)

    def confirm(self, email: str, token: str) -> None:
        _errors("confirmAccount", self._as(None).customer_confirm(email=email, token=token).confirm_account)

    def sign_in(self, email: str, password: str, customer_ip: str | None = None) -> Tokens:
        """Saleor's tokens for the customer. Saleor slows down sign-in per client address after a failure
        (``LOGIN_ATTEMPT_DELAYED``); ``customer_ip`` goes as ``X-Forwarded-For``, which Saleor reads first, so
        one customer's failures do not slow down every other customer of this server."""
        headers = {"X-Forwarded-For": customer_ip} if customer_ip else None
        payload = _errors("tokenCreate", self._as(None, headers).customer_token_create(
            email=email, password=password).token_create)
        if not payload.token or not payload.refresh_token:
            raise SaleorResponseError("tokenCreate: Saleor returned no token")
        return Tokens(payload.token, payload.refresh_token)

    def refresh(self, refresh_token: str) -> str:
        """A new access token; ``TokenExpired`` when the refresh token is no longer good."""
        try:
            payload = _errors("tokenRefresh", self._as(None).customer_token_refresh(
                refresh_token=refresh_token).token_refresh)
        except AccountRefused as refused:
            raise TokenExpired(str(refused)) from None
        if not payload.token:
            raise TokenExpired("tokenRefresh: Saleor returned no token")
        return payload.token

    def request_password_reset(self, email: str, redirect_url: str) -> None:
        """Saleor answers the same for an unknown email as for a known one (the page does too)."""
        _errors("requestPasswordReset", self._as(None).customer_password_reset_request(
            email=email, redirect_url=redirect_url, channel=self.channel).request_password_reset)

    def set_password(self, email: str, token: str, password: str) -> None:
        _errors("setPassword", self._as(None).customer_set_password(
            email=email, token=token, password=password).set_password)

    def attach_checkout(self, token: str, checkout_id: str) -> None:
        """The checkout becomes the signed-in customer's (its order then lists under their account)."""
        payload = self._as(token).customer_checkout_attach(id=checkout_id).checkout_customer_attach
        if payload is None:
            raise SaleorResponseError("checkoutCustomerAttach: Saleor returned nothing")
        errors = [(e.field, str(getattr(e.code, "value", e.code))) for e in payload.errors or []]
        if errors:
            raise AccountRefused("checkoutCustomerAttach", errors)

    def _read(self, token: str, read: Any) -> Any:
        try:
            return read(self._as(token))
        except SaleorResponseError as error:
            if _expired(error):
                raise TokenExpired(str(error)) from None
            raise

    def account(self, token: str) -> Account:
        me = self._read(token, lambda ops: ops.customer_me(first=ORDERS_SHOWN)).me
        if me is None:
            raise TokenExpired("me: Saleor does not know this customer any more")
        orders = tuple(order_from(edge.node) for edge in me.orders.edges) if me.orders else ()
        return Account(
            email=me.email, name=" ".join(part for part in (me.first_name, me.last_name) if part),
            addresses=tuple(_address(a) for a in me.addresses),
            default_address_id=me.default_shipping_address.id if me.default_shipping_address else None,
            orders=orders, order_count=(me.orders.total_count or len(orders)) if me.orders else 0,
        )

    def my_order(self, token: str, number: int) -> CustomerOrder | None:
        """The order of that number if it is this customer's; None otherwise (whoever else's it is)."""
        me = self._read(token, lambda ops: ops.customer_my_order(number=number)).me
        if me is None:
            raise TokenExpired("me: Saleor does not know this customer any more")
        edges = me.orders.edges if me.orders else []
        return order_from(edges[0].node) if edges else None


def order_by_number(client: SaleorClient, number: int) -> CustomerOrder | None:
    """One order by its number, read with the client's (app) token: MANAGE_ORDERS. For the guest lookup,
    which shows it only when the email given matches."""
    connection = client.operations().customer_order_by_number(number=number).orders
    edges = connection.edges if connection else []
    return order_from(edges[0].node) if edges else None
