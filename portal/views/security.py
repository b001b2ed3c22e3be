"""The person's own security page: turn the optional second factor (TOTP) on or off."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import two_factor
from ..access import producer_required
from ..forms import CodeForm
from ..models import ProducerAccount

SETUP = "portal_totp_setup"


@never_cache
@require_http_methods(["GET", "POST"])
@producer_required
def security(request: HttpRequest) -> HttpResponse:
    account: ProducerAccount = request.producer_account  # type: ignore[attr-defined]
    action = request.POST.get("action", "")
    form = CodeForm(request.POST if action in ("confirm", "disable") else None)
    secret = request.session.get(SETUP) if not account.has_second_factor else None
    if request.method == "POST":
        if action == "start" and not account.has_second_factor:
            secret = request.session[SETUP] = two_factor.new_secret()
            form = CodeForm()
        elif action == "confirm" and secret and form.is_valid():
            if two_factor.enable(account, secret, form.cleaned_data["code"]):
                request.session.pop(SETUP, None)
                messages.success(request, _(
                    "Two-step sign-in is on: from now on you enter a code after your password."))
                return redirect("portal:security")
            form.add_error("code", _("This code is not right. Enter the code your app shows now."))
        elif action == "disable" and account.has_second_factor and form.is_valid():
            if two_factor.verify(account, form.cleaned_data["code"]):
                two_factor.disable(account)
                messages.success(request, _("Two-step sign-in is off."))
                return redirect("portal:security")
            form.add_error("code", _("This code is not right, or was already used. Enter the current code."))
    return render(request, "portal/security.html", {
        "producer": account.producer, "account": account, "form": form, "secret": secret,
        "uri": two_factor.provisioning_uri(secret, account.user.email) if secret else None})
