"""``/staff/payouts/`` (permission ``payouts.add_payout``): what is due to whom, the payout runs and their
transfers (failed ones named), a run started from here, what the marketplace holds, and every change of
producers' bank details."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_POST

from .banks import banks
from .ledger import vietnam_date
from .models import BankAccountChange, Payout
from .reports import holdings
from .runs import dues, run
from .statements import BadMonth

RUNS_SHOWN = 20
CHANGES_SHOWN = 50


def _previous_month(today: datetime.date) -> str:
    return f"{today.replace(day=1) - datetime.timedelta(days=1):%Y-%m}"


def _staff(view):
    return staff_member_required(permission_required("payouts.add_payout", raise_exception=True)(view),
                                 login_url=settings.LOGIN_URL)


@_staff
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    today = vietnam_date(timezone.now())
    try:
        at = datetime.date.fromisoformat(request.GET["at"]) if request.GET.get("at") else today
    except ValueError:
        messages.error(request, pgettext("payouts", "at: a date written YYYY-MM-DD"))
        at = today
    owed = dues(today)
    return render(request, "payouts/staff/overview.html", {
        "dues": owed, "payable": [d for d in owed if d.account], "missing": [d for d in owed if not d.account],
        "month": _previous_month(today), "runs": Payout.objects.all()[:RUNS_SHOWN], "holdings": holdings(at),
        "changes": BankAccountChange.objects.select_related("producer")[:CHANGES_SHOWN], "banks": banks()})


@_staff
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    from .tasks import follow_payout

    try:
        result = run(request.POST.get("month", ""), started_by=request.user.get_username())
    except BadMonth as bad:
        messages.error(request, str(bad))
        return redirect("payouts:overview")
    if not result.reference:
        messages.info(request, pgettext("payouts", "Nothing to pay: no producer with confirmed bank details is owed."))
        return redirect("payouts:overview")
    payout = Payout.objects.get(reference=result.reference)
    if payout.status in (Payout.PREPARED, Payout.SENT):
        follow_payout.apply_async((payout.pk,), countdown=5)
    return redirect("payouts:run", pk=payout.pk)


@_staff
@require_GET
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    payout = get_object_or_404(Payout, pk=pk)
    transfers = list(payout.transfers.select_related("producer"))
    return render(request, "payouts/staff/run.html", {
        "payout": payout, "transfers": transfers, "total": sum(t.amount for t in transfers),
        "failed": [t for t in transfers if t.status == "FAILED"], "banks": banks()})
