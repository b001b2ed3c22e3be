"""Finance staff's page of VietQR refunds (``/staff/refunds/vietqr/``): each refund Saleor asked for, with the
customer's account to transfer back to; staff mark one done with the bank's reference, and Saleor is told.

Listing needs ``payments.view_vietqrrefund``; marking done ``payments.transfer_vietqr_refunds``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from catalog_sync.payments.payos.models import VietQRRefund
from catalog_sync.payments.payos.refunds import RefundRefused, mark_done, payee
from catalog_sync.payments.protocol import ReportFailed

from .models import Installation

VIEW, TRANSFER = "payments.view_vietqrrefund", "payments.transfer_vietqr_refunds"
LISTED = 200


def _app_token(api_url: str) -> str | None:
    installation = Installation.objects.for_api_url(api_url)
    return installation.token if installation is not None else None


@staff_member_required(login_url=settings.LOGIN_URL)
@require_http_methods(["GET", "HEAD", "POST"])
def vietqr_refunds(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(VIEW) and not request.user.has_perm(TRANSFER):
        raise PermissionDenied
    errors: dict[int, str] = {}
    status = 200
    if request.method == "POST":
        if not request.user.has_perm(TRANSFER):
            raise PermissionDenied
        try:
            refund_id = int(request.POST.get("refund", ""))
        except ValueError:
            refund_id = 0
        if not VietQRRefund.objects.filter(pk=refund_id).exists():
            messages.error(request, _("No such refund."))
            return redirect("vietqr-refunds")
        try:
            done = mark_done(refund_id, request.POST.get("bank_reference", ""), request.user, _app_token)
        except RefundRefused as refused:
            errors[refund_id], status = str(refused).partition(": ")[2], 400
        except ReportFailed as failed:
            errors[refund_id], status = _("Saleor could not be told: %(reason)s") % {"reason": failed}, 502
        else:
            messages.success(request, _("Refund %(reference)s marked transferred (bank reference %(bank)s).") % {
                "reference": done.psp_reference, "bank": done.bank_reference})
            return redirect("vietqr-refunds")
    pending = list(VietQRRefund.objects.filter(status=VietQRRefund.PENDING).select_related("payment")
                   .order_by("requested_at")[:LISTED])
    done_list = list(VietQRRefund.objects.filter(status=VietQRRefund.DONE).select_related("payment", "done_by")
                     .order_by("-done_at")[:50])
    listed = {refund.pk for refund in pending}
    return render(request, "app/vietqr_refunds.html", {
        "pending": [(refund, payee(refund), errors.get(refund.pk, "")) for refund in pending],
        "general_errors": [error for pk, error in errors.items() if pk not in listed],
        "done": done_list, "can_transfer": request.user.has_perm(TRANSFER),
    }, status=status)
