"""Certified products of a producer that are not in the store yet, and why a certificate cannot be listed.

What may be listed follows the staff's catalogue import (``Certificate.objects.in_catalogue_on``): per
renewal chain, the newest certificate valid today (Vietnam time). A chain whose product the catalogue
read model already sells is in the store; Saleor, asked at the time of the listing, has the last word.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from catalog_sync.catalogue.models import Product
from catalog_sync.domain.validity import CertificateStatus
from catalog_sync.registry.models import Certificate

from .access import page_slug
from .models import PortalChange, ProducerAccount

LISTING_FIELD = "listing"  # a PortalChange of a product put on sale: ``after`` is the certificate's id


@dataclass(frozen=True)
class Listable:
    certificate: Certificate
    chain_root: str
    pending: bool  # listed from the portal; the store's read model has not caught up yet


def _roots() -> dict[str, str]:
    """certificate id -> the first certificate of its renewal chain, for every renewal in the registry."""
    supersedes = dict(Certificate.objects.filter(supersedes__isnull=False).values_list("id", "supersedes_id"))

    def root(certificate_id: str) -> str:
        seen = set()
        while certificate_id in supersedes and certificate_id not in seen:
            seen.add(certificate_id)
            certificate_id = supersedes[certificate_id]
        return certificate_id

    return {certificate_id: root(certificate_id) for certificate_id in supersedes}


def _in_store(account: ProducerAccount) -> list[tuple[str, str]]:
    """(name, certificate id) of the producer's products the store's read model sells."""
    return list(Product.objects.filter(producer_slug=page_slug(account)).values_list("name", "certificate_id"))


def in_catalogue(account: ProducerAccount, today: datetime.date) -> list[tuple[str, Certificate]]:
    """The producer's part of the day's catalogue, as the staff's import computes it."""
    return Certificate.objects.filter(producer_id=account.producer_id).in_catalogue_on(today)


def listable_certificates(account: ProducerAccount, today: datetime.date) -> list[Listable]:
    """The producer's certificates valid today whose product is not for sale in the store."""
    roots = _roots()
    in_store = {roots.get(c, c) for _name, c in _in_store(account)}
    listed_here = {roots.get(c, c) for c in PortalChange.objects.filter(
        producer_id=account.producer_id, object_type="product", field=LISTING_FIELD).values_list("after", flat=True)}
    return [Listable(certificate, root, pending=root in listed_here)
            for root, certificate in sorted(in_catalogue(account, today), key=lambda p: p[1].product_name)
            if root not in in_store]


def refusal(account: ProducerAccount, certificate: Certificate,
            today: datetime.date) -> tuple[str | None, tuple[str, Certificate] | None]:
    """(why ``certificate`` cannot be listed today, or None; the catalogue pair to list)."""
    day = lambda value: date_format(value, "d/m/Y")  # noqa: E731
    status = certificate.status_on(today)
    if status == CertificateStatus.EXPIRED:
        return _("Certificate %(id)s expired: its last valid day was %(day)s. A product without a valid "
                 "certificate cannot be listed; renew the certificate first.") % {
            "id": certificate.id, "day": day(certificate.valid_until)}, None
    if status == CertificateStatus.REVOKED:
        return _("Certificate %(id)s was revoked from %(day)s. A product without a valid certificate cannot "
                 "be listed.") % {"id": certificate.id, "day": day(certificate.revoked_on)}, None
    if status == CertificateStatus.NOT_YET_VALID:
        return _("Certificate %(id)s is valid only from %(day)s: list the product from that day.") % {
            "id": certificate.id, "day": day(certificate.issued_on)}, None
    pair = next(((root, c) for root, c in in_catalogue(account, today) if c.id == certificate.id), None)
    if pair is None:  # a newer certificate of the same chain is valid today
        newer = Certificate.objects.filter(supersedes_id=certificate.id).values_list("id", flat=True).first()
        return _("Certificate %(id)s was renewed by certificate %(newer)s: list the product with the newer "
                 "certificate.") % {"id": certificate.id, "newer": newer or "?"}, None
    roots = _roots()
    for name, certificate_id in _in_store(account):
        if roots.get(certificate_id, certificate_id) == pair[0]:
            return already_listed_message(name), None
    return None, pair


def already_listed_message(product_name: str) -> str:
    return _("%(product)s is already in the store: change its price and stock from your products.") % {
        "product": product_name}
