"""The read model's mapping is a pure function of a node: the same node (a reindex page's, or a webhook
payload's) always gives the same record, and a node a customer cannot buy from gives none.

The nodes are the ones recorded from a real Saleor 3.23 in 09_read_model.json; a test changes one field
of a recorded node to show the rule that field drives."""

from __future__ import annotations

import json

import pytest

from catalog_sync.saleor.generated.fragments import CatalogueProduct
from catalog_sync.saleor.readmodel import product_record

from .conftest import CASSETTES


@pytest.fixture
def recorded_product() -> dict:
    exchanges = json.loads((CASSETTES / "09_read_model.json").read_text(encoding="utf-8"))
    # the demo's 5★ Phú Quốc fish sauce (its category is the set "Gia vị khác" of the food group)
    return next(edge["node"] for e in exchanges if e["request"]["operationName"] == "CatalogueProductsByIds"
                for edge in e["response"]["body"]["data"]["products"]["edges"]
                if (edge["node"].get("certificate") or {}).get("text") == "AG-2025-0001")


def node(payload: dict, **changes) -> CatalogueProduct:
    return CatalogueProduct.model_validate({**payload, **changes})


def test_the_same_node_maps_to_the_same_record(recorded_product):
    assert product_record(node(recorded_product)) == product_record(node(json.loads(json.dumps(recorded_product))))


def test_a_product_not_available_for_purchase_is_not_in_the_read_model(recorded_product):
    assert product_record(node(recorded_product, isAvailableForPurchase=False)) is None


def test_a_product_without_a_priced_variant_is_not_in_the_read_model(recorded_product):
    unpriced = [{**variant, "pricing": None} for variant in recorded_product["variants"]]
    assert product_record(node(recorded_product, variants=unpriced)) is None


def test_a_product_without_a_certificate_or_of_another_type_is_not_in_the_read_model(recorded_product):
    assert product_record(node(recorded_product, certificate=None)) is None
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
    from catalog_sync.saleor.readmodel import fragment

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
