"""Dependencies run one way between the areas of catalog_sync: no import cycle between them.

domain ← registry ← the Saleor side (its commands join the two); ``catalog_sync.saleor`` (the client,
bootstrap, catalogue import, read-model fetch) gets the registry's query passed in and never imports it.
"""

from __future__ import annotations

from pathlib import Path

import catalog_sync
from tests.imports import imported_modules

ROOT = Path(catalog_sync.__file__).parent


def area_graph() -> dict[str, set[str]]:
    """Which areas (``catalog_sync.<area>``) each area's modules import."""
    graph: dict[str, set[str]] = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT.parent).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        if len(parts) < 2:
            continue
        area = parts[1]
        module = ".".join(parts)
        for name in imported_modules(path, module):
            bits = name.split(".")
            if bits[0] == "catalog_sync" and len(bits) > 1 and bits[1] != area:
                graph.setdefault(area, set()).add(bits[1])
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []

    def walk(node: str, trail: list[str]) -> None:
        for target in sorted(graph.get(node, ())):
            if target in trail:
                found.append([*trail[trail.index(target):], target])
            else:
                walk(target, [*trail, target])

    for start in sorted(graph):
        walk(start, [start])
    return found


def test_no_import_cycle_between_the_areas_of_catalog_sync():
    graph = area_graph()
    assert cycles(graph) == []


def test_the_registry_never_imports_the_saleor_side_and_the_saleor_client_never_imports_the_registry():
    graph = area_graph()
    assert {"saleor", "saleor_side"}.isdisjoint(graph["registry"])
    assert "registry" not in graph["saleor"]
    assert {"registry", "saleor"} <= graph["saleor_side"]  # the commands join them


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"registry": {"saleor"}, "saleor": {"registry"}}) == [
        ["registry", "saleor", "registry"], ["saleor", "registry", "saleor"]]


def test_nothing_in_catalog_sync_imports_the_portal():
    # the portal builds on the registry, the read model and the Saleor client; none of them on the portal
    importers = sorted(str(path.relative_to(ROOT.parent)) for path in ROOT.rglob("*.py")
                       if any(name.split(".")[0] == "portal" for name in imported_modules(
                           path, ".".join(path.relative_to(ROOT.parent).with_suffix("").parts))))
    assert importers == []


def test_the_rooms_of_the_house_never_import_the_wiring_package_ocop_web():
    # given every module of catalog_sync, storefront and portal
    # when their imports are read (inside functions too)
    # then none names ocop_web: it only wires (settings, urls, celery, wsgi, the command line)
    base = ROOT.parent
    importers = sorted(
        str(path.relative_to(base))
        for room in ("catalog_sync", "storefront", "portal")
        for path in (base / room).rglob("*.py")
        if any(name.split(".")[0] == "ocop_web" for name in imported_modules(
            path, ".".join(path.relative_to(base).with_suffix("").parts)))
    )
    assert importers == []
