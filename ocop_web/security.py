"""The Content-Security-Policy header on every response, and no control characters in paths.

Django 5.2 has no built-in CSP (it arrives in 6.0); the policy is one header built once
from ``settings.CONTENT_SECURITY_POLICY`` (a directive -> sources mapping), so a page that
needs more (a payment script, an image host) extends the setting, not the templates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse


def policy_header(policy: Mapping[str, Sequence[str]]) -> str:
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.header = policy_header(settings.CONTENT_SECURITY_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.header)
        return response


_CONTROL_CHARACTERS = frozenset(map(chr, [*range(0x20), 0x7F]))


class ControlCharacterPathMiddleware:
    """A path holding a control character (``/admin/x/%00/``) names no page: 404.

    PostgreSQL refuses NUL in text, so such a path would otherwise reach a query and fail
    as a server error wherever a view looks the path up (the admin's included).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _CONTROL_CHARACTERS.isdisjoint(request.path_info):
            raise Http404("no page has a control character in its address")
        return self.get_response(request)
