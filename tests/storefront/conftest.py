"""Fixtures of the shop page tests: records put into the real read model through its store."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import CollectionRecord, ProducerRecord, ProductRecord
from testkit.catalogue_builders import collection_record, producer_record, producer_ref, product_record


@dataclass
class Shop:
    """Factory: what Saleor would have sent, applied to the read model exactly as the webhooks do."""

    def product(self, **overrides) -> ProductRecord:
        if isinstance(overrides.get("producer"), ProducerRecord):
            overrides["producer"] = producer_ref(overrides["producer"])
        record = product_record(**overrides)
        assert store.apply_product(record)
        return record

    def producer(self, **overrides) -> ProducerRecord:
        record = producer_record(**overrides)
        assert store.apply_producer(record)
        return record

    def collection(self, **overrides) -> CollectionRecord:
        record = collection_record(**overrides)
        assert store.apply_collection(record)
        return record


@pytest.fixture
def shop(db) -> Shop:
    return Shop()


@pytest.fixture(autouse=True)
def _forget_remembered_reads():
    """Each test starts with nothing remembered from the read model (storefront.reading)."""
    from storefront import reading

    reading.memory.clear()
    yield
    reading.memory.clear()
