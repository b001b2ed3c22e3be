"""feed, feed_packing, rules, reconcile and config are pure: standard library and requests only (no Django,
no Saleor)."""

import ast
import sys
from pathlib import Path

import ocop_certification
import pytest

from tests.imports import imported_top_level_names

PACKAGE_DIR = Path(ocop_certification.__file__).parent
PURE_MODULES = ["feed.py", "feed_packing.py", "rules.py", "reconcile.py", "config.py", "withdrawal_log.py"]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_imports_only_the_standard_library_and_requests(module):
    outside = imported_top_level_names(PACKAGE_DIR / module) - set(sys.stdlib_module_names) - {"requests"}
    assert outside == set()


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_imports_only_pure_siblings(module):
    tree = ast.parse((PACKAGE_DIR / module).read_text(encoding="utf-8"))
    siblings = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1}
    assert siblings <= {"feed", "rules", "config"}


def sibling_imports(module: Path) -> set[str]:
    """The package's own modules ``module`` imports, at the top or inside functions."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.update([node.module] if node.module else [alias.name for alias in node.names])
    return {name.split(".")[0] for name in found}


def test_the_plugins_modules_import_each_other_one_way_only():
    # given every module of the plugin and the siblings it imports (lazy imports included)
    graph = {path.stem: sibling_imports(path) for path in PACKAGE_DIR.glob("*.py")}
    # when the import graph is walked / then no module leads back to itself (tasks -> sync -> tasks was one)
    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for name in graph.get(start, ()):
            if name == target or (name not in seen and reaches(name, target, seen | {name})):
                return True
        return False

    assert [name for name in sorted(graph) if reaches(name, name, set())] == []


def test_the_task_names_apps_py_sends_are_tasks_defined_in_tasks_py():
    # given the names apps.py gives Celery for the periodic and the expiry runs
    apps = ast.parse((PACKAGE_DIR / "apps.py").read_text(encoding="utf-8"))
    names = {
        node.targets[0].id: node.value.value
        for node in apps.body
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id.endswith("_TASK")
    }
    tasks = ast.parse((PACKAGE_DIR / "tasks.py").read_text(encoding="utf-8"))
    defined = {
        f"ocop_certification.tasks.{node.name}"
        for node in tasks.body
        if isinstance(node, ast.FunctionDef) and any("task" in ast.unparse(d) for d in node.decorator_list)
    }
    # then each is the dotted name of a function decorated as a task there
    assert names == {
        "SYNC_TASK": "ocop_certification.tasks.sync_certifications_task",
        "EXPIRY_TASK": "ocop_certification.tasks.sync_at_expiry_task",
    }
    assert set(names.values()) <= defined
