"""Producers of one name in two provinces, told apart in a store where they shared one page.

The catalogue import (``catalogue._Run``) keeps each registry producer's page; where namesakes still share the
page of their name alone, the first registered of them keeps it (renamed, with its story and photos: ``heirs``)
and each other one gets its own. The products of today's catalogue then move by the import's own comparison;
``rehome`` moves the others still on that page (a withdrawn product, whose orders its producer still ships) to
their own registry producer's page, found from their certificate.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from . import spec
from .client import SaleorError
from .entries import OwnerQuery, ProducerEntry, ProductEntry, producer_entry
from .generated.input_types import AttributeValueInput, ProductInput
from .held import PageNode, ProductNode, assigned


class Run(Protocol):
    """What ``rehome`` needs of the catalogue import's run (``catalogue._Run``)."""

    operations: Any  # the typed operations, with the app's token
    ctx: Any  # Saleor's ids of the catalogue's attributes (``attribute_ids``)
    summary: Any  # the import's summary: ``error(certificate, reason)``
    shared_page_ids: set[str]
    pages_by_key: dict[str, str | SaleorError]
    pages_at_start: dict[str, PageNode]

    def sync_producers(self, producers: list[ProducerEntry],
                       existing: dict[str, PageNode] | None = None) -> dict[str, str | SaleorError]: ...

    def note_move(self, certificate_id: str, page_before: str | None, slug_now: str | None) -> None: ...


def heirs(producers: list[ProducerEntry], existing: Mapping[str, PageNode]) -> dict[str, str]:
    """For each page namesakes still share (the slug of their name alone), the producer key of the one who keeps
    it: the first registered of those without a page of their own yet."""
    found: dict[str, str] = {}
    for producer in sorted(producers, key=lambda p: p.registered):
        if (producer.shares_name and producer.shared_slug in existing and producer.slug not in existing
                and producer.shared_slug not in found):
            found[producer.shared_slug] = producer.key
    return found


def shared_pages(producers: list[ProducerEntry], existing: Mapping[str, PageNode]) -> set[str]:
    """The ids of the pages namesakes shared (by the slug of their name alone) when the run began."""
    return {existing[p.shared_slug].id for p in producers if p.shares_name and p.shared_slug in existing}


def rehome(run: Run, products: list[ProductEntry], existing: Mapping[str, ProductNode], owners: OwnerQuery) -> None:
    """Move each product outside today's catalogue still on a page namesakes shared to its own registry
    producer's page (made when it has none), as the catalogue's products were; reported with them."""
    listed = {entry.external_reference for entry in products}
    strays = [(node, assigned(node)) for reference, node in existing.items()
              if reference not in listed and assigned(node).get(spec.PRODUCER) in run.shared_page_ids]
    certificates = {str(values.get(spec.CERTIFICATE) or "") for _node, values in strays}
    by_certificate = {cid: producer_entry(owner) for cid, owner in owners(sorted(certificates - {""})).items()}
    pages = run.pages_by_key
    missing = {entry.key: entry for entry in by_certificate.values() if entry.key not in pages}
    if missing:
        pages.update(run.sync_producers(sorted(missing.values(), key=lambda p: (p.name_key, p.registry_province)),
                                        existing=run.pages_at_start))
    for node, values in strays:
        certificate = str(values.get(spec.CERTIFICATE) or "")
        owner = by_certificate.get(certificate)
        page = pages.get(owner.key) if owner else None
        if owner is None or not isinstance(page, str):
            run.summary.error(certificate or node.slug, "on the page producers of one name shared, and no registry "
                              "producer's page to move it to: left there")
            continue
        if page != values.get(spec.PRODUCER):
            run.operations.product_update(id=node.id, input=ProductInput(attributes=[
                AttributeValueInput(id=run.ctx.attribute_ids[spec.PRODUCER], reference=page)]))
        run.note_move(certificate, values.get(spec.PRODUCER), owner.slug)
