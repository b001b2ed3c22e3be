"""What every webhook endpoint of the app does before its own work: bound the body, check that Saleor signed it
for an installation of ours, parse it, drop stale deliveries and deliveries already handled."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import logging
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from . import signatures
from .models import HandledDelivery, Installation

log = logging.getLogger(__name__)


class AlreadyHandled(Exception):
    """The same delivery (the same signed body) was handled before."""


def error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": {"message": message}}, status=status)


def refusal(request: HttpRequest, max_bytes: int, what: str = "webhook") -> JsonResponse | None:
    """None when the body is small enough and signed by the Saleor we are installed in; else the answer."""
    if len(request.body) > max_bytes:
        return error("the payload is too large", 413)
    installation = Installation.objects.for_api_url(request.headers.get("Saleor-Api-Url", ""))
    if installation is None:
        log.warning("%s refused: not installed in %r", what, request.headers.get("Saleor-Api-Url", "")[:200])
        return error("this app is not installed in that Saleor", 401)
    try:
        signatures.verify(installation, request.body, request.headers.get("Saleor-Signature", ""))
    except signatures.BadSignature as bad:
        log.warning("%s refused: %s", what, bad)
        return error(str(bad), 401)
    return None


def signed_json(request: HttpRequest, max_bytes: int, what: str) -> tuple[Any, JsonResponse | None]:
    """(the payload, None) for a signed JSON body of ours; (None, the answer) otherwise."""
    refused = refusal(request, max_bytes, what)
    if refused is not None:
        return None, refused
    try:
        return json.loads(request.body), None
    except (ValueError, UnicodeDecodeError) as bad:
        return None, error(f"the payload is not JSON: {bad}", 400)


def too_old(issued_at: datetime.datetime) -> bool:
    return issued_at < timezone.now() - datetime.timedelta(seconds=settings.APP_WEBHOOK_MAX_AGE)


def claim(body: bytes, event: str, issued_at: datetime.datetime) -> bool:
    """Records the delivery inside the caller's transaction; False when the same body was recorded before."""
    try:
        with transaction.atomic():
            HandledDelivery.objects.create(digest=hashlib.sha256(body).hexdigest(), event=event[:80],
                                           issued_at=issued_at)
    except IntegrityError:
        return False
    return True


@contextlib.contextmanager
def first_time(body: bytes, event: str, issued_at: datetime.datetime) -> Iterator[None]:
    """Runs the block once per delivery, in the transaction that records it; raises ``AlreadyHandled`` after."""
    try:
        with transaction.atomic():
            HandledDelivery.objects.create(digest=hashlib.sha256(body).hexdigest(), event=event[:80],
                                           issued_at=issued_at)
            yield
    except IntegrityError:
        raise AlreadyHandled from None


def order_event(request: HttpRequest, max_bytes: int, what: str, events: tuple[str, ...],
                not_ours: str) -> tuple[str | None, JsonResponse | None]:
    """The order id of a signed, fresh, first-time delivery of one of ``events``; else None and the answer
    (a refusal, or 200 with ``{"ignored": not_ours}`` for another event, stale or repeated deliveries)."""
    payload, refused = signed_json(request, max_bytes, what)
    if refused is not None:
        return None, refused
    kind = payload.get("__typename") if isinstance(payload, dict) else None
    if kind not in events:
        return None, JsonResponse({"ignored": not_ours})
    order = payload.get("order")
    order_id = order.get("id") if isinstance(order, dict) else None
    issued_at = parse_datetime(str(payload.get("issuedAt") or ""))
    if not isinstance(order_id, str) or not order_id or issued_at is None:
        return None, error("order.id and issuedAt are required", 400)
    if too_old(issued_at):
        return None, JsonResponse({"ignored": "issued too long ago"})
    try:
        with first_time(request.body, kind, issued_at):
            pass
    except AlreadyHandled:
        return None, JsonResponse({"ignored": "already handled"})
    return order_id, None
