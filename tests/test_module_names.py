"""Each module binds a top-level name once: a second binding silently replaces the first for every function
that reads it (``spans._PREDICATE_FLAGS`` was bound twice, and the noun-phrase tests read the other list)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

SOURCES = sorted((Path(__file__).resolve().parents[1] / "src" / "yxsumm").glob("*.py"))


def _top_level_names(tree: ast.Module) -> list[str]:
    """The names a module's own top-level statements bind (assignments, functions, classes)."""
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names.extend(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append(node.target.id)
    return names


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_no_top_level_name_is_bound_twice(source: Path) -> None:
    counts = Counter(_top_level_names(ast.parse(source.read_text(encoding="utf-8"))))
    assert [name for name, count in counts.items() if count > 1] == []
