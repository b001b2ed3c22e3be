"""Staff pages of the showcases: the list of showcases with their trade catalogue downloads."""

from __future__ import annotations

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from catalog_sync.catalogue import store
from catalog_sync.printing.links import site_base

from . import schedule
from .entries import ShowcaseNotFoundError
from .exports import FORMATS, export
from .models import Showcase

# Trade-promotion staff: the same people who read the registry's reports, and those who curate showcases.
PERMISSIONS = ("registry.view_certificate", "registry.change_certificate", "showcases.view_showcase",
               "showcases.change_showcase")


def _check(request: HttpRequest) -> None:
    if not any(request.user.has_perm(p) for p in PERMISSIONS):
        raise PermissionDenied


@staff_member_required(login_url=settings.LOGIN_URL)
@require_GET
def showcase_list(request: HttpRequest) -> HttpResponse:
    _check(request)
    showcases = [(s, len(store.products_by_ids(s.product_ids)))
                 for s in schedule.showing(store.published_collections())]  # an ended one is gone already
    return render(request, "showcases/list.html", {
        "showcases": showcases, "formats": list(FORMATS), "curated": Showcase.objects.all()[:500],
        "can_add": request.user.has_perm("showcases.add_showcase"), "now": schedule.now()})


@staff_member_required(login_url=settings.LOGIN_URL)
@require_GET
def showcase_export(request: HttpRequest, slug: str, file_format: str) -> HttpResponse:
    _check(request)
    if file_format not in FORMATS:
        raise Http404
    try:
        result = export(slug, file_format, base=site_base(request))
    except ShowcaseNotFoundError as error:
        raise Http404(str(error)) from error
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.file_name}"'
    return response
