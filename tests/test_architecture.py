"""The package's shape: no import cycles (function-level imports included), small modules."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "ofsted_cli"
MAX_LINES = 300


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Project modules that *path* imports anywhere in its body (functions included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {m for m in found if m in modules}


def graph() -> dict[str, set[str]]:
    files = [p for p in PACKAGE.rglob("*.py") if "data" not in p.relative_to(PACKAGE).parts[:1]]
    modules = {_module(p) for p in files}
    return {_module(p): _imports(p, modules) - {_module(p)} for p in files}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_cycle_finder_finds_a_cycle() -> None:
    """The check itself works: a two-module loop is found."""
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]


def test_graph_sees_function_level_imports() -> None:
    """Imports inside functions count (they are how cycles hide)."""
    assert "ofsted_cli.store.cache" in graph()["ofsted_cli.cli"]


def test_no_import_cycles() -> None:
    """No module imports itself through others, at any depth."""
    assert cycles(graph()) == []


def test_modules_are_small() -> None:
    """Every module but the CLI's option declarations stays under about 300 lines."""
    big = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES and p.name != "cli.py"
    }
    assert big == {}


def test_layers_point_one_way() -> None:
    """Vocabularies import nothing of ours but each other; the store, queries and output never
    import the importer."""
    edges = graph()
    for module, deps in edges.items():
        if module.startswith("ofsted_cli.vocab"):
            assert all(d.startswith(("ofsted_cli.vocab", "ofsted_cli.errors")) for d in deps), (
                module
            )
        if module.startswith(("ofsted_cli.store", "ofsted_cli.query")):
            assert not any(d.startswith("ofsted_cli.official") for d in deps), module
