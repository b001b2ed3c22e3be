"""How large a request body may be, by who sends it: refused with 413 from its ``Content-Length``, unread.

Everyone (visitors, shop customers, the sign-in pages) gets ``REQUEST_MAX_BYTES``; signed-in staff (annex
uploads) and producers in their portal (photos) get ``UPLOAD_REQUEST_MAX_BYTES``; Saleor's webhooks
``WEBHOOK_REQUEST_MAX_BYTES``. A body without a length is not read by Django at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

_PORTAL = re.compile(r"^/(?:en/)?portal/")
_WEBHOOKS = "/saleor/"


def body_limit(request: HttpRequest) -> int:
    user = request.user
    if user.is_authenticated and user.is_active and (user.is_staff or _PORTAL.match(request.path_info)):
        return settings.UPLOAD_REQUEST_MAX_BYTES
    if request.path_info.startswith(_WEBHOOKS):
        return settings.WEBHOOK_REQUEST_MAX_BYTES
    return settings.REQUEST_MAX_BYTES


class RequestSizeMiddleware:
    """After authentication (it needs the user), before anything reads the body (CSRF's check, the view)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body for a length it cannot parse
        limit = body_limit(request)
        if length > limit:
            return HttpResponse(
                _("The request is too large: at most %(size)s MB.") % {"size": _megabytes(limit)},
                status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}"
