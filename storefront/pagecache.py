"""Whole shop pages for anonymous visitors, kept until the catalogue changes.

A page is kept under its full address (scheme, host, path and query), the page's language,
whether Saleor answers (the notice that prices may be out of date) and the catalogue's version
(``catalog_sync.catalogue.cache``): any write to the read model gives a new version, so a
withdrawn product leaves every kept page at once (within the version's one-second memory).

Only what is the same for every visitor is kept: GET requests without a session or messages
cookie, answered 200, setting no cookie, using no CSRF token, not marked ``no-store`` or
``private`` (pages served from the last remembered read). The middlewares around the views add
the security headers (CSP, nosniff, frame options), ``Vary`` and ``Content-Language`` to every
answer, kept or fresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse

from catalog_sync.app.health import saleor_unreachable
from catalog_sync.catalogue import cache
from catalog_sync.showcases import schedule

from .pages import language

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class KeptPage:
    status: int
    content: bytes
    headers: tuple[tuple[str, str], ...]

    def response(self) -> HttpResponse:
        return HttpResponse(self.content, status=self.status, headers=dict(self.headers))


def same_for_everyone(request: HttpRequest) -> bool:
    """A GET from a visitor without a session or pending messages: nothing on the page is theirs."""
    return request.method == "GET" and not any(
        name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    )


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
        and not (hasattr(request, "session") and request.session.modified)
        and "no-store" not in control
        and "private" not in control
    )


def _showcase_period() -> int:
    """Pages are kept per stretch between two showcase starts or ends: none outlives a showcase's end."""
    try:
        return schedule.period()
    except Exception:
        return -1


def kept_page(view: View) -> View:
    """Serve ``view``'s page from the cache when it may be, and keep it when it may be."""

    @wraps(view)
    def serve(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not same_for_everyone(request):
            return view(request, *args, **kwargs)
        saleor_down = saleor_unreachable()
        rendered: list[HttpResponse] = []

        def render() -> KeptPage | None:
            response = view(request, *args, **kwargs)
            rendered.append(response)
            if not _keepable(request, response) or saleor_unreachable() != saleor_down:
                return None
            return KeptPage(response.status_code, response.content, tuple(response.headers.items()))

        kept = cache.cached(("page", request.build_absolute_uri(), language(), saleor_down, _showcase_period()), render,
                            keep=lambda page: page is not None)
        if rendered:
            return rendered[0]
        assert kept is not None
        return kept.response()

    return serve
