"""Every GraphQL document we send is valid against Saleor 3.23.28's schema (../shared/saleor), and the
typed operations generated from catalog_sync/saleor/queries are what ariadne-codegen makes of them now."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from catalog_sync.saleor.client import operation_name
from catalog_sync.saleor.documents import ALL_DOCUMENTS

from .test_recorded import TEST_DOCUMENTS

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO.parent / "shared" / "saleor" / "schema-3.23.28.graphql"
QUERIES = REPO / "catalog_sync" / "saleor" / "queries"
GENERATED = REPO / "catalog_sync" / "saleor" / "generated"


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


@pytest.mark.parametrize("name", sorted(TEST_DOCUMENTS))
def test_documents_the_recorded_tests_send_are_valid_against_saleor_3_23_schema(schema, name):
    from graphql import parse, validate

    errors = validate(schema, parse(TEST_DOCUMENTS[name]))
    assert not errors, f"{name}: " + "; ".join(e.message for e in errors)


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.graphql")), ids=lambda p: p.name)
def test_typed_operations_are_valid_against_saleor_3_23_schema(schema, path):
    from graphql import parse, validate

    # ariadne-codegen reads every file as one document: fragments may live in another file.
    others = "".join(other.read_text(encoding="utf-8") for other in QUERIES.glob("*.graphql") if other != path)
    document = parse(path.read_text(encoding="utf-8") + "\n" + others)
    own = {definition.name.value for definition in parse(path.read_text(encoding="utf-8")).definitions}
    document.definitions = tuple(d for d in document.definitions
                                 if d.name.value in own or d.kind == "fragment_definition")
    others_fragments = {d.name.value for d in document.definitions if d.name.value not in own}
    errors = [e for e in validate(schema, document)  # another file's fragment that this one does not use
              if not any(e.message == f"Fragment '{name}' is never used." for name in others_fragments)]
    assert not errors, f"{path.name}: " + "; ".join(e.message for e in errors)


def test_the_generated_package_is_up_to_date_with_the_queries(tmp_path):
    if not SCHEMA.is_file():
        pytest.skip(f"Saleor schema not found at {SCHEMA}")
    settings = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ariadne-codegen"]
    config = {**settings, "schema_path": str(SCHEMA), "queries_path": str(QUERIES),
              "target_package_path": str(tmp_path),
              "base_client_file_path": str(REPO / settings["base_client_file_path"])}
    lines = ["[tool.ariadne-codegen]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in config.items() if not isinstance(value, dict)]
    for scalar, mapping in config.get("scalars", {}).items():
        lines += [f"[tool.ariadne-codegen.scalars.{scalar}]", f'type = "{mapping["type"]}"']
    (tmp_path / "codegen.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    codegen = Path(sys.executable).with_name("ariadne-codegen")
    subprocess.run([str(codegen), "--config", str(tmp_path / "codegen.toml")], check=True, cwd=REPO,
                   capture_output=True)
    fresh = tmp_path / settings["target_package_name"]
    names = sorted(p.name for p in fresh.glob("*.py"))
    assert names == sorted(p.name for p in GENERATED.glob("*.py"))
    _, mismatch, errors = filecmp.cmpfiles(fresh, GENERATED, names, shallow=False)
    assert (mismatch, errors) == ([], []), "run `.venv/bin/ariadne-codegen` and commit catalog_sync/saleor/generated"
