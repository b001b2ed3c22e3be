"""What a payment gateway of this store does, whichever company moves the money.

The app ``ocop.market`` is one gateway for Saleor's Transactions API; behind it each payment method
(``data.paymentMethod`` of ``transactionInitialize``: ``card``, ``vietqr``) is served by one gateway, a
subpackage of ``catalog_sync.payments`` (``stripe/``, ``payos/``) listed in ``gateways.py``. ``handlers``
parses Saleor's webhook, picks the gateway and records the answers of charge, refund and cancel requests;
the gateway talks to its company and keeps its own records.

Answers are what Saleor's Transactions API reads: ``result`` (a ``TransactionEventTypeEnum`` name),
``pspReference``, ``amount`` (decimal, as Saleor holds it), ``actions``, ``message`` and ``data``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from .payloads import ActionRequest, GatewayRequest, SessionRequest

Answer = dict[str, Any]
TokenFor = Callable[[str], str | None]
"""``token_for(api_url)``: the app's token in that Saleor (None when the app is not installed there)."""


class UnknownChannel(Exception):
    """The gateway is not set up for the channel its webhook names (HTTP 404)."""


class BadSignature(Exception):
    """The gateway's webhook is not signed with the channel's key (HTTP 400); the message never holds a key."""


class ReportFailed(Exception):
    """The gateway or Saleor could not be asked; the event is not marked handled, so it comes again (HTTP 502)."""


class PaymentGateway(Protocol):
    """One payment method's gateway (``method``), with its own inbound webhook ``/saleor/<name>/<channel>/``."""

    method: str  # data.paymentMethod it serves: "card", "vietqr"
    name: str  # the company: "stripe", "payos"

    def gateway_initialize(self, request: GatewayRequest) -> Answer:
        """``PAYMENT_GATEWAY_INITIALIZE_SESSION``: what a storefront needs before starting (public values only)."""
        ...

    def initialize(self, api_url: str, request: SessionRequest) -> Answer:
        """``TRANSACTION_INITIALIZE_SESSION``: start the payment (once per Saleor transaction)."""
        ...

    def owns(self, transaction_id: str) -> bool:
        """Whether this gateway started the payment of that Saleor transaction."""
        ...

    def process(self, request: SessionRequest) -> Answer:
        """``TRANSACTION_PROCESS_SESSION``: the payment's state now (for a transaction this gateway owns)."""
        ...

    def charge(self, request: ActionRequest, digest: str) -> Answer:
        """``TRANSACTION_CHARGE_REQUESTED`` (capture an authorisation); ``digest`` keys the request."""
        ...

    def refund(self, request: ActionRequest, digest: str) -> Answer:
        """``TRANSACTION_REFUND_REQUESTED``."""
        ...

    def cancel(self, request: ActionRequest, digest: str) -> Answer:
        """``TRANSACTION_CANCELATION_REQUESTED``."""
        ...

    def inbound(self, channel_slug: str, body: bytes, headers: Mapping[str, str], token_for: TokenFor) -> str:
        """The company's own signed webhook for a channel: verified, each event once, reported to Saleor.

        Returns what was done (for the HTTP answer); raises UnknownChannel, BadSignature or ReportFailed."""
        ...
