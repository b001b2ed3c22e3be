from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from catalog_sync.domain.groups import group_by_slug
from catalog_sync.domain.provinces import province_by_slug
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.converters import looks_like_certificate_id
from catalog_sync.registry.models import Certificate

from .pages import language
from .scan_to_buy import listing_for


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "storefront/home.html", {"query": ""})


@require_GET
def verify_lookup(request: HttpRequest) -> HttpResponse:
    """The lookup form's target: on to the certificate's own page."""
    certificate_id = request.GET.get("id", "").strip().upper()
    if not looks_like_certificate_id(certificate_id):
        return render(request, "storefront/home.html", {"query": certificate_id}, status=400)
    return redirect("storefront:verify", certificate_id=certificate_id)


@require_GET
def verify_certificate(request: HttpRequest, certificate_id: str) -> HttpResponse:
    """The public page a QR code on the packaging points to."""
    certificate = (
        Certificate.objects.select_related("producer", "decision")
        .filter(pk=certificate_id.strip().upper())
        .first()
    )
    if certificate is None:
        return render(request, "storefront/verify_unknown.html", {"certificate_id": certificate_id}, status=404)
    today = vietnam_today()
    renewal = Certificate.objects.filter(supersedes=certificate).only("id").first()
    try:
        province = province_by_slug(certificate.province).name if certificate.province else ""
    except KeyError:
        province = certificate.province
    try:
        group = group_by_slug(certificate.group) if certificate.group else None
    except KeyError:
        group = None
    status = str(certificate.status_on(today))
    listing, why_not = listing_for(certificate, status, language())
    context = {
        "listing": listing,
        "why_not": why_not,
        "certificate": certificate,
        "certificate_id": certificate.pk,
        "status": status,
        "today": today,
        "province": province,
        "group": group,
        "renewal": renewal,
        "star_range": range(certificate.stars),
    }
    return render(request, "storefront/verify.html", context)
