"""A producer's products (from the catalogue read model) and their price and stock changes (in Saleor).

Ownership is checked twice at the time of the request: the variant must be one of the producer's in
the read model, and Saleor must say now that its product's ``producer`` references the producer's page.
Anything else is ``NotTheirs`` (the pages answer 404) and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from catalog_sync.catalogue.models import Product, Variant
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor import listing_edits as edits

from .access import page_slug
from .models import PortalChange, ProducerAccount


class NotTheirs(Exception):
    """The object does not exist, or belongs to another producer."""


def their_products(account: ProducerAccount) -> QuerySet[Product]:
    return (Product.objects.filter(producer_slug=page_slug(account))
            .prefetch_related(Prefetch("variants", queryset=Variant.objects.order_by("position")))
            .order_by("name", "id"))


def their_variant(account: ProducerAccount, variant_id: str) -> Variant:
    variant = (Variant.objects.select_related("product")
               .filter(id=variant_id, product__producer_slug=page_slug(account)).first())
    if variant is None:
        raise NotTheirs(variant_id)
    return variant


@dataclass(frozen=True)
class Current:
    price: Decimal | None
    stock: int | None


def current_values(account: ProducerAccount, variant: Variant,
                   client: SaleorClient) -> tuple[edits.VariantState, Current]:
    state = edits.variant_state(client, variant.id)
    if state is None or state.producer_page_slug != page_slug(account):
        raise NotTheirs(variant.id)
    return state, Current(state.price, state.stock)


def change_variant(account: ProducerAccount, variant_id: str, *, price: Decimal, stock: int,
                   client: SaleorClient) -> list[PortalChange]:
    """Write what differs from Saleor's values now; every write is recorded. Raises ``NotTheirs``."""
    variant = their_variant(account, variant_id)
    state, _current = current_values(account, variant, client)
    name = f"{state.product_name} · {state.name}" if state.name else state.product_name
    changes: list[PortalChange] = []

    def record(field: str, before: object, after: object) -> None:
        changes.append(PortalChange.record(account, object_type="variant", object_id=state.id, name=name,
                                           field=field, before=before, after=after))

    if state.price is None or price != state.price:
        record("price", state.price, edits.set_price(client, state, price))
    if state.stock is None or stock != state.stock:
        record("stock", state.stock, edits.set_stock(client, state, stock))
    return changes
