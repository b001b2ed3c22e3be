"""Staff sign in at ``/admin/login/`` (every staff page's sign-in): throttled as the portal is, with the same
counters (per account name and per address), and the producers' optional second factor (TOTP). With
``STAFF_REQUIRE_2FA`` a superuser's password alone never opens a session: the code does, and a superuser
without an authenticator sets one up before the session starts. ``/staff/security/`` turns it on or off."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import REDIRECT_FIELD_NAME, login
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from .. import code_lock, throttle, two_factor
from ..forms import CodeForm
from ..staff_guard import VERIFIED
from .auth import _address, too_many, wait_message

PENDING = "staff_second_factor"
SETUP = "staff_totp_setup"
PENDING_SECONDS = 300


def _next_url(request: HttpRequest) -> str:
    next_url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME) or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()) \
            or not next_url.startswith("/"):
        return reverse("admin:index")
    return next_url


def _must_use_code(user: User) -> bool:
    return two_factor.of_staff(user) is not None or (user.is_superuser and settings.STAFF_REQUIRE_2FA)


def _start_session(request: HttpRequest, user: User) -> None:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def staff_sign_in(request: HttpRequest) -> HttpResponse:
    next_url = _next_url(request)
    if request.method == "GET" and request.user.is_active and request.user.is_staff:
        return redirect(next_url)
    form = AdminAuthenticationForm(request, data=request.POST or None)
    context = {**admin.site.each_context(request), "title": _("Log in"), "app_path": request.get_full_path(),
               "username": "", REDIRECT_FIELD_NAME: next_url}
    if request.method == "POST":
        username, rule = request.POST.get("username", ""), throttle.signin()
        when = throttle.retry_at(rule, username, _address(request))
        if when is not None:
            form = AdminAuthenticationForm(request)
            form.errors["__all__"] = form.error_class([wait_message(when)])
            return too_many(render(request, "admin/login.html", {**context, "form": form}, status=429), when)
        if form.is_valid():
            throttle.succeeded(rule, username)  # the password's failures only: never the codes'
            user = form.get_user()
            if _must_use_code(user):
                request.session.cycle_key()
                request.session[PENDING] = {"user": user.pk, "until": time.time() + PENDING_SECONDS,
                                            "next": next_url}
                return redirect("staff-sign-in-code")
            _start_session(request, user)
            return redirect(next_url)
        throttle.failed(rule, username, _address(request))
    return render(request, "admin/login.html", {**context, "form": form})


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def staff_sign_in_code(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the authenticator, or (a superuser who must, without one yet) its setup."""
    pending = request.session.get(PENDING) or {}
    in_time = pending.get("until", 0) > time.time()
    user = User.objects.filter(pk=int(pending.get("user") or 0), is_active=True, is_staff=True).first() \
        if in_time else None
    if user is None:
        request.session.pop(PENDING, None)
        return redirect("admin:login")
    holder = two_factor.of_staff(user)
    secret = None
    if holder is None:  # a superuser who must use a code and has none yet: the authenticator is set up here
        secret = request.session.setdefault(SETUP, two_factor.new_secret())
    form = CodeForm(request.POST or None)
    context = {**admin.site.each_context(request), "title": _("Two-step sign-in"), "form": form,
               "secret": secret, "uri": two_factor.provisioning_uri(secret, user.email or user.username)
               if secret else None}
    if request.method == "POST":
        code = form.cleaned_data["code"] if form.is_valid() else None
        if holder is None:  # the first right code turns it on
            outcome, when = code_lock.check(user, code, _address(request), lambda given: two_factor.enable(
                two_factor.staff_holder(user), secret or "", given))
        else:
            outcome, when = code_lock.check(user, code, _address(request),
                                            lambda given: two_factor.verify(holder, given))
        if outcome is code_lock.Outcome.ACCEPTED:
            request.session.pop(PENDING, None)
            request.session.pop(SETUP, None)
            _start_session(request, user)
            request.session[VERIFIED] = True
            return redirect(pending.get("next") or reverse("admin:index"))
        if outcome is code_lock.Outcome.LOCKED and when is not None:
            form = CodeForm()
            form.errors["__all__"] = form.error_class([wait_message(when)])
            return too_many(render(request, "staff/second_factor.html", {**context, "form": form}, status=429),
                            when)
        if code is not None:
            form.add_error("code", _("This code is not right, or was already used. Enter the current code."))
    return render(request, "staff/second_factor.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_member_required(login_url=settings.LOGIN_URL)
def staff_security(request: HttpRequest) -> HttpResponse:
    """A staff member's own page: turn the second factor on or off (superusers cannot while it is required)."""
    user: User = request.user  # type: ignore[assignment]
    holder = two_factor.of_staff(user)
    required = user.is_superuser and settings.STAFF_REQUIRE_2FA
    action = request.POST.get("action", "")
    form = CodeForm(request.POST if action in ("confirm", "disable") else None)
    secret = request.session.get(SETUP) if holder is None else None
    if request.method == "POST":
        if action == "start" and holder is None:
            secret = request.session[SETUP] = two_factor.new_secret()
            form = CodeForm()
        elif action == "confirm" and secret and form.is_valid():
            if two_factor.enable(two_factor.staff_holder(user), secret, form.cleaned_data["code"]):
                request.session.pop(SETUP, None)
                messages.success(request, _(
                    "Two-step sign-in is on: from now on you enter a code after your password."))
                return redirect("staff-security")
            form.add_error("code", _("This code is not right. Enter the code your app shows now."))
        elif action == "disable" and holder is not None and not required and form.is_valid():
            if two_factor.verify(holder, form.cleaned_data["code"]):
                two_factor.disable(holder)
                messages.success(request, _("Two-step sign-in is off."))
                return redirect("staff-security")
            form.add_error("code", _("This code is not right, or was already used. Enter the current code."))
    return render(request, "staff/security.html", {
        **admin.site.each_context(request), "title": _("Sign-in security"), "form": form, "secret": secret,
        "on": holder is not None, "required": required,
        "uri": two_factor.provisioning_uri(secret, user.email or user.username) if secret else None})
