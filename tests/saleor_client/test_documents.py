"""Every GraphQL operation we send (catalog_sync/saleor/queries/*.graphql, and the few the recorded tests send
as staff) is valid against Saleor 3.23.28's schema (../shared/saleor), and the typed operations generated from
the queries are what ariadne-codegen makes of them now."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .test_recorded import TEST_DOCUMENTS

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO.parent / "shared" / "saleor" / "schema-3.23.28.graphql"
QUERIES = REPO / "catalog_sync" / "saleor" / "queries"
GENERATED = REPO / "catalog_sync" / "saleor" / "generated"


def test_every_operation_is_named_once_and_the_catalogue_commands_have_theirs():
    graphql = pytest.importorskip("graphql", minversion="3.2", reason="graphql-core is a dev dependency")
    operations = [definition for path in sorted(QUERIES.glob("*.graphql"))
                  for definition in graphql.parse(path.read_text(encoding="utf-8")).definitions
                  if definition.kind == "operation_definition"]
    names = [operation.name.value if operation.name else None for operation in operations]
    assert None not in names  # Saleor's errors, the recordings and our messages name the operation
    assert len(set(names)) == len(names)
    assert {"CatalogueState", "ChannelCreate", "ShippingZones", "AttributeCreate", "CategoryTranslate",
            "ProducerPages", "CatalogueProducts", "PageCreate", "ProductBulkCreate", "VariantCreate",
            "CatalogueProductsPage", "SaleorHealth"} <= set(names)


@pytest.fixture(scope="module")
def schema():
    graphql = pytest.importorskip("graphql", minversion="3.2", reason="graphql-core is a dev dependency")
    if not SCHEMA.is_file():
        pytest.skip(f"Saleor schema not found at {SCHEMA}")
    return graphql.build_schema(SCHEMA.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(TEST_DOCUMENTS))
def test_documents_the_recorded_tests_send_are_valid_against_saleor_3_23_schema(schema, name):
    from graphql import parse, validate

    errors = validate(schema, parse(TEST_DOCUMENTS[name]))
    assert not errors, f"{name}: " + "; ".join(e.message for e in errors)


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.graphql")), ids=lambda p: p.name)
def test_typed_operations_are_valid_against_saleor_3_23_schema(schema, path):
    from graphql import DocumentNode, parse, validate

    # ariadne-codegen reads every file as one document: a fragment may live in another file.
    fragments = {d.name.value: d for other in QUERIES.glob("*.graphql")
                 for d in parse(other.read_text(encoding="utf-8")).definitions if d.kind == "fragment_definition"}
    own = list(parse(path.read_text(encoding="utf-8")).definitions)
    used = [fragments[name] for name in sorted(_spreads(own, fragments)) if name not in {
        d.name.value for d in own if d.kind == "fragment_definition"}]
    errors = validate(schema, DocumentNode(definitions=tuple(own + used)))
    assert not errors, f"{path.name}: " + "; ".join(e.message for e in errors)


def _spreads(definitions, fragments) -> set[str]:
    """The fragments ``definitions`` use, directly or through other fragments."""
    from graphql import FragmentSpreadNode, Visitor, visit

    class Spreads(Visitor):
        def __init__(self):
            super().__init__()
            self.names: set[str] = set()

        def enter_fragment_spread(self, node: FragmentSpreadNode, *_):
            self.names.add(node.name.value)

    found: set[str] = set()
    pending = list(definitions)
    while pending:
        spreads = Spreads()
        visit(pending.pop(), spreads)
        for name in spreads.names - found:
            found.add(name)
            pending.append(fragments[name])
    return found


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


def test_the_reindex_reads_a_product_as_the_shared_fragment_does_but_its_attributes_as_one_list():
    graphql = pytest.importorskip("graphql", minversion="3.2", reason="graphql-core is a dev dependency")
    fragments = {d.name.value: d for path in QUERIES.glob("*.graphql")
                 for d in graphql.parse(path.read_text(encoding="utf-8")).definitions
                 if d.kind == "fragment_definition"}

    def selected(name: str) -> tuple[list[str], list[str]]:
        """The fragment's fields as printed, apart from its attributes; and the attributes' value aliases."""
        fields, values = [], []
        for field in fragments[name].selection_set.selections:
            if field.name.value.startswith("assignedAttribute"):
                values += [f"{s.type_condition.name.value} {graphql.print_ast(s.selection_set)}"
                           for s in field.selection_set.selections if s.kind == "inline_fragment"]
            else:
                fields.append(graphql.print_ast(field))
        return fields, values

    # the webhooks' and storefront's fragment, and the reindex's own
    shared, listed = selected("CatalogueProduct"), selected("ReindexProduct")
    # then every other field is selected alike (one mapping reads both), and each attribute value too
    assert listed[0] == shared[0]
    assert sorted(listed[1]) == sorted(set(shared[1]))
    assert len(shared[1]) == 6 and len(listed[1]) == 5  # the group and the province are both single choices
