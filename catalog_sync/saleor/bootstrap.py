"""``ocop saleor bootstrap``: make Saleor hold the OCOP catalogue structure, idempotently.

Everything is looked up by slug (or, for the shipping zone, by name) first; only what is
missing is created, and what exists is left as it is unless a link between two of our own
objects is missing (a warehouse not in the channel, an attribute not on the product type).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import spec
from .client import SaleorClient, SaleorError, every_node, returned
from .generated.catalogue_state import CatalogueState as CatalogueStateReply
from .generated.enums import (
    AttributeEntityTypeEnum,
    AttributeInputTypeEnum,
    AttributeTypeEnum,
    CountryCode,
    LanguageCodeEnum,
    ProductAttributeType,
    ProductTypeKindEnum,
    ShippingMethodTypeEnum,
)
from .generated.input_types import (
    AddressInput,
    AttributeCreateInput,
    AttributeValueCreateInput,
    AttributeValueTranslationInput,
    CategoryInput,
    ChannelCreateInput,
    ChannelUpdateInput,
    CheckoutAutoCompleteInput,
    CheckoutSettingsInput,
    NameTranslationInput,
    OrderSettingsInput,
    PageTypeCreateInput,
    ProductAttributeAssignInput,
    ProductTypeInput,
    ShippingMethodChannelListingAddInput,
    ShippingMethodChannelListingInput,
    ShippingPriceInput,
    ShippingZoneCreateInput,
    ShippingZoneUpdateInput,
    TranslationInput,
    WarehouseCreateInput,
)


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


@dataclass
class Value:
    """A dropdown value of one of our attributes (keyed by its external reference)."""

    id: str
    slug: str | None
    name_en: str | None = None


@dataclass
class Attribute:
    id: str
    type: str
    input_type: str | None
    name_en: str | None
    values: dict[str, Value]  # by external reference


@dataclass
class Channel:
    id: str
    currency_code: str
    country: str
    warehouse_ids: set[str]
    allows_unpaid_orders: bool  # cash on delivery: orders are placed unpaid
    completes_paid_checkouts: bool = False  # Saleor completes a card checkout whose shopper closed the tab


@dataclass
class Typed:
    """A product or page type, with the ids of the attributes it has."""

    id: str
    attribute_ids: set[str]


@dataclass
class Category:
    id: str
    name_en: str | None


class CatalogueState:
    """What Saleor holds of our catalogue structure, read in one query (``CatalogueState``)."""

    def __init__(self, reply: CatalogueStateReply):
        channel = reply.channel
        self.channel = Channel(
            channel.id, channel.currency_code, channel.default_country.code, {w.id for w in channel.warehouses},
            channel.order_settings.allow_unpaid_orders,
            channel.checkout_settings.automatically_complete_fully_paid_checkouts) if channel else None
        self.warehouses = {e.node.slug: e.node.id for e in reply.warehouses.edges} if reply.warehouses else {}
        self.attributes = {e.node.slug: Attribute(
            id=e.node.id, type=e.node.type_.value, input_type=e.node.input_type.value if e.node.input_type else None,
            name_en=e.node.translation.name if e.node.translation else None,
            values={v.node.external_reference: Value(v.node.id, v.node.slug,
                                                     v.node.translation.name if v.node.translation else None)
                    for v in (e.node.choices.edges if e.node.choices else []) if v.node.external_reference},
        ) for e in (reply.attributes.edges if reply.attributes else [])}
        self.product_types = {e.node.slug: Typed(e.node.id, {a.id for a in e.node.product_attributes or []})
                              for e in (reply.product_types.edges if reply.product_types else [])}
        self.page_types = {e.node.slug: Typed(e.node.id, {a.id for a in e.node.attributes or []})
                           for e in (reply.page_types.edges if reply.page_types else [])}
        self.categories = {e.node.slug: Category(e.node.id, e.node.translation.name if e.node.translation else None)
                           for e in (reply.categories.edges if reply.categories else [])}

    def choices(self, attribute: str) -> dict[str, Value]:
        """The values of a dropdown attribute by external reference."""
        found = self.attributes.get(attribute)
        return found.values if found else {}


def read_state(client: SaleorClient) -> CatalogueState:
    return CatalogueState(client.operations().catalogue_state(
        channel=spec.CHANNEL_SLUG,
        warehouses=[spec.WAREHOUSE_SLUG],
        attributes=[a.slug for a in spec.ALL_ATTRIBUTES],
        product_types=[t.slug for t in spec.PRODUCT_TYPES],
        page_types=[spec.PAGE_TYPE_SLUG],
        categories=[c.slug for c in spec.CATEGORIES],
    ))


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
EN = LanguageCodeEnum.EN


def _checkout_settings() -> CheckoutSettingsInput:
    """Saleor completes a fully paid checkout itself (its worker, each minute) once it has waited this long."""
    return CheckoutSettingsInput(automaticCompletion=CheckoutAutoCompleteInput(
        enabled=True, delay=spec.PAID_CHECKOUT_COMPLETION_MINUTES))


def _channel(client: SaleorClient, state: CatalogueState, note: Note) -> str:
    channel = state.channel
    if channel:
        if channel.currency_code != spec.CURRENCY:
            raise SaleorError(
                f"channel {spec.CHANNEL_SLUG} exists with currency {channel.currency_code}, not {spec.CURRENCY}; "
                "a channel's currency cannot be changed: delete or rename that channel in the Dashboard"
            )
        if channel.country != spec.COUNTRY or not channel.allows_unpaid_orders or not channel.completes_paid_checkouts:
            client.operations().channel_update(id=channel.id, input=ChannelUpdateInput(
                defaultCountry=CountryCode(spec.COUNTRY), orderSettings=OrderSettingsInput(allowUnpaidOrders=True),
                checkoutSettings=_checkout_settings()))
            note("channel", spec.CHANNEL_SLUG, "updated")
        else:
            note("channel", spec.CHANNEL_SLUG, "exists")
        return channel.id
    payload = client.operations().channel_create(input=ChannelCreateInput(
        name=spec.CHANNEL_NAME, slug=spec.CHANNEL_SLUG, currencyCode=spec.CURRENCY,
        defaultCountry=CountryCode(spec.COUNTRY), isActive=True,
        orderSettings=OrderSettingsInput(allowUnpaidOrders=True),  # cash on delivery: orders are placed unpaid
        checkoutSettings=_checkout_settings(),
    )).channel_create
    created = returned(payload.channel if payload else None, "channelCreate")
    state.channel = Channel(created.id, spec.CURRENCY, spec.COUNTRY, set(), True, True)
    note("channel", spec.CHANNEL_SLUG, "created")
    return created.id


def _warehouse(client: SaleorClient, state: CatalogueState, channel_id: str, note: Note) -> str:
    warehouse_id = state.warehouses.get(spec.WAREHOUSE_SLUG)
    if warehouse_id:
        note("warehouse", spec.WAREHOUSE_SLUG, "exists")
    else:
        payload = client.operations().warehouse_create(input=WarehouseCreateInput(
            name=spec.WAREHOUSE_NAME, slug=spec.WAREHOUSE_SLUG,
            address=AddressInput.model_validate(spec.WAREHOUSE_ADDRESS),
        )).create_warehouse
        warehouse_id = returned(payload.warehouse if payload else None, "createWarehouse").id
        note("warehouse", spec.WAREHOUSE_SLUG, "created")
    assert state.channel is not None
    if warehouse_id not in state.channel.warehouse_ids:
        client.operations().channel_update(id=channel_id, input=ChannelUpdateInput(addWarehouses=[warehouse_id]))
        note("channel warehouse", f"{spec.CHANNEL_SLUG} ← {spec.WAREHOUSE_SLUG}", "created")
    return warehouse_id


def _shipping(client: SaleorClient, channel_id: str, warehouse_id: str, note: Note) -> None:
    operations = client.operations()
    zones = [z for z in every_node(lambda first, after: operations.shipping_zones(
        search=spec.SHIPPING_ZONE_NAME, first=first, after=after).shipping_zones)
        if z.name == spec.SHIPPING_ZONE_NAME]
    methods: list[tuple[str, str, set[str]]] = []  # (id, name, channel ids)
    if zones:
        zone = zones[0]
        add = ShippingZoneUpdateInput()
        if warehouse_id not in {w.id for w in zone.warehouses}:
            add.add_warehouses = [warehouse_id]
        if channel_id not in {c.id for c in zone.channels}:
            add.add_channels = [channel_id]
        countries = {c.code for c in zone.countries}
        if spec.COUNTRY not in countries:
            add.countries = sorted(countries | {spec.COUNTRY})
        if add.model_fields_set:
            operations.shipping_zone_update(id=zone.id, input=add)
        note("shipping zone", spec.SHIPPING_ZONE_NAME, "updated" if add.model_fields_set else "exists")
        zone_id = zone.id
        methods = [(m.id, m.name, {listing.channel.id for listing in m.channel_listings or []})
                   for m in zone.shipping_methods or []]
    else:
        payload = operations.shipping_zone_create(input=ShippingZoneCreateInput(
            name=spec.SHIPPING_ZONE_NAME, countries=[spec.COUNTRY],
            addWarehouses=[warehouse_id], addChannels=[channel_id],
        )).shipping_zone_create
        note("shipping zone", spec.SHIPPING_ZONE_NAME, "created")
        zone_id = returned(payload.shipping_zone if payload else None, "shippingZoneCreate").id
    method = next((m for m in methods if m[1] == spec.SHIPPING_METHOD_NAME), None)
    if method is None:
        created = operations.shipping_method_create(input=ShippingPriceInput(
            name=spec.SHIPPING_METHOD_NAME, type=ShippingMethodTypeEnum.PRICE, shippingZone=zone_id,
        )).shipping_price_create
        method = (returned(created.shipping_method if created else None, "shippingPriceCreate").id,
                  spec.SHIPPING_METHOD_NAME, set())
        note("shipping method", spec.SHIPPING_METHOD_NAME, "created")
    else:
        note("shipping method", spec.SHIPPING_METHOD_NAME, "exists")
    if channel_id not in method[2]:
        operations.shipping_method_listing(id=method[0], input=ShippingMethodChannelListingInput(addChannels=[
            ShippingMethodChannelListingAddInput(channelId=channel_id, price=spec.SHIPPING_PRICE_VND)]))
        note("shipping price", f"{spec.SHIPPING_METHOD_NAME} in {spec.CHANNEL_SLUG}", "created")


def _attribute(client: SaleorClient, state: CatalogueState, attribute: spec.AttributeSpec,
               page_type_id: str | None, note: Note) -> str:
    operations = client.operations()
    existing = state.attributes.get(attribute.slug)
    outcome = "exists"
    if existing:
        if existing.type != attribute.type or existing.input_type != attribute.input_type:
            raise SaleorError(
                f"attribute {attribute.slug} exists as {existing.type}/{existing.input_type}, not "
                f"{attribute.type}/{attribute.input_type}: fix or remove it in the Dashboard, then run bootstrap again"
            )
        for choice in attribute.choices:
            if choice.external_reference not in existing.values:
                payload = operations.attribute_value_create(attribute=existing.id, input=AttributeValueCreateInput(
                    name=choice.name, externalReference=choice.external_reference,
                )).attribute_value_create
                value = returned(payload.attribute_value if payload else None, "attributeValueCreate")
                existing.values[choice.external_reference] = Value(value.id, value.slug)
                outcome = "updated"
    else:
        create = AttributeCreateInput(
            name=attribute.name, slug=attribute.slug, type=AttributeTypeEnum(attribute.type),
            inputType=AttributeInputTypeEnum(attribute.input_type), valueRequired=False, visibleInStorefront=True,
        )
        if attribute.choices:
            create.values = [AttributeValueCreateInput(name=c.name, externalReference=c.external_reference)
                             for c in attribute.choices]
        if attribute.entity_type:
            create.entity_type = AttributeEntityTypeEnum(attribute.entity_type)
        if attribute.references_page_type and page_type_id:
            create.reference_types = [page_type_id]
        reply = operations.attribute_create(input=create).attribute_create
        created = returned(reply.attribute if reply else None, "attributeCreate")
        existing = state.attributes[attribute.slug] = Attribute(
            id=created.id, type=attribute.type, input_type=attribute.input_type, name_en=None,
            values={v.node.external_reference: Value(v.node.id, v.node.slug)
                    for v in (created.choices.edges if created.choices else []) if v.node.external_reference},
        )
        outcome = "created"
    if _translate_attribute(client, existing, attribute) and outcome == "exists":
        outcome = "updated"
    note("attribute", attribute.slug, outcome)
    return existing.id


def _translate_attribute(client: SaleorClient, existing: Attribute, attribute: spec.AttributeSpec) -> int:
    """Give the attribute and its values their English names; returns how many were (re)translated."""
    changed = 0
    if existing.name_en != attribute.name_en:
        client.operations().attribute_translate(id=existing.id, language=EN,
                                                input=NameTranslationInput(name=attribute.name_en))
        changed += 1
    for choice in attribute.choices:
        value = existing.values[choice.external_reference]
        if value.name_en != choice.name_en:
            client.operations().attribute_value_translate(id=value.id, language=EN,
                                                          input=AttributeValueTranslationInput(name=choice.name_en))
            changed += 1
    return changed


def _page_type(client: SaleorClient, state: CatalogueState, attribute_ids: list[str], note: Note) -> str:
    existing = state.page_types.get(spec.PAGE_TYPE_SLUG)
    if existing:
        missing = [a for a in attribute_ids if a not in existing.attribute_ids]
        if missing:
            client.operations().page_attribute_assign(page_type=existing.id, attributes=missing)
        note("page type", spec.PAGE_TYPE_SLUG, "updated" if missing else "exists")
        return existing.id
    payload = client.operations().page_type_create(input=PageTypeCreateInput(
        name=spec.PAGE_TYPE_NAME, slug=spec.PAGE_TYPE_SLUG, addAttributes=attribute_ids,
    )).page_type_create
    note("page type", spec.PAGE_TYPE_SLUG, "created")
    return returned(payload.page_type if payload else None, "pageTypeCreate").id


def _product_type(client: SaleorClient, state: CatalogueState, product_type: spec.ProductTypeSpec,
                  attribute_ids: list[str], note: Note) -> str:
    existing = state.product_types.get(product_type.slug)
    if existing:
        missing = [a for a in attribute_ids if a not in existing.attribute_ids]
        if missing:
            client.operations().product_attribute_assign(product_type=existing.id, operations=[
                ProductAttributeAssignInput(id=a, type=ProductAttributeType.PRODUCT) for a in missing])
        note("product type", product_type.slug, "updated" if missing else "exists")
        return existing.id
    payload = client.operations().product_type_create(input=ProductTypeInput(
        name=product_type.name, slug=product_type.slug, kind=ProductTypeKindEnum.NORMAL,
        productAttributes=attribute_ids, isShippingRequired=product_type.is_shipping_required,
    )).product_type_create
    note("product type", product_type.slug, "created")
    return returned(payload.product_type if payload else None, "productTypeCreate").id


def _categories(client: SaleorClient, state: CatalogueState, note: Note) -> None:
    operations = client.operations()
    for category in spec.CATEGORIES:
        existing = state.categories.get(category.slug)
        outcome = "exists"
        if not existing:
            parent = state.categories[category.parent].id if category.parent else None
            payload = operations.category_create(
                input=CategoryInput(name=category.name_vi, slug=category.slug), parent=parent).category_create
            existing = state.categories[category.slug] = Category(
                returned(payload.category if payload else None, "categoryCreate").id, None)
            outcome = "created"
        if existing.name_en != category.name_en:
            operations.category_translate(id=existing.id, language=EN,
                                          input=TranslationInput(name=category.name_en))
            if outcome == "exists":
                outcome = "updated"
        note("category", category.slug, outcome)
