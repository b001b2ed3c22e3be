"""``ocop saleor import-catalogue``: registry certificates -> Saleor producer pages and products.

Which certificates: the registry's query passed in (``Certificate.objects.in_catalogue_on``: those
valid on the day, the newest of each renewal chain); identities as in ``entries``. On update only
what the registry owns is written (the OCOP attributes and the category); names, descriptions,
photos and prices belong to the producer and are never overwritten.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from . import namesakes, spec
from .bootstrap import CatalogueState, read_state
from .client import SaleorClient, SaleorError, SaleorMutationError, returned
from .demo import DemoSeeding
from .entries import CatalogueQuery, ListedCertificate, OwnerQuery, ProducerEntry, ProductEntry, catalogue_entries
from .generated.input_types import (
    AttributeValueInput,
    AttributeValueSelectableTypeInput,
    PageCreateInput,
    PageInput,
    ProductBulkCreateInput,
    ProductInput,
)
from .held import PageNode, ProductNode, assigned, catalogue_products, producer_pages

BULK_SIZE = 50

Progress = Callable[[str, int, int], None]


# --- the run ----------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    producers: dict[str, int] = field(default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0})
    # products moved to their own producer's page: [{"from": page slug before, "to": page slug now,
    # "products": certificate ids}] (a page namesakes of two provinces shared, split into one page each)
    split_pages: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": self.errors,
            "producers": self.producers,
            "split_pages": self.split_pages,
        }

    def error(self, certificate_id: str, reason: str) -> None:
        self.errors.append({"certificate_id": certificate_id, "reason": reason})


class CatalogueNotBootstrapped(SaleorError):
    pass



class _Context:
    def __init__(self, state: CatalogueState):
        missing = []
        if not state.channel:
            missing.append(f"channel {spec.CHANNEL_SLUG}")
        missing += [f"product type {t.slug}" for t in spec.PRODUCT_TYPES if t.slug not in state.product_types]
        if spec.PAGE_TYPE_SLUG not in state.page_types:
            missing.append(f"page type {spec.PAGE_TYPE_SLUG}")
        missing += [f"attribute {a.slug}" for a in spec.ALL_ATTRIBUTES if a.slug not in state.attributes]
        missing += [f"category {c.slug}" for c in spec.CATEGORIES if c.slug not in state.categories]
        if spec.WAREHOUSE_SLUG not in state.warehouses:
            missing.append(f"warehouse {spec.WAREHOUSE_SLUG}")
        if missing:
            raise CatalogueNotBootstrapped(
                "Saleor lacks the OCOP catalogue structure (" + ", ".join(missing[:5])
                + (", …" if len(missing) > 5 else "") + "): run `ocop saleor bootstrap` first"
            )
        assert state.channel is not None
        self.channel_id: str = state.channel.id
        self.warehouse_id: str = state.warehouses[spec.WAREHOUSE_SLUG]
        self.product_type_ids = {t.slug: state.product_types[t.slug].id for t in spec.PRODUCT_TYPES}
        self.page_type_id: str = state.page_types[spec.PAGE_TYPE_SLUG].id
        self.attribute_ids = {slug: attribute.id for slug, attribute in state.attributes.items()}
        self.category_ids = {slug: category.id for slug, category in state.categories.items()}
        # dropdown value: external reference -> slug (what a product's assigned value shows)
        self.choice_slugs = {ref: value.slug for a in spec.ALL_ATTRIBUTES if a.choices
                             for ref, value in state.choices(a.slug).items()}

    def choice(self, attribute: str, key: str) -> str | None:
        """The external reference of a dropdown value, or None when Saleor lacks that value."""
        reference = spec.choice_reference(attribute, key)
        return reference if reference in self.choice_slugs else None


def _editorjs(*paragraphs: str) -> str:
    return json.dumps({"blocks": [{"type": "paragraph", "data": {"text": p}} for p in paragraphs]},
                      ensure_ascii=False)


def _dropdown(attribute_id: str, reference: str) -> AttributeValueInput:
    return AttributeValueInput(id=attribute_id, dropdown=AttributeValueSelectableTypeInput(externalReference=reference))


class _Run:
    def __init__(self, client: SaleorClient, context: _Context, summary: ImportSummary,
                 progress: Progress | None, demo: bool):
        self.client = client
        self.operations = client.operations()
        self.ctx = context
        self.summary = summary
        self.progress = progress or (lambda phase, done, total: None)
        # the demo store (``ocop demo``): every product listed, with a made-up price and stock (demo.py)
        self.demo = DemoSeeding(context.channel_id, context.warehouse_id) if demo else None
        self.product_ids: dict[str, str] = {}  # external reference -> id, of the products created or found
        self.slugs_before: dict[str, str] = {}  # page id -> its slug when the run began
        self.pages_at_start: dict[str, PageNode] = {}  # by slug
        self.shared_page_ids: set[str] = set()  # the pages namesakes shared when the run began
        self.pages_by_key: dict[str, str | SaleorError] = {}  # producer key -> page id (or the error)
        self.inherited: set[str] = set()  # the slugs of the shared pages this run renamed to their heir's
        self.moved: dict[tuple[str, str], list[str]] = {}  # (page slug before, page slug now) -> certificate ids

    # producers ----------------------------------------------------------------------------

    def page_values(self, producer: ProducerEntry) -> tuple[list[AttributeValueInput], dict[str, Any]]:
        """(attribute input, the values a page holding that input shows)."""
        ctx, ids = self.ctx, self.ctx.attribute_ids
        inputs: list[AttributeValueInput] = []
        shown: dict[str, Any] = {}
        province = ctx.choice(spec.PRODUCER_PROVINCE, producer.province) if producer.province else None
        if province:
            inputs.append(_dropdown(ids[spec.PRODUCER_PROVINCE], province))
            shown[spec.PRODUCER_PROVINCE] = ctx.choice_slugs[province]
        if producer.commune:
            inputs.append(AttributeValueInput(id=ids[spec.COMMUNE], plainText=producer.commune))
            shown[spec.COMMUNE] = producer.commune
        kind = ctx.choice(spec.ORGANISATION_TYPE, producer.organisation_type)
        if kind:
            inputs.append(_dropdown(ids[spec.ORGANISATION_TYPE], kind))
            shown[spec.ORGANISATION_TYPE] = ctx.choice_slugs[kind]
        return inputs, shown

    def sync_producers(self, producers: list[ProducerEntry],
                       existing: dict[str, PageNode] | None = None) -> dict[str, str | SaleorError]:
        """Page id (or the error) per producer key. Saleor has no bulk page mutation: one per new or changed page.

        ``existing``: the pages Saleor holds by slug (default: every producer page, read 100 per query).

        Namesakes of two provinces are two producers with two pages. Where they still share the page they had
        before (the slug of the name alone), the first of them in the registry keeps it, renamed to its own slug
        (its story and photos stay with it), and each other one gets a page of its own; their products then move
        to their own producer's page (``sync_products``, which reports the moves)."""
        if existing is None:
            existing = {p.slug: p for p in producer_pages(self.client, self.ctx.page_type_id)}
        self.slugs_before.update({page.id: slug for slug, page in existing.items()})
        self.pages_at_start = self.pages_at_start or dict(existing)
        self.shared_page_ids |= namesakes.shared_pages(producers, existing)
        heirs = {shared: key for shared, key in namesakes.heirs(producers, existing).items()
                 if shared not in self.inherited}
        pages: dict[str, str | SaleorError] = {}
        counts = self.summary.producers
        for done, producer in enumerate(producers, start=1):
            inputs, shown = self.page_values(producer)
            page = existing.get(producer.slug)
            try:
                if page is None and heirs.get(producer.shared_slug) == producer.key:
                    shared = existing[producer.shared_slug]
                    self.inherited.add(producer.shared_slug)
                    self.operations.page_update(id=shared.id, input=PageInput(slug=producer.slug, attributes=inputs))
                    self._key(shared.id, producer)
                    pages[producer.key] = shared.id
                    counts["updated"] += 1
                elif page is None:
                    created = self.operations.page_create(input=PageCreateInput(
                        pageType=self.ctx.page_type_id, slug=producer.slug, title=producer.name,
                        isPublished=True, attributes=inputs,
                    )).page_create
                    page_id = returned(created.page if created else None, "pageCreate").id
                    pages[producer.key] = page_id
                    self._key(page_id, producer)
                    counts["created"] += 1
                else:
                    pages[producer.key] = page.id
                    have = assigned(page)
                    if any(have.get(slug) != value for slug, value in shown.items()):
                        self.operations.page_update(id=page.id, input=PageInput(attributes=inputs))
                        counts["updated"] += 1
                    else:
                        counts["unchanged"] += 1
            except SaleorError as error:
                pages[producer.key] = error
            self.progress("producers", done, len(producers))
        self.pages_by_key.update(pages)
        return pages

    def _key(self, page_id: str, producer: ProducerEntry) -> None:
        """The registry producer in the page's metadata, where its name alone does not say who it is."""
        if producer.shares_name:
            reply = self.operations.producer_page_key(id=page_id, key=producer.key).update_metadata
            returned(reply.item if reply else None, "updateMetadata")

    # products -----------------------------------------------------------------------------

    def product_values(self, entry: ProductEntry, page_id: str) -> tuple[list[AttributeValueInput], dict[str, Any]]:
        ctx = self.ctx
        ids = ctx.attribute_ids
        inputs = [
            AttributeValueInput(id=ids[spec.CERTIFICATE], plainText=entry.certificate_id),
            AttributeValueInput(id=ids[spec.STARS], numeric=str(entry.stars)),
            AttributeValueInput(id=ids[spec.VALID_UNTIL], date=entry.valid_until),
            AttributeValueInput(id=ids[spec.PRODUCER], reference=page_id),
        ]
        shown: dict[str, Any] = {
            spec.CERTIFICATE: entry.certificate_id,
            spec.STARS: Decimal(entry.stars),
            spec.VALID_UNTIL: entry.valid_until,
            spec.PRODUCER: page_id,
        }
        for attribute, key in ((spec.GROUP, entry.group), (spec.PROVINCE, entry.province)):
            reference = ctx.choice(attribute, key) if key else None
            if reference:
                inputs.append(_dropdown(ids[attribute], reference))
                shown[attribute] = ctx.choice_slugs[reference]
        return inputs, shown

    def new_product(self, entry: ProductEntry, attributes: list[AttributeValueInput]) -> ProductBulkCreateInput:
        description = [
            f"Sản phẩm OCOP {entry.stars} sao, giấy chứng nhận số {entry.certificate_id} "
            f"(quyết định {entry.decision_no or 'không rõ số'} ngày {entry.issued_on:%d/%m/%Y}), "
            f"hiệu lực đến hết ngày {entry.valid_until:%d/%m/%Y}.",
        ]
        product_type = self.ctx.product_type_ids[spec.product_type_for_group(entry.group)]
        product = ProductBulkCreateInput(
            productType=product_type, name=entry.product_name, slug=entry.slug,
            externalReference=entry.external_reference, category=self.ctx.category_ids[entry.category],
            attributes=attributes,
        )
        if self.demo:
            self.demo.new_product(product, description, entry)
        product.description = _editorjs(*description)
        return product

    def sync_products(self, products: list[ProductEntry], pages: dict[str, str | SaleorError],
                      existing: dict[str, ProductNode] | None = None,
                      slugs: dict[str, str] | None = None) -> None:
        """``existing``: the products Saleor holds by external reference (default: all of our product types)."""
        if existing is None:
            existing = {p.external_reference: p for p in catalogue_products(
                self.client, sorted(self.ctx.product_type_ids.values())) if p.external_reference}
        to_create: list[tuple[ProductEntry, ProductBulkCreateInput]] = []
        done = 0
        for entry in products:
            page = pages.get(entry.producer_key)
            if not isinstance(page, str):
                self.summary.error(entry.certificate_id, f"producer page: {page}")
                done += 1
                self.progress("products", done, len(products))
                continue
            if entry.category not in self.ctx.category_ids:
                self.summary.error(entry.certificate_id, "no product group in the registry: no category to put it in")
                done += 1
                self.progress("products", done, len(products))
                continue
            inputs, shown = self.product_values(entry, page)
            product = existing.get(entry.external_reference)
            if product is None:
                to_create.append((entry, self.new_product(entry, inputs)))
                continue
            self.product_ids[entry.external_reference] = product.id
            have = assigned(product)
            same = all(have.get(slug) == value for slug, value in shown.items()) and (
                (product.category.slug if product.category else None) == entry.category)
            seeding = self.demo if not (product.product_variants and product.product_variants.edges) else None
            try:
                if not same:
                    self.operations.product_update(id=product.id, input=ProductInput(
                        attributes=inputs, category=self.ctx.category_ids[entry.category]))
                if seeding:
                    seeding.listing(self.operations, entry, product.id)
            except SaleorMutationError as error:
                self.summary.error(entry.certificate_id, str(error))
            else:
                self._moved(entry, have.get(spec.PRODUCER), (slugs or {}).get(entry.producer_key))
                if same and not seeding:
                    self.summary.unchanged += 1
                else:
                    self.summary.updated += 1
            done += 1
            self.progress("products", done, len(products))
        for start in range(0, len(to_create), BULK_SIZE):
            chunk = to_create[start:start + BULK_SIZE]
            self._create(chunk)
            done += len(chunk)
            self.progress("products", done, len(products))

    def _moved(self, entry: ProductEntry, page_before: str | None, slug_now: str | None) -> None:
        self.note_move(entry.certificate_id, page_before, slug_now)

    def note_move(self, certificate_id: str, page_before: str | None, slug_now: str | None) -> None:
        """Note a product whose producer page is another (or renamed) now: from the slug its page had."""
        slug_before = self.slugs_before.get(page_before or "")
        if slug_before and slug_now and slug_before != slug_now:
            self.moved.setdefault((slug_before, slug_now), []).append(certificate_id)

    def split_pages(self) -> list[dict[str, Any]]:
        return [{"from": before, "to": now, "products": sorted(ids)}
                for (before, now), ids in sorted(self.moved.items())]

    def _create(self, chunk: list[tuple[ProductEntry, ProductBulkCreateInput]]) -> None:
        reply = self.operations.product_bulk_create(products=[payload for _, payload in chunk]).product_bulk_create
        result = returned(reply, "productBulkCreate")
        for (entry, _), row in zip(chunk, result.results, strict=True):
            if row.product:
                self.summary.created += 1
                self.product_ids[entry.external_reference] = row.product.id
            else:
                reasons = "; ".join(f"{e.path or '(product)'}: {e.code.value}: {e.message}" for e in row.errors or [])
                self.summary.error(entry.certificate_id, f"productBulkCreate: {reasons}")


def import_catalogue(client: SaleorClient, catalogue: CatalogueQuery, *, today: datetime.date,
                     progress: Progress | None = None, demo: bool = False,
                     owners: OwnerQuery | None = None) -> ImportSummary:
    """Create or update producer pages and products in Saleor from the registry's ``catalogue`` on ``today``.

    ``owners`` (the registry's producer of each certificate): where a page producers of one name shared is split,
    the products outside today's catalogue on it move to their own producer's page too."""
    producers, products = catalogue_entries(catalogue(today))
    context = _Context(read_state(client))
    summary = ImportSummary()
    run = _Run(client, context, summary, progress, demo)
    pages = run.sync_producers(producers)
    existing = {p.external_reference: p for p in catalogue_products(
        client, sorted(context.product_type_ids.values())) if p.external_reference}
    run.sync_products(products, pages, existing, slugs={p.key: p.slug for p in producers})
    if owners is not None and run.shared_page_ids:
        namesakes.rehome(run, products, existing, owners)
    summary.split_pages = run.split_pages()
    return summary


class CertificateNotImported(SaleorError):
    """Saleor refused the producer page or the product of one certificate; the message says why."""


def import_certificate(client: SaleorClient, listed: tuple[str, ListedCertificate], *,
                       page: PageNode | None, product: ProductNode | None) -> str:
    """Create or update the producer page and the product of one certificate exactly as ``import_catalogue``
    does, given what Saleor holds now for them (``page`` by the producer's slug, ``product`` by the chain's
    external reference; None when there is none). Returns the product's id."""
    producers, products = catalogue_entries([listed])
    (producer,), (entry,) = producers, products
    summary = ImportSummary()
    run = _Run(client, _Context(read_state(client)), summary, None, demo=False)
    pages = run.sync_producers([producer], existing={page.slug: page} if page else {})
    run.sync_products([entry], pages, existing={entry.external_reference: product} if product else {})
    if summary.errors:
        raise CertificateNotImported(summary.errors[0]["reason"])
    return run.product_ids[entry.external_reference]
