"""Dependencies run one way between the areas of catalog_sync: no import cycle between them.

domain ← registry ← the Saleor side (its commands join the two); ``catalog_sync.saleor`` (the client,
bootstrap, catalogue import, the catalogue's nodes) gets the registry's query passed in and never imports it,
nor the read model, which maps Saleor's nodes to its records itself (``catalogue/from_saleor.py``). The pages
get their Saleor clients from ``catalog_sync/app/clients.py``, never from the command-line app; the
benchmarks and the tests share ``testkit/``, which never imports the tests.
"""

from __future__ import annotations

import ast
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


def importers_of(rooms: tuple[str, ...], target: str) -> list[str]:
    """The modules under ``rooms`` (folders of the repository) that import ``target`` or anything under it."""
    base = ROOT.parent
    return sorted(
        str(path.relative_to(base))
        for room in rooms
        for path in (base / room).rglob("*.py")
        if any(name == target or name.startswith(f"{target}.") for name in imported_modules(
            path, ".".join(path.relative_to(base).with_suffix("").parts)))
    )


def test_the_rooms_of_the_house_never_import_the_wiring_package_ocop_web():
    # given every module of catalog_sync, storefront and portal
    # when their imports are read (inside functions too)
    # then none names ocop_web: it only wires (settings, urls, celery, wsgi, the command line)
    assert importers_of(("catalog_sync", "storefront", "portal"), "ocop_web") == []


def test_the_pages_and_the_showcases_never_import_the_command_line_app_saleor_side():
    # given the modules of the portal, the shop and the showcases (a command may share the command line's kit)
    # when their imports are read
    # then none names catalog_sync.saleor_side: their Saleor clients come from catalog_sync.app.clients
    importers = importers_of(("portal", "catalog_sync/showcases", "storefront"), "catalog_sync.saleor_side")
    assert [path for path in importers if "/management/commands/" not in path] == []


def test_only_the_client_factory_makes_the_web_services_saleor_clients():
    # given every module of the pages, the app, the showcases and the command-line app
    # when their calls are read
    # then SaleorClient(...) is called only in catalog_sync/app/clients.py, and in registration.py, which
    # confirms a token Saleor has just sent with a short timeout
    base = ROOT.parent
    makers = sorted(
        str(path.relative_to(base))
        for room in ("portal", "storefront", "catalog_sync/app", "catalog_sync/showcases", "catalog_sync/saleor_side")
        for path in (base / room).rglob("*.py")
        if any(isinstance(node, ast.Call) and getattr(node.func, "id", None) == "SaleorClient"
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))
    )
    assert makers == ["catalog_sync/app/clients.py", "catalog_sync/app/registration.py",
                      "catalog_sync/saleor_side/management/commands/saleor_install_app.py"]


def test_the_saleor_client_never_imports_the_read_model():
    # given every module of catalog_sync.saleor (the client, its typed operations, the catalogue in Saleor)
    # when their imports are read
    # then none names catalog_sync.catalogue: the mapping from Saleor's nodes to records lives with the read
    # model (catalog_sync/catalogue/from_saleor.py), which builds on the client, never the other way round
    assert importers_of(("catalog_sync/saleor",), "catalog_sync.catalogue") == []
    assert "catalogue" not in area_graph()["saleor"]


def test_the_benchmarks_and_the_shared_test_kit_never_import_the_tests():
    # given the benchmarks and testkit/ (the Saleor harness, servers and builders both share)
    # when their imports are read
    # then none names the tests package: the tests build on testkit/, never the other way round
    assert importers_of(("benchmarks", "testkit"), "tests") == []


def module_graph() -> dict[str, set[str]]:
    """Which modules of catalog_sync each module of catalog_sync imports (inside functions too): ``from P import
    N`` names the module P.N where there is one, else P (a package by its __init__.py)."""
    modules: dict[str, Path] = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if "migrations" in parts or "generated" in parts:
            continue
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
                prefix = ".".join([*base, *([node.module] if node.module else [])])
                found.update(f"{prefix}.{alias.name}" if f"{prefix}.{alias.name}" in modules else prefix
                             for alias in node.names)
        graph[module] = {name for name in found if name in modules and name != module}
    return graph


def test_no_two_modules_of_catalog_sync_import_each_other():
    # given every module of catalog_sync and the modules it imports (a package by its __init__.py)
    # when the loops are looked for
    # then there are none: e.g. registry/models.py and registry/withdrawals.py, or saleor/catalogue.py and
    # saleor/namesakes.py, each stand on a third module rather than on each other
    assert cycles(module_graph()) == []


MAIL_SENDING = {"send_mail", "send_mass_mail", "mail_admins", "mail_managers", "EmailMessage",
                "EmailMultiAlternatives", "get_connection"}


def _sends_mail(name: str) -> bool:
    return name in {"django.core.mail", "django.core.mail.message"} or (
        name.startswith("django.core.mail.") and name.rpartition(".")[2] in MAIL_SENDING)


def test_only_the_notification_room_imports_djangos_mail_sending():
    # given every module of the web service (the wiring too)
    base = ROOT.parent
    notify = ROOT / "notify"
    # when their imports are read (inside functions too)
    importers = sorted(
        str(path.relative_to(base))
        for room in ("catalog_sync", "storefront", "portal", "ocop_web")
        for path in (base / room).rglob("*.py")
        if notify not in path.parents and any(_sends_mail(name) for name in imported_modules(
            path, ".".join(path.relative_to(base).with_suffix("").parts)))
    )
    # then none sends mail itself: each tells catalog_sync.notify, which alone sends
    assert importers == []
    assert any(_sends_mail(name) for name in imported_modules(notify / "email.py", "catalog_sync.notify.email"))


def test_the_mail_check_sees_each_way_of_importing_the_senders():
    assert _sends_mail("django.core.mail.send_mail") and _sends_mail("django.core.mail.EmailMultiAlternatives")
    assert _sends_mail("django.core.mail")  # `from django.core import mail` / `import django.core.mail`
    assert not _sends_mail("django.core.mail.backends.smtp")


def test_the_notification_room_imports_no_other_room_but_core():
    # events are plain data: the rooms that tell people depend on notify, never the reverse
    graph = area_graph()
    assert graph.get("notify", set()) <= {"core"}
    importers = [path for path in (ROOT / "notify").rglob("*.py") if any(
        name.split(".")[0] in {"portal", "storefront", "ocop_web"}
        for name in imported_modules(path, ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)))]
    assert importers == []
