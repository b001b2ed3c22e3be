"""With ``STAFF_REQUIRE_2FA``, a superuser's session counts only when it was opened with a code: one opened
by the password alone (before the setting, or by any other way in) is ended at its next request."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

VERIFIED = "staff_second_factor_verified"


class SuperuserSecondFactorMiddleware:
    """After authentication: a superuser's session without the code's mark is signed out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if settings.STAFF_REQUIRE_2FA and user.is_authenticated and user.is_superuser \
                and not request.session.get(VERIFIED):
            logout(request)
            return HttpResponseRedirect(f"{settings.LOGIN_URL}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
