"""Who is asking: the signed-in person's producer account, checked on every request.

A request reaches a portal page only from a signed-in, active, non-staff person whose account is
not suspended; the account (and with it the producer) is read from the database each time, never
from the session or the request's parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from catalog_sync.saleor.entries import producer_page_slug

from .models import ProducerAccount


def current_account(request: HttpRequest) -> ProducerAccount | None:
    return account_of(request.user)


def account_of(user: object) -> ProducerAccount | None:
    """The producer account ``user`` may use the portal with now, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not isinstance(user, User) or not user.is_active or user.is_staff or user.is_superuser:
        return None
    account = ProducerAccount.objects.select_related("producer", "user").filter(user_id=user.pk).first()
    if account is None or account.suspended or account.activated_at is None:
        return None
    return account


def page_slug(account: ProducerAccount) -> str:
    """The slug of the producer's page in Saleor (what their products' ``producer`` attribute references): the
    registry producer's, name and province together, so a namesake of another province never matches."""
    producer = account.producer
    return producer_page_slug(producer.name_key, producer.name, producer.province, shares_name=producer.shares_name)


def former_page_slug(account: ProducerAccount) -> str | None:
    """The slug the producer's page had while namesakes shared one page (None when its name is its own): order
    lines recorded then name it; whose each line is comes from Saleor now."""
    producer = account.producer
    if not producer.shares_name:
        return None
    return producer_page_slug(producer.name_key, producer.name, producer.province, shares_name=False)


def producer_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        account = current_account(request)
        if account is None:
            user = request.user
            if user.is_authenticated and ProducerAccount.objects.filter(user_id=user.pk).exists():
                logout(request)  # a suspended producer's session ends here; a staff member's is left alone
                messages.error(request, _("Your account cannot use the producer portal. Contact the OCOP office."))
            return redirect(f"{reverse('portal:sign-in')}?{urlencode({'next': request.get_full_path()})}")
        request.producer_account = account  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped
