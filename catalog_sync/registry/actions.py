"""Staff actions on single certificates: revocation and renewal, each with its decision."""

from __future__ import annotations

import datetime
from collections import Counter

from django.db import transaction

from catalog_sync.domain.stars import is_certified
from catalog_sync.domain.validity import last_valid_day, vietnam_today

from .ids import id_prefix, reserve_ids
from .importer import decision_level
from .models import Certificate, Decision


class RegistryActionError(Exception):
    """A staff action that cannot be done; the message says why."""


def revoke_certificate(
    certificate_id: str,
    *,
    reason: str,
    decision_no: str,
    revoked_on: datetime.date | None = None,
) -> Certificate:
    reason = reason.strip()
    decision_no = decision_no.strip()
    if not reason:
        raise RegistryActionError("a revocation needs a reason")
    if not decision_no:
        raise RegistryActionError("a revocation needs the number of the revoking decision")
    with transaction.atomic():
        certificate = _locked(certificate_id)
        if certificate.revoked_on is not None:
            raise RegistryActionError(
                f"{certificate.pk} was already revoked on {certificate.revoked_on:%d/%m/%Y}"
            )
        certificate.revoked_on = revoked_on or vietnam_today()
        if certificate.revoked_on < certificate.issued_on:
            raise RegistryActionError(
                f"revocation date {certificate.revoked_on:%d/%m/%Y} is before the certificate was issued"
            )
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
        raise RegistryActionError(f"{stars}★ is not certified: OCOP certifies 3★ and above")
    with transaction.atomic():
        old = _locked(certificate_id)
        if Certificate.objects.filter(supersedes=old).exists():
            raise RegistryActionError(f"{old.pk} has already been renewed")
        if decision_date <= old.issued_on:
            raise RegistryActionError(
                f"the renewal decision ({decision_date:%d/%m/%Y}) must be later than "
                f"the certificate it renews ({old.issued_on:%d/%m/%Y})"
            )
        decision, _ = Decision.objects.get_or_create(
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
        raise RegistryActionError(f"no certificate with id {certificate_id!r}") from None
