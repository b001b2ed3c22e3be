"""Saleor's account emails, sent by the web service: ``POST /saleor/account-emails/``.

Saleor 3.23 sends no email itself without a plugin; it emits ``ACCOUNT_CONFIRMATION_REQUESTED`` (after
``accountRegister``, when the shop asks for email confirmation) and ``ACCOUNT_SET_PASSWORD_REQUESTED``
(after ``requestPasswordReset``) to apps subscribed to them. The app's manifest subscribes this endpoint;
each delivery is checked like the catalogue's (Saleor's JWS over the body, the Saleor we are installed
in, ``APP_WEBHOOK_MAX_AGE``, each body once), then the email goes out through the notification room
(``catalog_sync.notify``, event ``AccountEmail``) in the customer's language (Vietnamese, or English for
``EN``). The link is built on ``PUBLIC_URL`` with our own path, never with a host taken from the payload.
A delivery whose email cannot be sent answers 502 and is not marked handled, so Saleor sends it again.
"""

from __future__ import annotations

import logging
from typing import Literal

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from catalog_sync import notify
from catalog_sync.app import deliveries

from .common import public_url

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
KINDS: dict[str, tuple[str, Literal["confirm", "set_password"]]] = {  # Saleor's event type -> page, purpose
    "AccountConfirmationRequested": ("accounts:confirm", "confirm"),
    "AccountSetPasswordRequested": ("accounts:set-password", "set_password"),
}


def account_link(view: str, language: str, email: str, token: str) -> str:
    with translation.override(language):
        path = reverse(view)
    return f"{public_url(path)}?{urlencode({'email': email, 'token': token})}"


def send_account_email(kind: str, email: str, token: str, language: str, name: str = "") -> None:
    view, purpose = KINDS[kind]
    notify.send(notify.events.AccountEmail(
        recipients=(notify.Recipient(email, (language,)),), purpose=purpose,
        link=account_link(view, language, email, token), name=name))


@csrf_exempt
@require_POST
def account_emails(request: HttpRequest) -> JsonResponse:
    payload, refused = deliveries.signed_json(request, MAX_BODY_BYTES, "account email webhook")
    if refused is not None:
        return refused
    kind = payload.get("__typename") if isinstance(payload, dict) else None
    if kind not in KINDS:
        return JsonResponse({"ignored": "not an account email"})
    user, token = payload.get("user"), payload.get("token")
    issued_at = parse_datetime(str(payload.get("issuedAt") or ""))
    if not isinstance(user, dict) or not isinstance(user.get("email"), str) or not isinstance(token, str) \
            or issued_at is None:
        return deliveries.error("user.email, token and issuedAt are required", 400)
    if deliveries.too_old(issued_at):
        return JsonResponse({"ignored": "issued too long ago"})
    language = "en" if str(user.get("languageCode") or "").upper().startswith("EN") else "vi"
    try:
        with deliveries.first_time(request.body, kind, issued_at):
            send_account_email(kind, user["email"], token, language, str(user.get("firstName") or ""))
    except deliveries.AlreadyHandled:
        return JsonResponse({"ignored": "already handled"})
    except OSError as failed:  # SMTP down: Saleor delivers again
        log.warning("account email not sent: %s", failed)
        return deliveries.error("the email could not be sent", 502)
    return JsonResponse({"sent": kind})
