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


def policy_with(extra: Mapping[str, Sequence[str]]) -> str:
    """The site's policy with more sources for some directives, for one page that needs them (a payment
    page's Stripe.js). A directive the site leaves to ``default-src`` starts from ``default-src``'s sources."""
    policy = {directive: list(sources) for directive, sources in settings.CONTENT_SECURITY_POLICY.items()}
    for directive, sources in extra.items():
        merged = policy.setdefault(directive, list(policy.get("default-src", ["'self'"])))
        merged.extend(source for source in sources if source not in merged)
    return policy_header(policy)


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
