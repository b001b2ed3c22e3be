"""The read model's mapping is a pure function of a node: the same node (a reindex page's, or a webhook
payload's) always gives the same record, and a node a customer cannot buy from gives none.

The nodes are the ones recorded from a real Saleor 3.23 in 09_read_model_at_once.json, in both shapes the
mapping reads: the shared fragment ``CatalogueProduct`` (six aliased attributes; webhooks, the reindex read one
page after another) and the reindex's ``ReindexProduct`` (the attributes as one list; pages read by id). A
test changes one field of a recorded node to show the rule that field drives."""

from __future__ import annotations

import json
from typing import Any

import pytest

from catalog_sync.catalogue.from_saleor import product_record
from catalog_sync.saleor.generated.fragments import CatalogueProduct, ReindexProduct

from .conftest import CASSETTES

# the fragment -> the recorded operation that selects it
SHAPES = {"CatalogueProduct": "CatalogueProductsPage", "ReindexProduct": "ReindexProductsByIds"}


def recorded_nodes(operation: str) -> list[dict]:
    exchanges = json.loads((CASSETTES / "09_read_model_at_once.json").read_text(encoding="utf-8"))
    return [edge["node"] for e in exchanges if e["request"]["operationName"] == operation
            for edge in e["response"]["body"]["data"]["products"]["edges"]]


def attribute(payload: dict, alias: str, slug: str) -> Any:
    """The assigned attribute ``slug`` of a recorded node of either shape (None when not there)."""
    if "assignedAttributes" in payload:
        return next((a for a in payload["assignedAttributes"] if a["attribute"]["slug"] == slug), None)
    return payload.get(alias)


def without_certificate(payload: dict) -> dict:
    if "assignedAttributes" in payload:
        return {**payload, "assignedAttributes": [
            a for a in payload["assignedAttributes"] if a["attribute"]["slug"] != "ocop-certificate"]}
    return {**payload, "certificate": None}


@pytest.fixture(params=SHAPES)
def recorded_product(request) -> dict:
    # the demo's 5★ Phú Quốc fish sauce (its category is the set "Gia vị khác" of the food group)
    return next(payload for payload in recorded_nodes(SHAPES[request.param])
                if (attribute(payload, "certificate", "ocop-certificate") or {}).get("text") == "AG-2025-0001")


def node(payload: dict, **changes) -> CatalogueProduct | ReindexProduct:
    shape = ReindexProduct if "assignedAttributes" in payload else CatalogueProduct
    return shape.model_validate({**payload, **changes})


def test_the_same_node_maps_to_the_same_record(recorded_product):
    assert product_record(node(recorded_product)) == product_record(node(json.loads(json.dumps(recorded_product))))


def test_the_reindex_fragment_maps_every_recorded_product_as_the_shared_fragment_does():
    # given every demo product as Saleor answered both fragments in one recorded run
    shared = {payload["id"]: payload for payload in recorded_nodes("CatalogueProductsPage")}
    listed = {payload["id"]: payload for payload in recorded_nodes("ReindexProductsByIds")}
    assert len(shared) == len(listed) == 83
    # when each is mapped, then the records are the same, attribute for attribute
    for product_id, payload in shared.items():
        assert product_record(node(listed[product_id])) == product_record(node(payload))
    # (the demo gives every attribute the mapping reads: a province, a producer page)
    records = [product_record(node(payload)) for payload in listed.values()]
    assert all(r is not None and r.province and r.producer for r in records)


def test_a_product_not_available_for_purchase_is_not_in_the_read_model(recorded_product):
    assert product_record(node(recorded_product, isAvailableForPurchase=False)) is None


def test_a_product_without_a_priced_variant_is_not_in_the_read_model(recorded_product):
    unpriced = [{**variant, "pricing": None} for variant in recorded_product["variants"]]
    assert product_record(node(recorded_product, variants=unpriced)) is None


def test_a_product_without_a_certificate_or_of_another_type_is_not_in_the_read_model(recorded_product):
    assert product_record(node(without_certificate(recorded_product))) is None
    gift_card = {"slug": "gift-card"}
    assert product_record(node(recorded_product, productType=gift_card)) is None


def test_a_tourism_service_keeps_its_product_type(recorded_product):
    service = product_record(node(recorded_product, productType={"slug": "ocop-service"}))
    assert service is not None and service.product_type == "ocop-service"


def test_the_group_comes_from_the_category_and_a_set_names_its_group(recorded_product):
    record = product_record(node(recorded_product))
    assert record is not None and (record.group, record.product_set) == ("thuc-pham", "gia-vi-khac")
    group_only = product_record(node(recorded_product, category={"slug": "do-uong"}))
    assert group_only is not None and (group_only.group, group_only.product_set) == ("do-uong", None)


def test_a_webhook_subscription_can_select_the_same_fragments_as_the_reindex():
    # given the subscription queries the app's webhooks will use, built from the reindex's fragments
    graphql = pytest.importorskip("graphql")
    from catalog_sync.saleor.catalogue_read import fragment

    from .test_documents import SCHEMA

    if not SCHEMA.is_file():
        pytest.skip(f"Saleor schema not found at {SCHEMA}")
    subscription = ("subscription { event { "
                    "... on ProductUpdated { product(channel: \"ocop-vn\") { ...CatalogueProduct } } "
                    "... on PageUpdated { page { ...CatalogueProducer } } "
                    "... on CollectionUpdated { collection(channel: \"ocop-vn\") { ...CatalogueCollection } } } }\n")
    document = subscription + "".join(fragment(n) for n in ("CatalogueProduct", "CatalogueProducer",
                                                           "CatalogueCollection"))
    # then it is valid against Saleor 3.23.28's schema
    schema = graphql.build_schema(SCHEMA.read_text(encoding="utf-8"))
    assert graphql.validate(schema, graphql.parse(document)) == []
    assert fragment("CatalogueProduct").startswith("fragment CatalogueProduct on Product {")
    assert fragment("CatalogueProduct").rstrip().endswith("}")
