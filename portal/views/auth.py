"""Signing in (rate-limited), signing out, the invitation page, password reset."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from .. import throttle
from ..accounts import InvitationError, account_for_invitation, activate
from ..forms import InvitationPasswordForm, PortalPasswordResetForm, SignInForm


def _address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


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
    status = 200
    if request.method == "POST":
        username = request.POST.get("username", "")
        if throttle.locked(username, _address(request)):
            form = SignInForm(request)
            form.errors["__all__"] = form.error_class([_(
                "Too many failed attempts. Wait 15 minutes, or reset your password by email.")])
            status = 429
        elif form.is_valid():
            throttle.record_success(username, _address(request))
            _start_session(request, form.get_user())
            return redirect(next_url)
        else:
            throttle.record_failure(username, _address(request))
    return render(request, "portal/sign_in.html", {"form": form, "next": next_url}, status=status)


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
    form_class = PortalPasswordResetForm
    template_name = "portal/password_reset.html"
    email_template_name = "portal/email/password_reset.txt"
    subject_template_name = "portal/email/password_reset_subject.txt"
    success_url = reverse_lazy("portal:password-reset-sent")


class PasswordResetSent(auth_views.PasswordResetDoneView):
    template_name = "portal/password_reset_sent.html"


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "portal/password_reset_confirm.html"
    success_url = reverse_lazy("portal:password-reset-done")


class PasswordResetDone(auth_views.PasswordResetCompleteView):
    template_name = "portal/password_reset_done.html"
