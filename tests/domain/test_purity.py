"""The domain package is plain Python: standard library and its own modules only."""

import ast
import sys
from pathlib import Path

import catalog_sync.domain
from tests.imports import imported_top_level_names

DOMAIN_DIR = Path(catalog_sync.domain.__file__).parent
MODULES = sorted(DOMAIN_DIR.glob("*.py"))


def test_the_expected_modules_exist():
    assert {path.name for path in MODULES} >= {
        "__init__.py",
        "text.py",
        "stars.py",
        "validity.py",
        "groups.py",
        "provinces.py",
        "producers.py",
    }


def test_domain_modules_import_only_the_standard_library():
    for path in MODULES:
        outside = imported_top_level_names(path) - set(sys.stdlib_module_names)
        assert outside == set(), f"{path.name} imports {sorted(outside)}"


def test_init_has_a_docstring_and_no_code():
    tree = ast.parse((DOMAIN_DIR / "__init__.py").read_text(encoding="utf-8"))
    assert ast.get_docstring(tree)
    assert len(tree.body) == 1
