"""Answers to Saleor's synchronous payment webhooks (the signature is checked before these run).

The transaction's payment method picks the gateway (``gateways.py``): ``data.paymentMethod`` when a
payment starts (``card`` → Stripe), then the gateway that started it for processing it and for each
charge, refund or cancel request. A request for a transaction no gateway of this store started is
refused (by Saleor's transaction id, never by the ``pspReference`` it names, which another app's
transaction could carry). A charge, refund or cancel request delivered twice is answered twice from
the first answer (recorded here, whichever gateway gave it), and the gateway is asked once.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.db import transaction

from . import gateways
from .models import ActionAnswer
from .money import amount_text
from .payloads import ActionRequest, GatewayRequest, PayloadError, SessionRequest, parse
from .protocol import Answer, PaymentGateway

log = logging.getLogger(__name__)

DEFAULT_METHOD = "card"  # a gateway initialize without data (Stripe.js asks for the publishable key)


def answer(api_url: str, payload: Any, body: bytes) -> dict[str, Any]:
    """The JSON answer to one verified delivery."""
    request = parse(payload)
    if isinstance(request, GatewayRequest):
        return gateway_initialize(request, payload.get("data"))
    if isinstance(request, SessionRequest):
        if request.kind == "initialize":
            return initialize(api_url, request)
        return process(request)
    if isinstance(request, ActionRequest):
        return act(request, hashlib.sha256(body).hexdigest())
    raise PayloadError(f"{payload.get('__typename')} is not a payment event this app answers")


def _method(data: Any, default: str | None = None) -> Any:
    return data.get("paymentMethod", default) if isinstance(data, dict) else default


def _methods_text() -> str:
    return " or ".join(f'"{method}"' for method in gateways.METHODS)


def gateway_initialize(request: GatewayRequest, data: Any) -> Answer:
    gateway = gateways.by_method(_method(data, DEFAULT_METHOD))
    if gateway is None:
        return {"data": {"error": f"data.paymentMethod must be {_methods_text()}"}}
    return gateway.gateway_initialize(request)


def _failure(request: SessionRequest, message: str) -> Answer:
    prefix = "AUTHORIZATION" if request.flow == "AUTHORIZATION" else "CHARGE"
    return {"result": f"{prefix}_FAILURE", "amount": amount_text(request.amount, request.currency),
            "message": message[:500],
            **({"pspReference": request.psp_reference} if request.psp_reference else {})}


def initialize(api_url: str, request: SessionRequest) -> Answer:
    gateway = gateways.by_method(_method(request.data))
    if gateway is None:
        return _failure(request, f"data.paymentMethod must be {_methods_text()}")
    return gateway.initialize(api_url, request)


def process(request: SessionRequest) -> Answer:
    """By the gateway that started the transaction's payment (or, when none did, the one the data names)."""
    gateway: PaymentGateway | None = gateways.owner(request.transaction_id)
    gateway = gateway or gateways.by_method(_method(request.data, DEFAULT_METHOD))
    if gateway is None:
        return _failure(request, f"data.paymentMethod must be {_methods_text()}")
    return gateway.process(request)


def act(request: ActionRequest, digest: str) -> Answer:
    """A charge, refund or cancel Saleor asks for; answered once, repeated from the record."""
    prefix = {"charge": "CHARGE", "refund": "REFUND", "cancel": "CANCEL"}[request.kind]
    with transaction.atomic():
        done = ActionAnswer.objects.filter(digest=digest).first()
        if done is not None:
            return dict(done.answer)
        gateway = gateways.owner(request.transaction_id)
        if gateway is None:
            log.warning("%s request refused: transaction %s (pspReference %r) is not a card payment of this store",
                        request.kind, request.transaction_id[:100], request.psp_reference[:100])
            refused = {"result": f"{prefix}_FAILURE", "amount": amount_text(request.amount, request.currency),
                       "message": "no card payment of this store is behind this transaction"}
            ActionAnswer.objects.create(digest=digest, transaction_id=request.transaction_id[:255], answer=refused)
            return refused
        reply = getattr(gateway, request.kind)(request, digest)
        ActionAnswer.objects.create(digest=digest, transaction_id=request.transaction_id, answer=reply)
        return reply


def earlier_answer(body: bytes) -> dict[str, Any] | None:
    """The answer given to this very charge, refund or cancel request before (None for any other body)."""
    done = ActionAnswer.objects.filter(digest=hashlib.sha256(body).hexdigest()).first()
    return dict(done.answer) if done is not None else None
