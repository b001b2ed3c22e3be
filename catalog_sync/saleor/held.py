"""What Saleor holds of the OCOP catalogue, 100 per query: the producers' pages and the products of our product
types, whatever their listing, and the attribute values a page or product holds, in comparable form (the
catalogue import compares them with the registry's; ``namesakes`` reads them too)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from .client import SaleorClient, every_node
from .generated.fragments import CatalogueProductNode, ProducerPageNode

PageNode = ProducerPageNode
ProductNode = CatalogueProductNode


def producer_pages(client: SaleorClient, page_type_id: str) -> Iterator[PageNode]:
    operations = client.operations()
    return every_node(lambda first, after: operations.producer_pages(
        page_type=page_type_id, first=first, after=after).pages)


def catalogue_products(client: SaleorClient, product_type_ids: list[str]) -> Iterator[ProductNode]:
    """Every product of our product types (``ocop-product``, ``ocop-service``), whatever its listing."""
    operations = client.operations()
    return every_node(lambda first, after: operations.catalogue_products(
        product_types=product_type_ids, first=first, after=after).products)


def assigned(node: PageNode | ProductNode) -> dict[str, Any]:
    """A product's or page's attribute values by attribute slug, in comparable form."""
    values: dict[str, Any] = {}
    for item in node.assigned_attributes:
        slug = item.attribute.slug
        if item.typename__ == "AssignedPlainTextAttribute":
            values[slug] = item.text
        elif item.typename__ == "AssignedNumericAttribute":
            values[slug] = None if item.number is None else Decimal(str(item.number))
        elif item.typename__ == "AssignedDateAttribute":
            values[slug] = item.day
        elif item.typename__ == "AssignedSingleChoiceAttribute":
            values[slug] = item.choice.slug if item.choice else None
        elif item.typename__ == "AssignedSinglePageReferenceAttribute":
            values[slug] = item.page.id if item.page else None
    return values
