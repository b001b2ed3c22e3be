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
