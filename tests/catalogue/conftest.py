"""Fixtures of the catalogue read model tests: a real PostgreSQL database per test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from catalog_sync.catalogue import store
from catalog_sync.catalogue.records import ProductRecord
from testkit.catalogue_builders import product_record


@pytest.fixture
def catalogue(db) -> Callable[..., ProductRecord]:
    """Factory: a product applied to the read model (``product_record`` overrides)."""

    def make(**overrides) -> ProductRecord:
        record = product_record(**overrides)
        assert store.apply_product(record)
        return record

    return make
