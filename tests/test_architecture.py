"""The code base's layering, read from the source with ``ast`` (no package is imported).

Packages and what they may import of each other: anonymize imports none of the others; ingest and retrieval
use anonymize (and each other without a cycle), never app or eval; eval never imports app; app assembles
everything. No import cycle between packages nor between the modules of one package (imports inside functions
count: a lazy import is still a dependency), and no source file over 400 lines. Alembic's generated migration
scripts are left out, as ``../shared/tools/layers.py`` does.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("anonymize", "ingest", "retrieval", "app", "eval")
MAX_LINES = 400
# package -> the packages it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "anonymize": ("ingest", "retrieval", "app", "eval"),
    "ingest": ("app", "eval"),
    "retrieval": ("app", "eval"),
    "eval": ("app",),
}


@dataclass(frozen=True)
class Edge:
    """``source`` imports ``target`` (both module names) at ``where`` (path:line)."""

    source: str
    target: str
    where: str


@dataclass
class ImportGraph:
    """The modules of the packages under a root, their files, and the imports between them."""

    files: dict[str, Path] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def adjacency(self, package: str | None = None) -> dict[str, set[str]]:
        """module -> the modules it imports (only those inside ``package`` when given)."""
        adj: dict[str, set[str]] = defaultdict(set)
        for edge in self.edges:
            if package is None or (_package(edge.source) == package == _package(edge.target)):
                adj[edge.source].add(edge.target)
        return adj


def _package(module: str) -> str:
    return module.split(".")[0]


def _module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")


def _imported_names(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """The dotted names an import statement may refer to (``from a import b``: ``a`` and ``a.b``)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        parts = module.split(".")
        keep = len(parts) - node.level + (1 if is_package else 0)
        base = ".".join(parts[:keep] + ([node.module] if node.module else []))
    else:
        base = node.module or ""
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def build_graph(root: Path, packages: tuple[str, ...] = PACKAGES) -> ImportGraph:
    """Parse every module of ``packages`` under ``root``; resolve each import to the longest known module."""
    graph = ImportGraph()
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" not in path.relative_to(root).parts:
                graph.files[_module_name(path, root)] = path
    for module, path in graph.files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            targets = set()
            for name in _imported_names(node, module, path.name == "__init__.py"):
                known = [m for m in graph.files if name == m or name.startswith(m + ".")]
                if known:
                    targets.add(max(known, key=len))
            where = f"{path.relative_to(root)}:{node.lineno}"
            graph.edges += [Edge(module, target, where) for target in sorted(targets) if target != module]
    return graph


def strongly_connected(adj: dict[str, set[str]]) -> list[list[str]]:
    """The cycles of a directed graph: its strongly connected components of more than one node (Tarjan,
    iterative so that a deep import chain cannot hit the recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    nodes = sorted(set(adj) | {w for ws in adj.values() for w in ws})
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(adj.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(adj.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def package_cycles(graph: ImportGraph) -> list[list[str]]:
    adj: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges:
        if _package(edge.source) != _package(edge.target):
            adj[_package(edge.source)].add(_package(edge.target))
    return strongly_connected(adj)


def forbidden_imports(graph: ImportGraph) -> list[Edge]:
    return [e for e in graph.edges if _package(e.target) in FORBIDDEN.get(_package(e.source), ())]


def long_files(graph: ImportGraph, limit: int = MAX_LINES) -> dict[str, int]:
    """path -> line count, for the files over ``limit`` lines."""
    counts = {
        str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p): p.read_text().count("\n")
        for p in graph.files.values()
    }
    return {path: n for path, n in sorted(counts.items()) if n > limit}


def _describe(edges: list[Edge]) -> str:
    return "\n".join(f"  {e.where}: {e.source} imports {e.target}" for e in edges)


@pytest.fixture(scope="module")
def graph() -> ImportGraph:
    return build_graph(ROOT)


def test_the_graph_sees_the_packages_and_their_imports(graph: ImportGraph) -> None:
    """Guards the checks below against passing on an empty graph (a moved root, a parser finding nothing)."""
    assert {_package(m) for m in graph.files} == set(PACKAGES)
    pairs = {(_package(e.source), _package(e.target)) for e in graph.edges}
    assert ("app", "anonymize") in pairs and ("ingest", "anonymize") in pairs, sorted(pairs)


def test_no_cycle_between_packages(graph: ImportGraph) -> None:
    cycles = package_cycles(graph)
    crossing = [
        e
        for e in graph.edges
        for cycle in cycles
        if _package(e.source) != _package(e.target) and {_package(e.source), _package(e.target)} <= set(cycle)
    ]
    assert not cycles, f"package cycles {cycles}; the imports that make them:\n{_describe(crossing)}"


@pytest.mark.parametrize("package", PACKAGES)
def test_no_cycle_inside_a_package(graph: ImportGraph, package: str) -> None:
    adj = graph.adjacency(package)
    cycles = strongly_connected(adj)
    inside = [e for e in graph.edges for c in cycles if e.source in c and e.target in c]
    assert not cycles, f"{package}: modules importing each other in a cycle {cycles}:\n{_describe(inside)}"


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layering(graph: ImportGraph, package: str) -> None:
    """anonymize imports none of the others; ingest and retrieval neither app nor eval; eval not app."""
    bad = [e for e in forbidden_imports(graph) if _package(e.source) == package]
    assert not bad, f"{package} must not import {', '.join(FORBIDDEN[package])}:\n{_describe(bad)}"


def test_no_source_file_over_400_lines(graph: ImportGraph) -> None:
    over = long_files(graph)
    assert not over, "source files over 400 lines: " + ", ".join(f"{p} ({n})" for p, n in over.items())


def test_the_checks_find_planted_faults(tmp_path: Path) -> None:
    """The checker itself, on a small tree with one fault of each kind (and a clean, relative import)."""
    files = {
        "anonymize/__init__.py": "",
        "anonymize/a.py": "from ingest import loader\n",
        "anonymize/b.py": "from . import c\n",
        "anonymize/c.py": "def f():\n    from anonymize.b import g\n",
        "ingest/__init__.py": "from .loader import load\n",
        "ingest/loader.py": "import anonymize.a\n" + "x = 1\n" * MAX_LINES,
        "retrieval/__init__.py": "",
        "app/__init__.py": "",
        "eval/__init__.py": "",
        "eval/run.py": "from app import cli\n",
        "app/cli.py": "import eval.run\n",
        "app/migrations/env.py": "import app.cli\n" * (MAX_LINES + 1),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    planted = build_graph(tmp_path)
    assert "app.migrations.env" not in planted.files
    assert sorted(map(sorted, package_cycles(planted))) == [["anonymize", "ingest"], ["app", "eval"]]
    assert strongly_connected(planted.adjacency("anonymize")) == [["anonymize.b", "anonymize.c"]]
    assert strongly_connected(planted.adjacency("ingest")) == []  # __init__ -> loader only
    assert {(e.source, e.target) for e in forbidden_imports(planted)} == {
        ("anonymize.a", "ingest"),  # from ingest import loader: the package and the module
        ("anonymize.a", "ingest.loader"),
        ("eval.run", "app"),
        ("eval.run", "app.cli"),
    }
    assert list(long_files(planted).values()) == [MAX_LINES + 1]
