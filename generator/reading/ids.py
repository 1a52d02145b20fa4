"""The id rules: every id, story folder and article file name is a slug, and no two collide.

Ids become file names and URLs, so ``../``, ``/``, spaces, upper case and non-ASCII letters are
refused with the slug to use instead. Two ids that are the same once slugged (``Lachin_Corridor``
and ``lachin-corridor``) are confusable and may become one page, so they are refused too, naming
both places. Underscores count as hyphens here. Names (as
opposed to ids) may be written in any script; they are shown as written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, display_path
from generator.reading.slugs import is_slug, slug
from generator.reading.yamlsafe import YamlDocument

ID_RULE = "lower-case ASCII letters, digits and single hyphens"
ARTICLE_ID_RULE = "lower-case ASCII letters, digits and single hyphens or underscores"


def suggest_id(value: str, *, article: bool = False) -> str:
    """Why ``value`` is not a valid id, and the slug to use instead."""
    rule = ARTICLE_ID_RULE if article else ID_RULE
    return f"{value!r} is not a valid id; use '{slug(value, keep_underscores=article)}' ({rule})"


def document_id_clashes(document: YamlDocument) -> list[Diagnostic]:
    """Ids of a YAML file's items that repeat, or that collide once slugged, in one pass.

    Works on the raw YAML, so a clash is reported even when the file has other errors.
    """
    seen: dict[str, tuple[str, tuple[int, int]]] = {}
    found = []
    for value, position in _item_ids(document):
        key = slug(value)
        if key not in seen:
            seen[key] = (value, position)
            continue
        first_value, (line, column) = seen[key]
        if first_value == value:
            message = f"id '{value}' is already used at line {line}; ids must be unique"
            found.append(Diagnostic(document.path, *position, "duplicate-id", message))
        else:
            message = (
                f"id '{value}' and id '{first_value}' at line {line}, column {column} are the "
                f"same once made a slug ('{key}'); rename one of them"
            )
            found.append(Diagnostic(document.path, *position, "id-collision", message))
    return found


def _item_ids(document: YamlDocument) -> Iterable[tuple[str, tuple[int, int]]]:
    """Every ``id`` of an item in a top-level list, with the position of its value."""
    data: Any = document.data
    if not isinstance(data, dict):
        return
    for section, items in data.items():
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                location = (section, index, "id")
                yield item["id"], document.position((*location, "__value__"))


def story_folder_problems(directories: list[Path], root: Path) -> list[Diagnostic]:
    """Story folders whose name is not a slug, or whose slugs collide."""
    found = []
    for directory in directories:
        if not is_slug(directory.name):
            message = (
                f"story folder '{directory.name}' is not a usable slug; "
                f"rename it to '{slug(directory.name)}' ({ID_RULE})"
            )
            found.append(Diagnostic(display_path(directory, root), 1, 1, "invalid-slug", message))
    found += _path_collisions(directories, root, "story folder", lambda p: slug(p.name))
    return found


def article_file_problems(paths: list[Path], root: Path) -> list[Diagnostic]:
    """Article files whose name is not a slug, or that would get the same article id."""
    found = []
    for path in paths:
        if not is_slug(path.stem, keep_underscores=True):
            message = (
                f"article file name '{path.name}' is not a usable id; rename it to "
                f"'{slug(path.stem, keep_underscores=True)}{path.suffix}' ({ARTICLE_ID_RULE})"
            )
            found.append(Diagnostic(display_path(path, root), 1, 1, "invalid-id", message))
    found += _path_collisions(paths, root, "article file", lambda p: slug(p.stem))
    return found


def _path_collisions(
    paths: list[Path], root: Path, kind: str, key_of: Callable[[Path], str]
) -> list[Diagnostic]:
    first_with: dict[str, Path] = {}
    found = []
    for path in sorted(paths):
        key = key_of(path)
        first = first_with.setdefault(key, path)
        if first is not path:
            message = (
                f"{kind} '{path.name}' and {kind} '{first.name}' would both have the id "
                f"'{key}'; rename or remove one of them"
            )
            found.append(Diagnostic(display_path(path, root), 1, 1, "id-collision", message))
    return found
