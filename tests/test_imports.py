"""The generator's modules import down the pipeline, never back: no import cycle, counting
imports inside functions and those made for type checking only; none grows past a size that
one reader takes in; and the one module that imports an engine uses its documented API only
(issue 17)."""

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


ENGINE_API = {
    "mkdocs.config",
    "mkdocs.config.base",
    "mkdocs.config.config_options",
    "mkdocs.config.defaults",
    "mkdocs.exceptions",
    "mkdocs.livereload",
    "mkdocs.plugins",
    "mkdocs.structure.files",
    "mkdocs.structure.nav",
    "mkdocs.structure.pages",
    "mkdocs.utils",
    "mkdocs.utils.templates",
}
"""The modules of MkDocs' documented plugin API (the "API reference" of its developer guide)."""


def engine_uses(path: Path) -> list[str]:
    """What a module does with the engines outside their public API: imports of MkDocs modules
    not in :data:`ENGINE_API` or of Material at all, a private attribute read or set on anything
    but ``self``/``cls``, and a method replaced by assignment (a lambda or a function stored in
    another object's attribute)."""
    tree = ast.parse(path.read_text("utf-8"))
    defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            module = node.module
            if module.split(".")[0] == "material" or (
                module.split(".")[0] == "mkdocs" and module not in ENGINE_API
            ):
                found.append(f"import {module}")
        elif isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] in _ENGINES]
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            owner = node.value.id if isinstance(node.value, ast.Name) else ""
            if owner not in {"self", "cls"} and not node.attr.startswith("__"):
                found.append(f"private {owner}.{node.attr}")
        elif isinstance(node, ast.Assign) and _replaces_method(node, defined):
            found.append(f"method replaced at line {node.lineno}")
    return sorted(found)


_ENGINES = {"mkdocs", "material", "properdocs", "zensical"}


def _imports_an_engine(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] in _ENGINES:
                return True
        elif isinstance(node, ast.Import) and any(
            a.name.split(".")[0] in _ENGINES for a in node.names
        ):
            return True
    return False


def _replaces_method(node: ast.Assign, defined: set[str]) -> bool:
    value = node.value
    function = isinstance(value, ast.Lambda) or (
        isinstance(value, ast.Name) and value.id in defined
    )
    return function and any(
        isinstance(target, ast.Attribute)
        and not (isinstance(target.value, ast.Name) and target.value.id == "self")
        for target in node.targets
    )


def test_the_engines_are_used_through_their_public_api_only() -> None:
    engine_modules = [path for path in GENERATOR.rglob("*.py") if _imports_an_engine(path)]
    assert engine_modules == [GENERATOR / "engines" / "plugin.py"]  # one adapter imports them
    assert {path: engine_uses(path) for path in engine_modules} == {
        path: [] for path in engine_modules
    }


def test_a_use_of_engine_internals_would_be_found(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text(
        "from mkdocs.commands.build import get_context\n"
        "def render(page): ...\n"
        "def patch(page, config):\n"
        "    page._title_from_render = 'x'\n"
        "    page.render = render\n",
        encoding="utf-8",
    )
    assert engine_uses(module) == [
        "import mkdocs.commands.build",
        "method replaced at line 5",
        "private page._title_from_render",
    ]
