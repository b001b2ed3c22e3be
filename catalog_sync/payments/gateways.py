"""The payment gateways of this store, one per payment method (``data.paymentMethod``).

A new gateway is a subpackage (``catalog_sync/payments/<company>/``) with a class following
``protocol.PaymentGateway``, listed here; its models are imported by ``catalog_sync.payments.models``.
"""

from __future__ import annotations

from .payos.gateway import PayosGateway
from .protocol import PaymentGateway
from .stripe.gateway import StripeGateway

GATEWAYS: tuple[PaymentGateway, ...] = (StripeGateway(), PayosGateway())
METHODS = tuple(gateway.method for gateway in GATEWAYS)


def by_method(method: object) -> PaymentGateway | None:
    """The gateway serving ``data.paymentMethod`` (None for a method no gateway serves, e.g. ``cod``)."""
    return next((gateway for gateway in GATEWAYS if gateway.method == method), None)


def by_name(name: str) -> PaymentGateway | None:
    """The gateway whose company is ``name`` (its inbound webhook ``/saleor/<name>/<channel>/``)."""
    return next((gateway for gateway in GATEWAYS if gateway.name == name), None)


def owner(transaction_id: str) -> PaymentGateway | None:
    """The gateway that started the payment of this Saleor transaction (None: not a payment of this store)."""
    return next((gateway for gateway in GATEWAYS if gateway.owns(transaction_id)), None)
