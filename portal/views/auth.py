"""Signing in (rate-limited: passwords and codes apart), signing out, the invitation page, password reset
(rate-limited as signing in is)."""

from __future__ import annotations

import datetime
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from .. import code_lock, throttle, two_factor
from ..access import account_of
from ..accounts import InvitationError, account_for_invitation, activate
from ..forms import CodeForm, InvitationPasswordForm, PortalPasswordResetForm, SignInForm


def _address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def wait_message(when: datetime.datetime, *, reset: bool = False) -> str:
    """What a refused attempt is told: how long to wait, and until when (Vietnam time)."""
    values = {"minutes": throttle.minutes_until(when), "time": timezone.localtime(when).strftime("%H:%M")}
    if reset:
        return _("Too many requests. Try again in %(minutes)d minutes (at %(time)s).") % values
    return _("Too many failed attempts. Try again in %(minutes)d minutes (at %(time)s), "
             "or reset your password by email.") % values


def too_many(response: HttpResponse, when: datetime.datetime) -> HttpResponse:
    response["Retry-After"] = str(max(1, int((when - timezone.now()).total_seconds()) + 1))
    return response


def _start_session(request: HttpRequest, user) -> None:  # type: ignore[no-untyped-def]
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session.set_expiry(settings.PORTAL_SESSION_SECONDS)


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()) \
            or not next_url.startswith("/"):
        next_url = reverse("portal:home")
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST":
        username, rule = request.POST.get("username", ""), throttle.signin()
        when = throttle.retry_at(rule, username, _address(request))
        if when is not None:
            form = SignInForm(request)
            form.errors["__all__"] = form.error_class([wait_message(when)])
            return too_many(render(request, "portal/sign_in.html", {"form": form, "next": next_url}, status=429),
                            when)
        if form.is_valid():
            throttle.succeeded(rule, username)  # the password's failures only: never the codes'
            user = form.get_user()
            account = account_of(user)
            if account is not None and account.has_second_factor:  # the password alone does not sign in
                request.session.cycle_key()
                request.session[PENDING] = {"user": user.pk, "until": time.time() + PENDING_SECONDS,
                                            "next": next_url}
                return redirect("portal:sign-in-code")
            _start_session(request, user)
            return redirect(next_url)
        throttle.failed(rule, username, _address(request))
    return render(request, "portal/sign_in.html", {"form": form, "next": next_url})


PENDING = "portal_second_factor"
PENDING_SECONDS = 300


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_code(request: HttpRequest) -> HttpResponse:
    """The second step for an account with a second factor: a code from the authenticator app."""
    pending = request.session.get(PENDING) or {}
    in_time = pending.get("until", 0) > time.time()
    user = User.objects.filter(pk=int(pending.get("user") or 0)).first() if in_time else None
    account = account_of(user) if user else None
    if account is None:
        request.session.pop(PENDING, None)
        messages.error(request, _("Sign in again: the code was not entered in time."))
        return redirect("portal:sign-in")
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        code = form.cleaned_data["code"] if form.is_valid() else None
        outcome, when = code_lock.check(account.user, code, _address(request),
                                        lambda given: two_factor.verify(account, given))
        if outcome is code_lock.Outcome.ACCEPTED:
            request.session.pop(PENDING, None)
            _start_session(request, account.user)
            return redirect(pending.get("next") or reverse("portal:home"))
        if outcome is code_lock.Outcome.LOCKED and when is not None:
            form = CodeForm()
            form.errors["__all__"] = form.error_class([wait_message(when)])
            return too_many(render(request, "portal/sign_in_code.html", {"form": form}, status=429), when)
        if code is not None:
            form.add_error("code", _("This code is not right, or was already used. Enter the current code."))
    return render(request, "portal/sign_in_code.html", {"form": form})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("portal:sign-in")


_INVITATION_PROBLEMS = {
    "expired": gettext_lazy("This invitation has expired. Ask the OCOP office for a new one."),
    "used": gettext_lazy("This invitation has already been used. Sign in, or reset your password."),
    "replaced": gettext_lazy("This invitation is no longer valid: a newer one was sent. Use the latest email."),
    "suspended": gettext_lazy("This account is suspended. Contact the OCOP office."),
    "invalid": gettext_lazy("This invitation link is not valid. Check that you copied the whole link."),
}


@sensitive_post_parameters("new_password1", "new_password2")
@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        account = account_for_invitation(token)
    except InvitationError as problem:
        reason = str(problem)
        return render(request, "portal/invitation_invalid.html",
                      {"message": _INVITATION_PROBLEMS[reason], "reason": reason}, status=410 if reason in (
                          "expired", "used", "replaced") else 404)
    form = InvitationPasswordForm(account.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        activate(account, form.cleaned_data["new_password1"])
        _start_session(request, account.user)
        messages.success(request, _("Your password is set. Welcome to the producer portal."))
        return redirect("portal:home")
    return render(request, "portal/invitation.html", {"form": form, "account": account})


class PasswordReset(auth_views.PasswordResetView):
    """Each request counts, whether or not the email has an account (the answer is the same either way)."""

    form_class = PortalPasswordResetForm
    template_name = "portal/password_reset.html"
    email_template_name = "portal/email/password_reset.txt"
    subject_template_name = "portal/email/password_reset_subject.txt"
    success_url = reverse_lazy("portal:password-reset-sent")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        email, address, rule = form.cleaned_data["email"], _address(self.request), throttle.password_reset()
        when = throttle.retry_at(rule, email, address)
        if when is not None:
            form.add_error(None, wait_message(when, reset=True))
            return too_many(self.render_to_response(self.get_context_data(form=form), status=429), when)
        throttle.failed(rule, email, address)
        return super().form_valid(form)


class PasswordResetSent(auth_views.PasswordResetDoneView):
    template_name = "portal/password_reset_sent.html"


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "portal/password_reset_confirm.html"
    success_url = reverse_lazy("portal:password-reset-done")


class PasswordResetDone(auth_views.PasswordResetCompleteView):
    template_name = "portal/password_reset_done.html"
