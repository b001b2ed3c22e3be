"""A producer's money: their bank details (changed only once confirmed from the emailed link) and their
monthly statements (a page and a PDF). Everything is read for the signed-in producer only."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from catalog_sync.payouts import bank_details
from catalog_sync.payouts.banks import banks
from catalog_sync.payouts.forms import BankDetailsForm
from catalog_sync.payouts.ledger import vietnam_date
from catalog_sync.payouts.models import BankAccountChange, Entry
from catalog_sync.payouts.producers import slugs_of
from catalog_sync.payouts.statement_pdf import pdf_bytes
from catalog_sync.payouts.statements import BadMonth, statement

from ..access import producer_required
from ..models import ProducerAccount
from ..payouts import people_of_producer

MONTHS_SHOWN = 24


def _account(request: HttpRequest) -> ProducerAccount:
    return request.producer_account  # type: ignore[attr-defined]


@never_cache
@require_http_methods(["GET", "POST"])
@producer_required
def bank(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    producer = account.producer
    form = BankDetailsForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        confirm = request.build_absolute_uri(reverse("portal:payouts-bank-confirm", args=["TOKEN"]))
        bank_details.ask(producer, form.cleaned_data["details"], asked_by=account.user.email,
                         recipients=people_of_producer(producer), confirm_url=confirm.replace("TOKEN", "{token}"))
        messages.success(request, pgettext(
            "payouts", "We emailed a confirmation link to your people: the new details apply once it is confirmed."))
        return redirect("portal:payouts-bank")
    return render(request, "payouts/portal/bank.html", {
        "producer": producer, "form": form, "current": bank_details.current(producer),
        "pending": BankAccountChange.objects.filter(producer=producer, status=BankAccountChange.PENDING).first(),
        "banks": banks()}, status=400 if request.method == "POST" else 200)


@never_cache
@require_http_methods(["GET", "POST"])
@producer_required
def bank_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the change and a button (a mail scanner opening the link changes nothing); POST confirms."""
    account = _account(request)
    try:
        change = bank_details.pending(token)
        if change.producer_id != account.producer_id:
            raise bank_details.BadLink("not a change of your bank details")
        if request.method == "POST":
            bank_details.confirm(token, account.producer)
            messages.success(request, pgettext("payouts", "Your new bank details are confirmed."))
            return redirect("portal:payouts-bank")
    except bank_details.BadLink:
        return render(request, "payouts/portal/bank_link.html", {"producer": account.producer}, status=400)
    return render(request, "payouts/portal/bank_confirm.html", {
        "producer": account.producer, "change": change, "bank": banks().get(change.bank_bin)})


def _months(account: ProducerAccount) -> list[str]:
    today = vietnam_date(timezone.now())
    first = Entry.objects.filter(producer_slug__in=slugs_of(account.producer)).order_by("on").values_list(
        "on", flat=True).first()
    months: list[str] = []
    day = today.replace(day=1)
    while first is not None and day >= first.replace(day=1) and len(months) < MONTHS_SHOWN:
        months.append(f"{day:%Y-%m}")
        day = (day - datetime.timedelta(days=1)).replace(day=1)
    return months


@never_cache
@require_GET
@producer_required
def statements(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    return render(request, "payouts/portal/statements.html", {"producer": account.producer, "months": _months(account),
                                                   "current": bank_details.current(account.producer)})


def _statement(account: ProducerAccount, month: str):
    try:
        return statement(account.producer, month)
    except BadMonth:
        raise Http404(month) from None


@never_cache
@require_GET
@producer_required
def statement_page(request: HttpRequest, month: str) -> HttpResponse:
    account = _account(request)
    return render(request, "payouts/portal/statement.html", {"producer": account.producer,
                                                             "statement": _statement(account, month)})


@never_cache
@require_GET
@producer_required
def statement_pdf(request: HttpRequest, month: str) -> HttpResponse:
    account = _account(request)
    found = _statement(account, month)
    response = HttpResponse(pdf_bytes(found), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bang-ke-{found.month}.pdf"'
    return response
