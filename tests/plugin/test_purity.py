"""feed, rules and reconcile are pure: standard library and requests only (no Django, no Saleor)."""

import ast
import sys
from pathlib import Path

import ocop_certification
import pytest

from tests.imports import imported_top_level_names

PACKAGE_DIR = Path(ocop_certification.__file__).parent
PURE_MODULES = ["feed.py", "rules.py", "reconcile.py"]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_imports_only_the_standard_library_and_requests(module):
    outside = imported_top_level_names(PACKAGE_DIR / module) - set(sys.stdlib_module_names) - {"requests"}
    assert outside == set()


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_imports_only_pure_siblings(module):
    tree = ast.parse((PACKAGE_DIR / module).read_text(encoding="utf-8"))
    siblings = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1}
    assert siblings <= {"feed", "rules"}
