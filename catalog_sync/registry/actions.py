"""Staff actions on single certificates: revocation and renewal, each with its decision.

Messages are translated (the staff pages are Vietnamese, ``/en/`` English; the ``ocop``
commands print them untranslated).
"""

from __future__ import annotations

import datetime
from collections import Counter

from django.db import transaction
from django.utils.translation import gettext as _

from catalog_sync.domain.stars import is_certified
from catalog_sync.domain.validity import last_valid_day, vietnam_today

from .ids import id_prefix, reserve_ids
from .importer import decision_level
from .models import Certificate, Decision

# A revocation or a renewal decision may be dated ahead, but not by more than this.
MONTHS_AHEAD_ALLOWED = 12


class RegistryActionError(Exception):
    """A staff action that cannot be done; the message says why."""


def latest_allowed_day(today: datetime.date | None = None) -> datetime.date:
    """The latest date a revocation or a renewal decision may carry: a year from today."""
    return last_valid_day(today or vietnam_today(), months=MONTHS_AHEAD_ALLOWED)


def _check_not_too_far_ahead(day: datetime.date, message: str) -> None:
    latest = latest_allowed_day()
    if day > latest:
        raise RegistryActionError(message % {"day": f"{day:%d/%m/%Y}", "latest": f"{latest:%d/%m/%Y}"})


def revoke_certificate(
    certificate_id: str,
    *,
    reason: str,
    decision_no: str,
    revoked_on: datetime.date | None = None,
) -> Certificate:
    """Revoke from ``revoked_on`` (default today): the certificate stays valid until that day."""
    reason = reason.strip()
    decision_no = decision_no.strip()
    if not reason:
        raise RegistryActionError(_("a revocation needs a reason"))
    if not decision_no:
        raise RegistryActionError(_("a revocation needs the number of the revoking decision"))
    revoked_on = revoked_on or vietnam_today()
    _check_not_too_far_ahead(
        revoked_on, _("revocation date %(day)s is more than a year ahead; the latest allowed is %(latest)s")
    )
    with transaction.atomic():
        certificate = _locked(certificate_id)
        if certificate.revoked_on is not None:
            raise RegistryActionError(
                _("%(id)s was already revoked from %(day)s")
                % {"id": certificate.pk, "day": f"{certificate.revoked_on:%d/%m/%Y}"}
            )
        if revoked_on < certificate.issued_on:
            raise RegistryActionError(
                _("revocation date %(day)s is before the certificate was issued (%(issued)s)")
                % {"day": f"{revoked_on:%d/%m/%Y}", "issued": f"{certificate.issued_on:%d/%m/%Y}"}
            )
        certificate.revoked_on = revoked_on
        certificate.revocation_reason = reason
        certificate.revocation_decision = decision_no
        certificate.save()
    return certificate


def renew_certificate(
    certificate_id: str,
    *,
    decision_no: str,
    decision_date: datetime.date,
    stars: int,
    issuer: str = "",
    valid_until: datetime.date | None = None,
) -> Certificate:
    """Record a renewal: a new certificate, from a new decision, that supersedes the old one."""
    if not is_certified(stars):
        raise RegistryActionError(_("%(stars)d★ is not certified: OCOP certifies 3★ and above") % {"stars": stars})
    _check_not_too_far_ahead(
        decision_date,
        _("the renewal decision's date %(day)s is more than a year ahead; the latest allowed is %(latest)s"),
    )
    with transaction.atomic():
        old = _locked(certificate_id)
        if Certificate.objects.filter(supersedes=old).exists():
            raise RegistryActionError(_("%(id)s has already been renewed") % {"id": old.pk})
        if decision_date <= old.issued_on:
            raise RegistryActionError(
                _("the renewal decision (%(day)s) must be later than the certificate it renews (%(issued)s)")
                % {"day": f"{decision_date:%d/%m/%Y}", "issued": f"{old.issued_on:%d/%m/%Y}"}
            )
        decision, _created = Decision.objects.get_or_create(
            number=decision_no.strip(),
            signed_on=decision_date,
            defaults={"issuer": issuer, "level": decision_level(issuer, stars, decision_date)},
        )
        prefix = id_prefix(old.province)
        new_id = reserve_ids(Counter({(prefix, decision_date.year): 1}))[(prefix, decision_date.year)][0]
        return Certificate.objects.create(
            id=new_id,
            product_name=old.product_name,
            product_key=old.product_key,
            producer=old.producer,
            stars=stars,
            group=old.group,
            product_set=old.product_set,
            province_at_certification=old.province_at_certification,
            province=old.province,
            decision=decision,
            issued_on=decision_date,
            valid_until=valid_until or last_valid_day(decision_date),
            supersedes=old,
        )


def _locked(certificate_id: str) -> Certificate:
    try:
        return Certificate.objects.select_for_update().get(pk=certificate_id.strip().upper())
    except Certificate.DoesNotExist:
        raise RegistryActionError(_("no certificate with id %(id)s") % {"id": certificate_id}) from None
