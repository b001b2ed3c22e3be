"""The producer's pages: home, certificates, products, the price and stock form."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from catalog_sync.app.clients import app_client
from catalog_sync.domain.validity import CertificateStatus, vietnam_today
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import SaleorError, SaleorMutationError

from ..access import producer_required
from ..forms import VariantForm
from ..listings import NotTheirs, change_variant, current_values, their_products, their_variant
from ..models import ProducerAccount
from ..new_listings import listable_certificates
from .listing import listing_form

FIELD_NAMES = {"price": gettext_lazy("price"), "stock": gettext_lazy("stock")}


def _account(request: HttpRequest) -> ProducerAccount:
    return request.producer_account  # type: ignore[attr-defined]


@require_GET
@producer_required
def home(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    return render(request, "portal/home.html", {"account": account, "producer": account.producer})


@dataclass(frozen=True)
class CertificateLine:
    certificate: Certificate
    status: CertificateStatus
    last_valid_day: datetime.date
    days_left: int | None  # None when no longer valid
    history: tuple[Certificate, ...]  # the certificates it renews, newest first


def certificate_lines(account: ProducerAccount, today: datetime.date) -> list[CertificateLine]:
    mine = list(Certificate.objects.filter(producer_id=account.producer_id).select_related("decision")
                .order_by("valid_until", "id"))
    by_id = {c.id: c for c in mine}
    renewed = {c.supersedes_id for c in mine if c.supersedes_id}
    lines = []
    for certificate in mine:
        if certificate.id in renewed:
            continue  # shown in the history of its renewal
        history, seen, previous = [], {certificate.id}, certificate.supersedes_id
        while previous and previous in by_id and previous not in seen:
            seen.add(previous)
            history.append(by_id[previous])
            previous = by_id[previous].supersedes_id
        status = certificate.status_on(today)
        last = certificate.in_force_until
        days_left = (last - today).days if status == CertificateStatus.ACTIVE else None
        lines.append(CertificateLine(certificate, status, last, days_left, tuple(history)))
    return lines


@require_GET
@producer_required
def certificates(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    today = vietnam_today()
    return render(request, "portal/certificates.html", {
        "producer": account.producer, "lines": certificate_lines(account, today), "today": today})


@require_GET
@producer_required
def products(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    listable = [(line, listing_form(line.certificate.id)) for line in listable_certificates(account, vietnam_today())]
    return render(request, "portal/products.html", {"producer": account.producer,
                                                    "products": list(their_products(account)), "listable": listable})


@producer_required
def variant_edit(request: HttpRequest, variant_id: str) -> HttpResponse:
    """Ownership first, whatever the method: another producer's variant is 404 to GET, POST and the rest."""
    account = _account(request)
    try:
        variant = their_variant(account, variant_id)
    except NotTheirs:
        raise Http404("no such variant") from None
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = VariantForm(request.POST or None)
    problem, current = None, None
    try:
        with app_client() as client:
            if request.method == "POST" and form.is_valid():
                changes = change_variant(account, variant_id, price=form.cleaned_data["price"],
                                         stock=form.cleaned_data["stock"], client=client)
                if changes:
                    messages.success(request, _("Saved: %(fields)s.") % {
                        "fields": ", ".join(str(FIELD_NAMES[change.field]) for change in changes)})
                else:
                    messages.info(request, _("Nothing changed."))
                return redirect("portal:variant", variant_id=variant_id)
            _state, current = current_values(account, variant, client)
    except NotTheirs:
        raise Http404("no such variant") from None
    except SaleorMutationError as error:
        problem = _("The sales system refused the change: %(reason)s") % {
            "reason": "; ".join(e.message or e.code or "" for e in error.errors)}
    except SaleorError:
        problem = _("The sales system did not answer. Nothing was saved; try again in a moment.")
    if request.method == "GET" and current is not None:
        form = VariantForm(initial={"price": current.price, "stock": current.stock})
    return render(request, "portal/variant.html", {
        "producer": account.producer, "variant": variant, "product": variant.product, "form": form,
        "current": current, "problem": problem}, status=503 if problem else 200)
