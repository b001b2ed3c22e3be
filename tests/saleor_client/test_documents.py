"""Every GraphQL document we send is valid against Saleor 3.23.28's schema (../shared/saleor)."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog_sync.saleor.client import operation_name
from catalog_sync.saleor.documents import ALL_DOCUMENTS

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "saleor" / "schema-3.23.28.graphql"


def test_there_are_documents_and_each_names_a_distinct_operation():
    assert len(ALL_DOCUMENTS) >= 20
    names = [operation_name(document) for document in ALL_DOCUMENTS.values()]
    assert "(anonymous)" not in names
    assert len(set(names)) == len(names)


@pytest.fixture(scope="module")
def schema():
    graphql = pytest.importorskip("graphql", minversion="3.2", reason="graphql-core is a dev dependency")
    if not SCHEMA.is_file():
        pytest.skip(f"Saleor schema not found at {SCHEMA}")
    return graphql.build_schema(SCHEMA.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(ALL_DOCUMENTS))
def test_document_is_valid_against_saleor_3_23_schema(schema, name):
    from graphql import parse, validate

    errors = validate(schema, parse(ALL_DOCUMENTS[name]))
    assert not errors, f"{name}: " + "; ".join(e.message for e in errors)
