"""``ocop saleor bootstrap``: make Saleor hold the OCOP catalogue structure, idempotently.

Everything is looked up by slug (or, for the shipping zone, by name) first; only what is
missing is created, and what exists is left as it is unless a link between two of our own
objects is missing (a warehouse not in the channel, an attribute not on the product type).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import documents as gql
from . import spec
from .client import SaleorClient, SaleorError


@dataclass(frozen=True)
class Step:
    kind: str
    key: str
    outcome: str  # created | exists | updated

    def __str__(self) -> str:
        return f"{self.outcome:8} {self.kind} {self.key}"


@dataclass
class BootstrapReport:
    steps: list[Step] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for s in self.steps if s.outcome == outcome)

    @property
    def changed(self) -> bool:
        return any(s.outcome != "exists" for s in self.steps)

    def as_json(self) -> dict[str, Any]:
        return {
            "created": [f"{s.kind} {s.key}" for s in self.steps if s.outcome == "created"],
            "updated": [f"{s.kind} {s.key}" for s in self.steps if s.outcome == "updated"],
            "exists": [f"{s.kind} {s.key}" for s in self.steps if s.outcome == "exists"],
        }


class CatalogueState:
    """What Saleor holds of our catalogue structure, read in one query."""

    def __init__(self, data: dict[str, Any]):
        self.channel: dict[str, Any] | None = data["channel"]
        self.warehouses = _by_slug(data["warehouses"])
        self.attributes = _by_slug(data["attributes"])
        self.product_types = _by_slug(data["productTypes"])
        self.page_types = _by_slug(data["pageTypes"])
        self.categories = _by_slug(data["categories"])

    def choices(self, attribute: str) -> dict[str, dict[str, Any]]:
        """The values of a dropdown attribute by external reference."""
        node = self.attributes.get(attribute)
        if not node:
            return {}
        return {e["node"]["externalReference"]: e["node"] for e in node["choices"]["edges"]
                if e["node"]["externalReference"]}


def read_state(client: SaleorClient) -> CatalogueState:
    return CatalogueState(client.execute(gql.CATALOGUE_STATE, {
        "channel": spec.CHANNEL_SLUG,
        "warehouses": [spec.WAREHOUSE_SLUG],
        "attributes": [a.slug for a in spec.ALL_ATTRIBUTES],
        "productTypes": [t.slug for t in spec.PRODUCT_TYPES],
        "pageTypes": [spec.PAGE_TYPE_SLUG],
        "categories": [c.slug for c in spec.CATEGORIES],
    }))


def _by_slug(connection: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {edge["node"]["slug"]: edge["node"] for edge in connection["edges"]}


def bootstrap(client: SaleorClient, *, on_step: Callable[[Step], None] | None = None) -> BootstrapReport:
    report = BootstrapReport()

    def note(kind: str, key: str, outcome: str) -> None:
        step = Step(kind, key, outcome)
        report.steps.append(step)
        if on_step:
            on_step(step)

    state = read_state(client)
    channel_id = _channel(client, state, note)
    warehouse_id = _warehouse(client, state, channel_id, note)
    _shipping(client, channel_id, warehouse_id, note)
    attribute_ids: dict[str, str] = {}
    for attribute in spec.PAGE_ATTRIBUTES:
        attribute_ids[attribute.slug] = _attribute(client, state, attribute, None, note)
    page_type_id = _page_type(client, state, [attribute_ids[a.slug] for a in spec.PAGE_ATTRIBUTES], note)
    for attribute in spec.PRODUCT_ATTRIBUTES:
        attribute_ids[attribute.slug] = _attribute(client, state, attribute, page_type_id, note)
    for product_type in spec.PRODUCT_TYPES:
        _product_type(client, state, product_type, [attribute_ids[a.slug] for a in spec.PRODUCT_ATTRIBUTES], note)
    _categories(client, state, note)
    return report


Note = Callable[[str, str, str], None]


def _channel(client: SaleorClient, state: CatalogueState, note: Note) -> str:
    channel = state.channel
    if channel:
        if channel["currencyCode"] != spec.CURRENCY:
            raise SaleorError(
                f"channel {spec.CHANNEL_SLUG} exists with currency {channel['currencyCode']}, not {spec.CURRENCY}; "
                "a channel's currency cannot be changed: delete or rename that channel in the Dashboard"
            )
        changes: dict[str, Any] = {}
        if channel["defaultCountry"]["code"] != spec.COUNTRY:
            changes["defaultCountry"] = spec.COUNTRY
        if not (channel.get("orderSettings") or {}).get("allowUnpaidOrders"):
            changes["orderSettings"] = {"allowUnpaidOrders": True}  # cash on delivery: placed unpaid
        if changes:
            client.mutate(gql.CHANNEL_UPDATE, {"id": channel["id"], "input": changes})
            note("channel", spec.CHANNEL_SLUG, "updated")
        else:
            note("channel", spec.CHANNEL_SLUG, "exists")
        return channel["id"]
    created = client.mutate(gql.CHANNEL_CREATE, {"input": {
        "name": spec.CHANNEL_NAME, "slug": spec.CHANNEL_SLUG, "currencyCode": spec.CURRENCY,
        "defaultCountry": spec.COUNTRY, "isActive": True,
        "orderSettings": {"allowUnpaidOrders": True},  # cash on delivery: orders are placed unpaid
    }})
    state.channel = {**created["channel"], "warehouses": []}
    note("channel", spec.CHANNEL_SLUG, "created")
    return created["channel"]["id"]


def _warehouse(client: SaleorClient, state: CatalogueState, channel_id: str, note: Note) -> str:
    warehouse = state.warehouses.get(spec.WAREHOUSE_SLUG)
    if warehouse:
        warehouse_id = warehouse["id"]
        note("warehouse", spec.WAREHOUSE_SLUG, "exists")
    else:
        created = client.mutate(gql.WAREHOUSE_CREATE, {"input": {
            "name": spec.WAREHOUSE_NAME, "slug": spec.WAREHOUSE_SLUG, "address": spec.WAREHOUSE_ADDRESS,
        }})
        warehouse_id = created["warehouse"]["id"]
        note("warehouse", spec.WAREHOUSE_SLUG, "created")
    assert state.channel is not None
    if warehouse_id not in {w["id"] for w in state.channel["warehouses"]}:
        client.mutate(gql.CHANNEL_UPDATE, {"id": channel_id, "input": {"addWarehouses": [warehouse_id]}})
        note("channel warehouse", f"{spec.CHANNEL_SLUG} ← {spec.WAREHOUSE_SLUG}", "created")
    return warehouse_id


def _shipping(client: SaleorClient, channel_id: str, warehouse_id: str, note: Note) -> None:
    zones = [z for z in client.paginate(gql.SHIPPING_ZONES, {"search": spec.SHIPPING_ZONE_NAME}, "shippingZones")
             if z["name"] == spec.SHIPPING_ZONE_NAME]
    if zones:
        zone = zones[0]
        add: dict[str, list[str]] = {}
        if warehouse_id not in {w["id"] for w in zone["warehouses"]}:
            add["addWarehouses"] = [warehouse_id]
        if channel_id not in {c["id"] for c in zone["channels"]}:
            add["addChannels"] = [channel_id]
        if spec.COUNTRY not in {c["code"] for c in zone["countries"]}:
            add["countries"] = sorted({c["code"] for c in zone["countries"]} | {spec.COUNTRY})
        if add:
            client.mutate(gql.SHIPPING_ZONE_UPDATE, {"id": zone["id"], "input": add})
        note("shipping zone", spec.SHIPPING_ZONE_NAME, "updated" if add else "exists")
        zone_id, methods = zone["id"], zone["shippingMethods"] or []
    else:
        created = client.mutate(gql.SHIPPING_ZONE_CREATE, {"input": {
            "name": spec.SHIPPING_ZONE_NAME, "countries": [spec.COUNTRY],
            "addWarehouses": [warehouse_id], "addChannels": [channel_id],
        }})
        note("shipping zone", spec.SHIPPING_ZONE_NAME, "created")
        zone_id, methods = created["shippingZone"]["id"], []
    method = next((m for m in methods if m["name"] == spec.SHIPPING_METHOD_NAME), None)
    if method is None:
        method = client.mutate(gql.SHIPPING_METHOD_CREATE, {"input": {
            "name": spec.SHIPPING_METHOD_NAME, "type": "PRICE", "shippingZone": zone_id,
        }})["shippingMethod"]
        method["channelListings"] = []
        note("shipping method", spec.SHIPPING_METHOD_NAME, "created")
    else:
        note("shipping method", spec.SHIPPING_METHOD_NAME, "exists")
    if channel_id not in {listing["channel"]["id"] for listing in method["channelListings"] or []}:
        client.mutate(gql.SHIPPING_METHOD_LISTING, {"id": method["id"], "input": {
            "addChannels": [{"channelId": channel_id, "price": spec.SHIPPING_PRICE_VND}],
        }})
        note("shipping price", f"{spec.SHIPPING_METHOD_NAME} in {spec.CHANNEL_SLUG}", "created")


def _attribute(client: SaleorClient, state: CatalogueState, attribute: spec.AttributeSpec,
               page_type_id: str | None, note: Note) -> str:
    existing = state.attributes.get(attribute.slug)
    outcome = "exists"
    if existing:
        if existing["type"] != attribute.type or existing["inputType"] != attribute.input_type:
            raise SaleorError(
                f"attribute {attribute.slug} exists as {existing['type']}/{existing['inputType']}, not "
                f"{attribute.type}/{attribute.input_type}: fix or remove it in the Dashboard, then run bootstrap again"
            )
        have = {e["node"]["externalReference"] for e in existing["choices"]["edges"]} if existing["choices"] else set()
        for choice in attribute.choices:
            if choice.external_reference not in have:
                value = client.mutate(gql.ATTRIBUTE_VALUE_CREATE, {"attribute": existing["id"], "input": {
                    "name": choice.name, "externalReference": choice.external_reference,
                }})["attributeValue"]
                existing["choices"]["edges"].append({"node": value})
                outcome = "updated"
    else:
        payload: dict[str, Any] = {
            "name": attribute.name, "slug": attribute.slug, "type": attribute.type,
            "inputType": attribute.input_type, "valueRequired": False, "visibleInStorefront": True,
        }
        if attribute.choices:
            payload["values"] = [{"name": c.name, "externalReference": c.external_reference}
                                 for c in attribute.choices]
        if attribute.entity_type:
            payload["entityType"] = attribute.entity_type
        if attribute.references_page_type and page_type_id:
            payload["referenceTypes"] = [page_type_id]
        created = client.mutate(gql.ATTRIBUTE_CREATE, {"input": payload})["attribute"]
        existing = state.attributes[attribute.slug] = {
            **created, "type": attribute.type, "inputType": attribute.input_type, "translation": None,
        }
        outcome = "created"
    if _translate_attribute(client, existing, attribute) and outcome == "exists":
        outcome = "updated"
    note("attribute", attribute.slug, outcome)
    return existing["id"]


def _translate_attribute(client: SaleorClient, node: dict[str, Any], attribute: spec.AttributeSpec) -> int:
    """Give the attribute and its values their English names; returns how many were (re)translated."""
    changed = 0
    if (node.get("translation") or {}).get("name") != attribute.name_en:
        client.mutate(gql.ATTRIBUTE_TRANSLATE, {"id": node["id"], "language": "EN",
                                                "input": {"name": attribute.name_en}})
        changed += 1
    values = {e["node"]["externalReference"]: e["node"] for e in (node.get("choices") or {}).get("edges", [])}
    for choice in attribute.choices:
        value = values[choice.external_reference]
        if (value.get("translation") or {}).get("name") != choice.name_en:
            client.mutate(gql.ATTRIBUTE_VALUE_TRANSLATE, {"id": value["id"], "language": "EN",
                                                          "input": {"name": choice.name_en}})
            changed += 1
    return changed


def _page_type(client: SaleorClient, state: CatalogueState, attribute_ids: list[str], note: Note) -> str:
    existing = state.page_types.get(spec.PAGE_TYPE_SLUG)
    if existing:
        missing = [a for a in attribute_ids if a not in {x["id"] for x in existing["attributes"] or []}]
        if missing:
            client.mutate(gql.PAGE_ATTRIBUTE_ASSIGN, {"pageType": existing["id"], "attributes": missing})
        note("page type", spec.PAGE_TYPE_SLUG, "updated" if missing else "exists")
        return existing["id"]
    created = client.mutate(gql.PAGE_TYPE_CREATE, {"input": {
        "name": spec.PAGE_TYPE_NAME, "slug": spec.PAGE_TYPE_SLUG, "addAttributes": attribute_ids,
    }})["pageType"]
    note("page type", spec.PAGE_TYPE_SLUG, "created")
    return created["id"]


def _product_type(client: SaleorClient, state: CatalogueState, product_type: spec.ProductTypeSpec,
                  attribute_ids: list[str], note: Note) -> str:
    existing = state.product_types.get(product_type.slug)
    if existing:
        missing = [a for a in attribute_ids if a not in {x["id"] for x in existing["productAttributes"] or []}]
        if missing:
            client.mutate(gql.PRODUCT_ATTRIBUTE_ASSIGN, {
                "productType": existing["id"],
                "operations": [{"id": a, "type": "PRODUCT"} for a in missing],
            })
        note("product type", product_type.slug, "updated" if missing else "exists")
        return existing["id"]
    created = client.mutate(gql.PRODUCT_TYPE_CREATE, {"input": {
        "name": product_type.name, "slug": product_type.slug, "kind": "NORMAL",
        "productAttributes": attribute_ids, "isShippingRequired": product_type.is_shipping_required,
    }})["productType"]
    note("product type", product_type.slug, "created")
    return created["id"]


def _categories(client: SaleorClient, state: CatalogueState, note: Note) -> None:
    for category in spec.CATEGORIES:
        existing = state.categories.get(category.slug)
        outcome = "exists"
        if existing:
            category_id = existing["id"]
        else:
            parent = state.categories[category.parent]["id"] if category.parent else None
            created = client.mutate(gql.CATEGORY_CREATE, {
                "input": {"name": category.name_vi, "slug": category.slug}, "parent": parent,
            })["category"]
            category_id = created["id"]
            state.categories[category.slug] = {**created, "translation": None}
            outcome = "created"
        translation = (existing or {}).get("translation") or {}
        if translation.get("name") != category.name_en:
            client.mutate(gql.CATEGORY_TRANSLATE, {
                "id": category_id, "language": "EN", "input": {"name": category.name_en},
            })
            if outcome == "exists":
                outcome = "updated"
        note("category", category.slug, outcome)
