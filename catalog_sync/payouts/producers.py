"""Who a ledger entry is for: the registry producer whose Saleor page slug the order line's product referenced
(``catalog_sync.saleor.entries.producer_page_slug``; a producer whose name another shares also answers to the
slug it had before the two pages were split)."""

from __future__ import annotations

from catalog_sync.registry.models import Certificate, Producer
from catalog_sync.saleor.entries import producer_page_slug


class UnknownProducer(LookupError):
    """No certificate of the registry has this id."""


def slugs_of(producer: Producer, shared: set[str] | None = None) -> tuple[str, ...]:
    """The page slug of ``producer`` now, then the one namesakes' lines were recorded under before."""
    shares = producer.shares_name if shared is None else producer.name_key in shared
    slug = producer_page_slug(producer.name_key, producer.name, producer.province, shares_name=shares)
    if not shares:
        return (slug,)
    return slug, producer_page_slug(producer.name_key, producer.name, producer.province, shares_name=False)


def producer_by_certificate(certificate_id: str) -> Producer:
    certificate = Certificate.objects.select_related("producer").filter(id=certificate_id.strip().upper()).first()
    if certificate is None:
        raise UnknownProducer(f"--producer: no certificate {certificate_id!r} in the registry")
    return certificate.producer


def producers_by_slug(slugs: set[str] | None = None) -> dict[str, Producer]:
    """{page slug: producer} for every registry producer (or only for those answering to ``slugs``). A slug of
    the pre-split page maps to the producer that kept it (the first registered)."""
    shared = Producer.shared_name_keys()
    found: dict[str, Producer] = {}
    for producer in Producer.objects.order_by("id").iterator(chunk_size=2000):
        for slug in slugs_of(producer, shared):
            if (slugs is None or slug in slugs) and slug not in found:
                found[slug] = producer
    return found
