"""Staff side: invite a producer from a certificate's page in the registry."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalog_sync.registry.models import Certificate

from ..accounts import InvitationError, invite
from ..forms import InviteForm


@staff_member_required(login_url=settings.LOGIN_URL)
@permission_required("portal.add_produceraccount", raise_exception=True)
@require_POST
def invite_producer(request: HttpRequest, certificate_id: str) -> HttpResponse:
    certificate = get_object_or_404(Certificate, pk=certificate_id)
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Invitation not sent: %(email)s is not an email address.") % {
            "email": request.POST.get("email", "")})
    else:
        try:
            invitation = invite(certificate.id, form.cleaned_data["email"], invited_by=request.user,  # type: ignore[arg-type]
                                base_url=request.build_absolute_uri("/"))
        except InvitationError as error:
            messages.error(request, _("Invitation not sent: %(reason)s") % {"reason": error})
        else:
            messages.success(request, _("Invitation sent to %(email)s for %(producer)s.") % {
                "email": invitation.email, "producer": invitation.producer.name})
    return redirect("registry:certificate", certificate_id=certificate.id)
