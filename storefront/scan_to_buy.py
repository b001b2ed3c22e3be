"""Scan to buy: what the certificate page (``/verify/<id>/``, the QR code on the packaging) shows of the product.

The product comes from the catalogue read model, as the product page reads it (never a call to Saleor):
the product for sale in ``ocop-vn`` under the certificate or another of its renewal chain (a product
follows its certificate's renewal without being edited). It is shown only while the certificate is valid.
When Saleor does not answer (its health, checked by the web worker) or the read model does not, the
listing is left out and the registry's part of the page is unchanged: no error, nothing said.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from catalog_sync.app.health import saleor_unreachable
from catalog_sync.registry.models import Certificate

from . import reading
from .cards import ProductCard, product_card
from .product import VariantLine, max_quantity, variant_lines

CHAIN_LIMIT = 20  # renewals followed each way (a chain is a few certificates long)

# why no product is shown: "" when nothing is said (Saleor or the read model does not answer)
WhyNot = Literal["", "not_valid", "not_yet_valid", "not_for_sale"]


@dataclass(frozen=True)
class Listing:
    card: ProductCard
    variants: list[VariantLine]
    max_quantity: int


def renewal_chain(certificate: Certificate) -> tuple[str, ...]:
    """The certificate's id and those of its renewal chain: the ones it renewed and those that renewed it."""
    ids = [certificate.pk]
    older = certificate.supersedes_id
    while older and older not in ids and len(ids) < CHAIN_LIMIT:
        ids.append(older)
        older = Certificate.objects.filter(pk=older).values_list("supersedes_id", flat=True).first()
    newer = Certificate.objects.filter(supersedes_id=certificate.pk).values_list("pk", flat=True).first()
    while newer and newer not in ids and len(ids) < 2 * CHAIN_LIMIT:
        ids.append(newer)
        newer = Certificate.objects.filter(supersedes_id=newer).values_list("pk", flat=True).first()
    return tuple(ids)


def listing_for(certificate: Certificate, status: str, lang: str) -> tuple[Listing | None, WhyNot]:
    """The product to buy under this certificate, or why there is none."""
    if status == "not_yet_valid":
        return None, "not_yet_valid"
    if status != "active":
        return None, "not_valid"
    if saleor_unreachable():
        return None, ""
    try:
        read = reading.product_of_certificates(renewal_chain(certificate))
    except reading.CatalogueUnavailable:
        return None, ""
    record = read.value
    if read.stale:
        return None, ""
    if record is None:
        return None, "not_for_sale"
    return Listing(product_card(record, lang), variant_lines(record, lang), max_quantity(record)), ""
