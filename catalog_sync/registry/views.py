"""The feed (for the Saleor plugin) and the staff pages of the registry."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import io
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import parse_etags, urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from catalog_sync.domain.provinces import PROVINCES
from catalog_sync.domain.validity import CertificateStatus, vietnam_today
from catalog_sync.importers import AnnexReadError
from catalog_sync.printing.links import site_base

from . import charts, report_tables, reports, withdrawals
from .actions import RegistryActionError, renew_certificate, revoke_certificate
from .feed import current_feed, etag_for
from .forms import ImportUploadForm, RenewForm, RevokeForm
from .importer import RegistryImporter, record_rows, summarise
from .labels import PER_SHEET, label_sheet
from .models import Certificate, ImportBatch, ImportRow
from .versioning import registry_version


def _feed_authorised(request: HttpRequest) -> bool:
    expected = settings.OCOP_FEED_TOKEN
    scheme, _sep, supplied = request.headers.get("Authorization", "").partition(" ")
    if not expected or scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(supplied.strip().encode(), expected.encode())


@require_GET
def feed(request: HttpRequest) -> HttpResponse:
    if not _feed_authorised(request):
        response = HttpResponse(
            b'{"error": "a valid bearer token is required"}', status=401, content_type="application/json"
        )
        response["WWW-Authenticate"] = 'Bearer realm="ocop-registry"'
        return response
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match:
        etag = etag_for(registry_version())
        if etag in parse_etags(if_none_match) or "*" in parse_etags(if_none_match):
            response = HttpResponseNotModified()
            response["ETag"] = etag
            return response
    etag, body = current_feed()
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    return response


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    return staff_member_required(view, login_url=settings.LOGIN_URL)


@staff_required
@permission_required("registry.add_importbatch", raise_exception=True)
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        ImportBatch.objects.purge_expired_previews()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            result = RegistryImporter(dry_run=True, user=request.user).import_file(
                io.BytesIO(content),
                filename=upload.name,
                decision_no=form.cleaned_data["decision_no"] or None,
                decision_date=form.cleaned_data["decision_date"],
            )
        except AnnexReadError as error:
            form.add_error("file", _("This file cannot be read: %(reason)s") % {"reason": error})
        else:
            batch = ImportBatch(
                file_name=upload.name,
                file_sha256=hashlib.sha256(content).hexdigest(),
                file=content,
                decision_no=form.cleaned_data["decision_no"] or "",
                decision_date=form.cleaned_data["decision_date"],
                created_by=request.user if isinstance(request.user, User) else None,
            )
            summarise(batch, result)
            batch.save()
            record_rows(batch, result)
            return redirect("registry:import-preview", batch_id=batch.pk)
    batches = ImportBatch.objects.select_related("created_by").defer("file")[:20]
    return render(request, "registry/import_upload.html", {"form": form, "batches": batches})


# Rows of each outcome shown on one page of an import's preview.
PREVIEW_PAGE_SIZE = 100


@staff_required
@permission_required("registry.add_importbatch", raise_exception=True)
@require_GET
def import_preview(request: HttpRequest, batch_id: int) -> HttpResponse:
    """An import's outcome; rejected, skipped and accepted rows each paginated on their own."""
    batch = get_object_or_404(ImportBatch.objects.defer("file"), pk=batch_id)
    rows = batch.rows.order_by("row", "id")  # not the model's ordering, which joins the batch

    def page_of(outcome: str, parameter: str) -> Page[ImportRow]:
        return Paginator(rows.filter(outcome=outcome), PREVIEW_PAGE_SIZE).get_page(request.GET.get(parameter))

    context = {
        "batch": batch,
        "rejected": page_of(ImportRow.Outcome.REJECTED, "rejected"),
        "skipped": page_of(ImportRow.Outcome.SKIPPED, "skipped"),
        "accepted": page_of(ImportRow.Outcome.ACCEPTED, "page"),
        "new_count": rows.filter(outcome=ImportRow.Outcome.ACCEPTED).exclude(reason="already in the registry").count(),
    }
    return render(request, "registry/import_preview.html", context)


@staff_required
@permission_required("registry.add_importbatch", raise_exception=True)
@require_POST
def import_confirm(request: HttpRequest, batch_id: int) -> HttpResponse:
    # The batch row stays locked while it is imported: a second confirmation (a double
    # click, or another member of staff at the same moment) waits, then finds it done.
    with transaction.atomic():
        batch = get_object_or_404(ImportBatch.objects.select_for_update(), pk=batch_id)
        if batch.state != ImportBatch.State.PREVIEW:
            messages.error(request, _("This import was already %(state)s.") % {"state": batch.get_state_display()})
            return redirect("registry:import-preview", batch_id=batch.pk)
        result = RegistryImporter(user=request.user).import_file(
            io.BytesIO(bytes(batch.file)),
            filename=batch.file_name,
            decision_no=batch.decision_no or None,
            decision_date=batch.decision_date,
            batch=batch,
        )
    messages.success(
        request,
        _("Imported: %(new)d new certificates, %(rejected)d rows rejected.")
        % {"new": result.created_count, "rejected": batch.rejected_count},
    )
    return redirect("registry:import-preview", batch_id=batch.pk)


@staff_required
@permission_required("registry.add_importbatch", raise_exception=True)
@require_POST
def import_discard(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, pk=batch_id, state=ImportBatch.State.PREVIEW)
    batch.state = ImportBatch.State.DISCARDED
    batch.file = b""
    batch.save(update_fields=["state", "file"])
    messages.info(request, _("The upload was discarded; nothing was imported."))
    return redirect("registry:import-upload")


def report_filters(request: HttpRequest) -> tuple[int, str | None, str | None, datetime.date | None]:
    """``days``, ``province`` and ``month`` (YYYY-MM) of a report's URL, and what is wrong with them."""
    try:
        days = max(1, min(int(request.GET.get("days", reports.DEFAULT_NOTICE_DAYS)), 3650))
    except ValueError:
        days = reports.DEFAULT_NOTICE_DAYS
    province = request.GET.get("province", "").strip() or None
    if province and province not in {p.slug for p in PROVINCES}:
        return days, None, _("province: no province with slug %(value)s") % {"value": province}, None
    month = None
    if request.GET.get("month", "").strip():
        try:
            month = withdrawals.parse_month(request.GET["month"].strip())
        except ValueError:
            return days, province, _("month: not a month (use YYYY-MM, e.g. 2026-11): %(value)s") % {
                "value": request.GET["month"].strip()[:20]}, None
    return days, province, None, month


@staff_required
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    _staff_may_view_certificates(request)
    days, province, error, _month = report_filters(request)
    today = vietnam_today()
    by_stars = reports.counts_by("stars", today=today, province=province)
    stars_by_province = reports.stars_by_province(today=today, province=province)
    by_month = reports.last_valid_days_by_month(today=today, province=province)
    withdrawals_by_month = withdrawals.by_month(today, province=province)
    star_labels = [f"{s}★" for s in reports.STARS]
    context = {
        "days": days,
        "province": province or "",
        "provinces": sorted(PROVINCES, key=lambda p: p.name),
        "error": error,
        "expiring": reports.expiring_within(days, today=today, province=province),
        "by_stars": by_stars,
        "by_group": reports.counts_by("group", today=today, province=province),
        "by_province": reports.counts_by("province", today=today, province=province),
        "stars_by_province": stars_by_province,
        "by_month": by_month,
        "stars_chart": charts.stacked_bars([(r.label, r.by_stars) for r in stars_by_province], star_labels,
                                           _("Valid certificates by province and stars")),
        "month_chart": charts.columns([(r.label, r.count) for r in by_month],
                                      _("Certificates reaching their last valid day, by month")),
        "withdrawals_by_month": withdrawals_by_month,
        "withdrawals_chart": charts.paired_columns(
            [(r.label, (r.withdrawn, r.restored)) for r in withdrawals_by_month], [_("Withdrawn"), _("Restored")],
            _("Products withdrawn and restored per month")),
        "query": urlencode({k: v for k, v in (("province", province), ("days", days)) if v}),
    }
    return render(request, "registry/report.html", context, status=400 if error else 200)


@staff_required
@require_GET
def report_download(request: HttpRequest, table: str, file_format: str) -> HttpResponse:
    """One table of the reports as CSV or XLSX, for the same ``province`` and ``days`` as the page."""
    _staff_may_view_certificates(request)
    if table not in report_tables.TABLES or file_format not in {"csv", "xlsx"}:
        raise Http404
    days, province, error, month = report_filters(request)
    if error:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    data = report_tables.TABLES[table](report_tables.Filters(vietnam_today(), days, province, month))
    if file_format == "csv":
        response = HttpResponse(report_tables.csv_bytes(data), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(report_tables.xlsx_bytes(data), content_type=XLSX)
    suffix = (f"-{province}" if province else "") + (f"-{month:%Y-%m}" if month and table == "withdrawals" else "")
    response["Content-Disposition"] = f'attachment; filename="ocop-{table}{suffix}.{file_format}"'
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WITHDRAWALS_PER_PAGE = 100


@staff_required
@require_GET
def withdrawal_log(request: HttpRequest) -> HttpResponse:
    """What the certification plugin withdrew and restored (``?province=&month=YYYY-MM``), newest first."""
    _staff_may_view_certificates(request)
    _days, province, error, month = report_filters(request)
    events = withdrawals.log(province, month)
    page = Paginator(events, WITHDRAWALS_PER_PAGE).get_page(request.GET.get("page"))
    query = {k: v for k, v in (("province", province), ("month", f"{month:%Y-%m}" if month else None)) if v}
    context = {
        "province": province or "",
        "month": f"{month:%Y-%m}" if month else "",
        "provinces": sorted(PROVINCES, key=lambda p: p.name),
        "error": error,
        "page": page,
        "query": urlencode(query),
    }
    return render(request, "registry/withdrawals.html", context, status=400 if error else 200)


@staff_required
@permission_required("registry.change_certificate", raise_exception=True)
@require_http_methods(["GET", "POST"])
def certificate_detail(request: HttpRequest, certificate_id: str) -> HttpResponse:
    certificate = get_object_or_404(
        Certificate.objects.select_related("producer", "decision", "supersedes"), pk=certificate_id
    )
    revoke_form = RevokeForm(request.POST if request.POST.get("action") == "revoke" else None, prefix="revoke")
    renew_form = RenewForm(request.POST if request.POST.get("action") == "renew" else None, prefix="renew")
    if request.method == "POST":
        try:
            if revoke_form.is_bound and revoke_form.is_valid():
                revoke_certificate(certificate.pk, **revoke_form.cleaned_data)
                messages.success(request, _("Certificate %(id)s revoked.") % {"id": certificate.pk})
                return redirect("registry:certificate", certificate_id=certificate.pk)
            if renew_form.is_bound and renew_form.is_valid():
                renewed = renew_certificate(certificate.pk, **renew_form.cleaned_data)
                messages.success(request, _("Renewal %(id)s recorded.") % {"id": renewed.pk})
                return redirect("registry:certificate", certificate_id=renewed.pk)
        except RegistryActionError as error:
            messages.error(request, capfirst(str(error)))
    renewal = Certificate.objects.filter(supersedes=certificate).first()
    context = {
        "certificate": certificate, "renewal": renewal, "revoke_form": revoke_form, "renew_form": renew_form,
        "labels_printable": certificate.status_today in {CertificateStatus.ACTIVE, CertificateStatus.NOT_YET_VALID},
        "labels_per_sheet": PER_SHEET, "labels_max": MAX_LABEL_COPIES,
    }
    return render(request, "registry/certificate.html", context)


# A download of one certificate's labels: at most ten sheets.
MAX_LABEL_COPIES = 10 * PER_SHEET


def _staff_may_view_certificates(request: HttpRequest) -> None:
    if not (request.user.has_perm("registry.view_certificate") or request.user.has_perm("registry.change_certificate")):
        raise PermissionDenied


@staff_required
@require_GET
def certificate_labels(request: HttpRequest, certificate_id: str) -> HttpResponse:
    """An A4 sheet of this certificate's packaging labels (``?copies=N``, a full sheet by default)."""
    _staff_may_view_certificates(request)
    certificate = get_object_or_404(Certificate, pk=certificate_id)
    raw = request.GET.get("copies", str(PER_SHEET))
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LABEL_COPIES:
        message = _("copies: give a whole number from 1 to %(max)d (got %(value)s)") % {
            "max": MAX_LABEL_COPIES, "value": raw}
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    sheet = label_sheet([certificate.pk], base_url=site_base(request), copies=int(raw))
    if sheet.pdf is None:
        messages.error(request, _("No labels: %(reason)s") % {"reason": sheet.refused[0][1]})
        return redirect("registry:certificate", certificate_id=certificate.pk)
    response = HttpResponse(sheet.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="tem-{certificate.pk}.pdf"'
    return response
