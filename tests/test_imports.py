"""The generator's modules import down the pipeline, never back: no import cycle, counting
imports inside functions and those made for type checking only; and none grows past a size
that one reader takes in."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[1] / "generator"


def _module_name(path: Path) -> str:
    parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Each module of ``generator`` and the modules of ``generator`` it imports, anywhere."""
    modules = {_module_name(path): path for path in GENERATOR.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            wanted: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                wanted = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                wanted = [alias.name for alias in node.names]
            graph[name] |= {target for target in wanted if target in modules and target != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of ``graph``: a path from a module back to itself, one per module set."""
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    for start in sorted(graph):
        stack = [(start, [start])]
        while stack:
            module, path = stack.pop()
            for target in sorted(graph[module]):
                if target == start and frozenset(path) not in seen:
                    seen.add(frozenset(path))
                    found.append([*path, start])
                elif target not in path and target > start:
                    stack.append((target, [*path, target]))
    return found


def test_the_generator_has_no_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 40
    assert "generator.corpus" in graph["generator.pages.render"]  # the graph is read at all
    assert cycles(graph) == []


def test_a_cycle_would_be_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]


MODULE_LINES = 400
"""The longest a module of ``generator`` may grow (issue 17): past it, split it by what it does."""


def test_no_module_is_over_the_size_limit() -> None:
    sizes = {
        path.relative_to(GENERATOR.parent).as_posix(): len(path.read_text("utf-8").splitlines())
        for path in GENERATOR.rglob("*.py")
    }
    assert len(sizes) > 40 and max(sizes.values()) > MODULE_LINES // 2  # the files were read
    assert {path: lines for path, lines in sizes.items() if lines > MODULE_LINES} == {}
