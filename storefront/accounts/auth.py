"""Sign in, register (with email confirmation), confirm, password reset and sign out, through Saleor.

Saleor's tokens stay in the server-side session (``session.py``). Every form posts with CSRF; sign-in is
rate limited per email and per address. Registration and the reset request answer the same whether or
not the email has an account, as Saleor does.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from catalog_sync.saleor import SaleorError
from catalog_sync.saleor.customers import AccountRefused
from storefront.buying import session as buying_session
from storefront.pages import language

from . import session, throttle
from .common import public_url, retry_message, unavailable
from .forms import PasswordResetForm, RegisterForm, SetPasswordForm, SignInForm

logger = logging.getLogger(__name__)

# Saleor's AccountErrorCode -> the field and words the page shows
PASSWORD_CODES = {
    "PASSWORD_TOO_SHORT": gettext_lazy("This password is too short: use at least 8 characters."),
    "PASSWORD_TOO_SIMILAR": gettext_lazy("This password is too similar to your name or email."),
    "PASSWORD_TOO_COMMON": gettext_lazy("This password is too common."),
    "PASSWORD_ENTIRELY_NUMERIC": gettext_lazy("This password is only digits."),
    "PASSWORD_INVALID": gettext_lazy("This password is not allowed."),
}


def _see_other(to: str) -> HttpResponse:
    response = redirect(to)
    response.status_code = 303
    return response


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("accounts:account")


def _password_errors(refused: AccountRefused) -> list[str]:
    return [str(PASSWORD_CODES[code]) for field, code in refused.errors
            if field == "password" and code in PASSWORD_CODES]


@require_http_methods(["GET", "HEAD", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "accounts/sign_in.html", {"form": SignInForm(initial={
            "email": request.GET.get("email", "")[:254]}), "next": _next(request)})
    form = SignInForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/sign_in.html", {"form": form, "next": _next(request)}, status=400)
    email, address, rule = form.cleaned_data["email"], throttle.client_address(request), throttle.limit("signin")
    when = throttle.retry_at(rule, email, address)
    if when is not None:
        form.add_error(None, retry_message(when))
        return render(request, "accounts/sign_in.html", {"form": form, "next": _next(request)}, status=429)
    try:
        tokens = session.customers().sign_in(email, form.cleaned_data["password"], address)
    except AccountRefused as refused:
        throttle.failed(rule, email, address)
        if "ACCOUNT_NOT_CONFIRMED" in refused.codes:
            form.add_error(None, _("Your email is not confirmed yet: open the link in the email we sent you."))
        elif "LOGIN_ATTEMPT_DELAYED" in refused.codes:
            form.add_error(None, _("Too many sign-in attempts. Please wait a moment and try again."))
        elif "INACTIVE" in refused.codes:
            form.add_error(None, _("This account is closed."))
        else:
            form.add_error(None, _("The email or the password is wrong."))
        return render(request, "accounts/sign_in.html", {"form": form, "next": _next(request)}, status=400)
    except SaleorError as error:
        logger.exception("sign-in: Saleor did not answer: %s", error)
        return unavailable(request)
    throttle.succeeded(rule, email, address)
    session.sign_in(request, email, tokens)
    cart = buying_session.cart_id(request)
    if cart:
        session.attach_cart(request, cart)
    messages.success(request, _("You are signed in."))
    return _see_other(_next(request))


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    session.sign_out(request)  # the tokens are forgotten with the session; nothing else holds them
    messages.success(request, _("You are signed out."))
    return _see_other(reverse("storefront:home"))


@require_http_methods(["GET", "HEAD", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "accounts/register.html", {"form": RegisterForm()})
    form = RegisterForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/register.html", {"form": form}, status=400)
    data = form.cleaned_data
    try:
        session.customers().register(data["email"], data["password"], data["name"],
                                     public_url(reverse("accounts:confirm")), language())
    except AccountRefused as refused:
        for error in _password_errors(refused):
            form.add_error("password", error)
        if any(field == "email" for field, _code in refused.errors):
            form.add_error("email", _("Enter a valid email address."))
        if not form.errors:
            logger.warning("accountRegister refused: %s", refused)
            form.add_error(None, _("The account could not be created. Please try again."))
        return render(request, "accounts/register.html", {"form": form}, status=400)
    except SaleorError as error:
        logger.exception("register: Saleor did not answer: %s", error)
        return unavailable(request)
    return render(request, "accounts/registered.html", {"email": data["email"]})


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest) -> HttpResponse:
    """The emailed link opens a page with one button: link checkers that open it confirm nothing."""
    source = request.POST if request.method == "POST" else request.GET
    email, token = source.get("email", "")[:254], source.get("token", "")[:200]
    if not email or not token:
        return render(request, "accounts/link_invalid.html", status=400)
    if request.method != "POST":
        return render(request, "accounts/confirm.html", {"email": email, "token": token})
    try:
        session.customers().confirm(email, token)
    except AccountRefused as refused:
        logger.info("confirmAccount refused: %s", refused)
        return render(request, "accounts/link_invalid.html", status=400)
    except SaleorError as error:
        logger.exception("confirm: Saleor did not answer: %s", error)
        return unavailable(request)
    messages.success(request, _("Your email is confirmed. You can sign in now."))
    return _see_other(f"{reverse('accounts:sign-in')}?{urlencode({'email': email})}")


@require_http_methods(["GET", "HEAD", "POST"])
def password_reset(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "accounts/password_reset.html", {"form": PasswordResetForm()})
    form = PasswordResetForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/password_reset.html", {"form": form}, status=400)
    email = form.cleaned_data["email"]
    try:
        session.customers().request_password_reset(email, public_url(reverse("accounts:set-password")))
    except AccountRefused as refused:  # an unknown email, a request too soon: the answer stays the same
        logger.info("requestPasswordReset refused: %s", refused)
    except SaleorError as error:
        logger.exception("password reset: Saleor did not answer: %s", error)
        return unavailable(request)
    return render(request, "accounts/password_reset_sent.html", {"email": email})


@require_http_methods(["GET", "HEAD", "POST"])
def set_password(request: HttpRequest) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    email, token = source.get("email", "")[:254], source.get("token", "")[:200]
    if not email or not token:
        return render(request, "accounts/link_invalid.html", status=400)
    context = {"email": email, "token": token}
    if request.method != "POST":
        return render(request, "accounts/set_password.html", {**context, "form": SetPasswordForm()})
    form = SetPasswordForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/set_password.html", {**context, "form": form}, status=400)
    try:
        session.customers().set_password(email, token, form.cleaned_data["password"])
    except AccountRefused as refused:
        errors = _password_errors(refused)
        if not errors:
            logger.info("setPassword refused: %s", refused)
            return render(request, "accounts/link_invalid.html", status=400)
        for error in errors:
            form.add_error("password", error)
        return render(request, "accounts/set_password.html", {**context, "form": form}, status=400)
    except SaleorError as error:
        logger.exception("set password: Saleor did not answer: %s", error)
        return unavailable(request)
    session.sign_out(request)
    messages.success(request, _("Your password is changed. Sign in with it now."))
    return _see_other(f"{reverse('accounts:sign-in')}?{urlencode({'email': email})}")
