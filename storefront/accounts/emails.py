"""Saleor's account emails, sent by the web service: ``POST /saleor/account-emails/``.

Saleor 3.23 sends no email itself without a plugin; it emits ``ACCOUNT_CONFIRMATION_REQUESTED`` (after
``accountRegister``, when the shop asks for email confirmation) and ``ACCOUNT_SET_PASSWORD_REQUESTED``
(after ``requestPasswordReset``) to apps subscribed to them. The app's manifest subscribes this endpoint;
each delivery is checked like the catalogue's (Saleor's JWS over the body, the Saleor we are installed
in, ``APP_WEBHOOK_MAX_AGE``, each body once), then the email goes out with Django's mail in the
customer's language (Vietnamese, or English for ``EN``). The link is built on ``PUBLIC_URL`` with our own
path, never with a host taken from the payload. A delivery whose email cannot be sent answers 502 and
is not marked handled, so Saleor sends it again.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpRequest, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from catalog_sync.app import signatures
from catalog_sync.app.models import HandledDelivery, Installation

from .common import public_url

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
KINDS = {  # Saleor's event type -> the page the link opens, the email's template
    "AccountConfirmationRequested": ("accounts:confirm", "confirm"),
    "AccountSetPasswordRequested": ("accounts:set-password", "set_password"),
}


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": {"message": message}}, status=status)


def account_link(view: str, language: str, email: str, token: str) -> str:
    with translation.override(language):
        path = reverse(view)
    return f"{public_url(path)}?{urlencode({'email': email, 'token': token})}"


def send_account_email(kind: str, email: str, token: str, language: str, name: str = "") -> None:
    view, template = KINDS[kind]
    link = account_link(view, language, email, token)
    with translation.override(language):
        context = {"link": link, "name": name, "email": email}
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{template}.txt", context)
    send_mail(subject, body, None, [email])


@csrf_exempt
@require_POST
def account_emails(request: HttpRequest) -> JsonResponse:
    if len(request.body) > MAX_BODY_BYTES:
        return _error("the payload is too large", 413)
    installation = Installation.objects.for_api_url(request.headers.get("Saleor-Api-Url", ""))
    if installation is None:
        return _error("this app is not installed in that Saleor", 401)
    try:
        signatures.verify(installation, request.body, request.headers.get("Saleor-Signature", ""))
    except signatures.BadSignature as bad:
        log.warning("account email webhook refused: %s", bad)
        return _error(str(bad), 401)
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError) as bad:
        return _error(f"the payload is not JSON: {bad}", 400)
    kind = payload.get("__typename") if isinstance(payload, dict) else None
    if kind not in KINDS:
        return JsonResponse({"ignored": "not an account email"})
    user, token = payload.get("user"), payload.get("token")
    issued_at = parse_datetime(str(payload.get("issuedAt") or ""))
    if not isinstance(user, dict) or not isinstance(user.get("email"), str) or not isinstance(token, str) \
            or issued_at is None:
        return _error("user.email, token and issuedAt are required", 400)
    if issued_at < timezone.now() - datetime.timedelta(seconds=settings.APP_WEBHOOK_MAX_AGE):
        return JsonResponse({"ignored": "issued too long ago"})
    language = "en" if str(user.get("languageCode") or "").upper().startswith("EN") else "vi"
    try:
        with transaction.atomic():
            HandledDelivery.objects.create(digest=hashlib.sha256(request.body).hexdigest(), event=kind,
                                           issued_at=issued_at)
            send_account_email(kind, user["email"], token, language, str(user.get("firstName") or ""))
    except IntegrityError:
        return JsonResponse({"ignored": "already handled"})
    except OSError as failed:  # SMTP down: Saleor delivers again
        log.warning("account email not sent: %s", failed)
        return _error("the email could not be sent", 502)
    return JsonResponse({"sent": kind})
