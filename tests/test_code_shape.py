"""Small modules and small functions, so each can be read in one sitting: no module over 300 lines and no function
over 60 in the code we ship and the gates we run (ruff checks complexity, at most 15; see pyproject.toml)."""
from __future__ import annotations

import ast

import pytest

from conftest import ROOT

MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
CODE = sorted([*ROOT.glob("valued_care/**/*.py"), *ROOT.glob("macros/*.py"), *ROOT.glob("tests/quality/*.py")])


@pytest.mark.parametrize("path", CODE, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_module_and_functions_are_small(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, f"split {path.name}: over {MAX_MODULE_LINES} lines"
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines, line {node.lineno})"
            for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{path.name}: functions over {MAX_FUNCTION_LINES} lines: {', '.join(long)}"


def test_the_core_never_imports_mkdocs():
    for path in ROOT.glob("valued_care/**/*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [m for m in imported if m.split(".")[0] in {"mkdocs", "material", "macros"}], path


LAYERS = ["data", "outputs", "site"]  # each may import the core and the layers before it (ARCHITECTURE.md)


def test_layers_import_only_the_layers_before_them():
    for path in ROOT.glob("valued_care/*/*.py"):
        layer = path.parent.name
        allowed = {"contributors": {"data"}}.get(layer, set(LAYERS[:LAYERS.index(layer) + 1]) if layer in LAYERS
                                                     else set())
        allowed.add(layer)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("valued_care."):
                sub = node.module.split(".")[1]
                if (ROOT / "valued_care" / sub).is_dir():
                    assert sub in allowed, f"{path.relative_to(ROOT)} imports {node.module}"
