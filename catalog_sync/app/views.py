"""The app's HTTP endpoints: manifest, registration and webhooks (no CSRF: Saleor signs instead)."""

from __future__ import annotations

import json
import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from catalog_sync.payments import gateways
from catalog_sync.payments import handlers as payment_handlers
from catalog_sync.payments.payloads import PayloadError as PaymentPayloadError
from catalog_sync.payments.protocol import BadSignature, ReportFailed, UnknownChannel
from catalog_sync.registry.withdrawals import record as record_withdrawals

from .deliveries import AlreadyHandled, claim, error, first_time, refusal, too_old
from .events import PayloadError, change_from_payload, issued_at_of, withdrawal_log_from_payload
from .manifest import build_manifest
from .models import Installation, normalise_api_url
from .registration import RegistrationRefused, register

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024


_error = error


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    base = settings.APP_PUBLIC_URL or request.build_absolute_uri("/")
    return JsonResponse(build_manifest(base))


@csrf_exempt
@require_POST
def register_view(request: HttpRequest) -> JsonResponse:
    api_url = request.headers.get("Saleor-Api-Url", "")
    try:
        body = json.loads(request.body[:4096] or b"{}")
    except (ValueError, UnicodeDecodeError):
        return _error("the body is not JSON", 400)
    token = body.get("auth_token") if isinstance(body, dict) else None
    if not isinstance(token, str):
        return _error("auth_token is missing", 400)
    try:
        register(api_url, settings.SALEOR_API_URL or "", token)
    except RegistrationRefused as refused:
        log.warning("app registration refused from %r: %s", api_url[:200], refused)
        return _error(str(refused), refused.status)
    return JsonResponse({"success": True})


@csrf_exempt
@require_POST
def webhook(request: HttpRequest) -> JsonResponse:
    """Verify, deduplicate, queue; the work happens in the worker."""
    refused = refusal(request, MAX_BODY_BYTES)
    if refused is not None:
        return refused
    try:
        payload = json.loads(request.body)
        change = change_from_payload(payload)
        withdrawals = withdrawal_log_from_payload(payload)
    except PayloadError as bad:
        return _error(str(bad), 400)
    except (ValueError, UnicodeDecodeError) as bad:
        return _error(f"the payload is not JSON: {bad}", 400)
    if withdrawals is not None:
        # Recorded whatever its age or however often it comes: each entry is stored once.
        recorded = record_withdrawals(withdrawals.product_id, withdrawals.entries)
        for problem in withdrawals.problems:
            log.warning("withdrawal log of %s: %s (left out)", withdrawals.product_id, problem)
        if recorded:
            log.info("withdrawal log of %s: %d new entries", withdrawals.product_id, recorded)
    if change is None:
        return JsonResponse({"ignored": "not about the catalogue"})
    if too_old(change.issued_at):
        return JsonResponse({"ignored": "issued too long ago"})
    try:
        with first_time(request.body, request.headers.get("Saleor-Event", ""), change.issued_at):
            pass
    except AlreadyHandled:
        return JsonResponse({"ignored": "already handled"})
    from .tasks import refresh_object

    refresh_object.delay(change.kind, change.id, change.issued_at.isoformat(), change.deleted, change.page_type)
    return JsonResponse({"queued": f"{change.kind} {change.id}"})


@csrf_exempt
@require_POST
def payment_webhook(request: HttpRequest) -> JsonResponse:
    """Saleor's synchronous payment webhooks: verified, then answered within Saleor's timeout.

    As the catalogue's: a delivery issued longer than ``APP_WEBHOOK_MAX_AGE`` ago is refused, and each signed
    body is acted on once (a charge, refund or cancel request sent again gets its first answer; any other
    payment webhook sent again is refused)."""
    refused = refusal(request, MAX_BODY_BYTES, "payment webhook")
    if refused is not None:
        return refused
    try:
        payload = json.loads(request.body)
        issued_at = issued_at_of(payload.get("issuedAt") if isinstance(payload, dict) else None)
        if too_old(issued_at):
            log.warning("payment webhook refused: issued at %s, too long ago", issued_at.isoformat())
            return _error("the payment webhook was issued too long ago", 400)
        api_url = normalise_api_url(request.headers.get("Saleor-Api-Url", ""))
        with transaction.atomic():  # the answer and the record that it was given, together
            if claim(request.body, f"payment {payload.get('__typename')}", issued_at):
                return JsonResponse(payment_handlers.answer(api_url, payload, request.body))
        earlier = payment_handlers.earlier_answer(request.body)
        if earlier is not None:
            return JsonResponse(earlier)
        log.warning("payment webhook refused: already handled")
        return _error("the payment webhook was already handled", 409)
    except (PaymentPayloadError, PayloadError) as bad:
        return _error(str(bad), 400)
    except (ValueError, UnicodeDecodeError) as bad:
        return _error(f"the payload is not JSON: {bad}", 400)


def _app_token(api_url: str) -> str | None:
    installation = Installation.objects.for_api_url(api_url)
    return installation.token if installation is not None else None


@csrf_exempt
@require_POST
def gateway_webhook(request: HttpRequest, gateway: str, channel: str) -> JsonResponse:
    """A payment company's own events for a channel (``/saleor/stripe/<channel>/``, ``/saleor/payos/<channel>/``):
    the signature checked with the channel's key, each event once, then reported to Saleor."""
    if len(request.body) > MAX_BODY_BYTES:
        return _error("the payload is too large", 413)
    receiver = gateways.by_name(gateway)
    if receiver is None:
        return _error(f"no payment gateway {gateway}", 404)
    try:
        done = receiver.inbound(channel, request.body, request.headers, _app_token)
    except UnknownChannel as unknown:
        return _error(str(unknown), 404)
    except BadSignature as bad:
        log.warning("%s event refused for %s: %s", gateway, channel, bad)
        return _error(str(bad), 400)
    except ReportFailed as failed:
        log.warning("%s event for %s not handled yet: %s", gateway, channel, failed)
        return _error(str(failed), 502)
    return JsonResponse({"handled": done})
