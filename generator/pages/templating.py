"""The Jinja environment of the page templates: template files (a folder given as ``overrides``
is searched first), StrictUndefined, Markdown autoescaping, filters, and the compiled-template
cache that a damaged file cannot break."""

from __future__ import annotations

import contextlib
import functools
import json
import pickle
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.facts.fieldtypes import is_allowed_url
from generator.layout import download_paths
from generator.pages import mdtext
from generator.pages.geo import data_source

TEMPLATES = Path(__file__).parents[1] / "templates"


@functools.lru_cache(maxsize=4)
def environment(overrides: Path | None = None, compiled: Path | None = None) -> jinja2.Environment:
    """The Jinja environment: template files, StrictUndefined, Markdown autoescaping.

    Built once per process and folder: Jinja compiles each template once, which is what keeps
    ``mkdocs serve`` fast. :func:`render_stories` empties its cache when a template file
    changes, so Jinja need not look at each file again for each page (``auto_reload``). With
    ``compiled``, a folder, the compiled templates are also kept there for the next process
    (compiling them all takes about half a second).
    """
    folders = [str(overrides)] if overrides else []
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*folders, str(TEMPLATES)]),
        bytecode_cache=_BytecodeCache(compiled) if compiled else None,
        autoescape=True,
        finalize=mdtext.escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["yaml"] = lambda value: Markup(
        json.dumps(mdtext.html_text(value), ensure_ascii=False)
    )
    env.filters["raw_id"] = _raw_id
    env.filters["number"] = _number
    env.filters["count"] = count
    env.filters["times"] = times
    env.filters["svg_data"] = _svg_data
    env.tests["allowed_url"] = is_allowed_url
    env.globals["map_source"] = data_source()
    env.globals["download_paths"] = download_paths
    return env


_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def count(number: int, noun: str) -> str:
    """``number`` of ``noun`` as a newsroom writes it: "no quotes", "one event", "12 lines"."""
    amount = _SMALL[number] if 0 <= number < len(_SMALL) else f"{number:,}"
    return f"{amount} {noun}{'' if number == 1 else 's'}"


def times(number: int) -> str:
    """How often, as a newsroom writes it: "once", "twice", "three times", "11 times"."""
    if number in (1, 2):
        return ("once", "twice")[number - 1]
    return count(number, "time")


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates (keyed by each template's source, so an edited
    template is compiled again), in a folder that may not exist or not be writable: then
    templates are compiled in every process, as without a cache."""

    def __init__(self, folder: Path) -> None:
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """A cached template that cannot be read (a truncated or foreign file, as a restored
        CI cache may hold) is a miss: the template is compiled again and the file rewritten."""
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass
        except (EOFError, ValueError, TypeError, AttributeError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _templates_key(overrides: Path | None) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every template file: changes when one is edited."""
    folders = [f for f in (overrides, TEMPLATES) if f is not None and f.is_dir()]
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.j2")):
            stat = path.stat()
            found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


_RAW_ID = re.compile(r"[A-Za-z0-9_-]+")


def _number(value: float) -> Markup:
    return Markup(f"{float(value):.1f}")


def _svg_data(value: str) -> Markup:
    if not re.fullmatch(r"[0-9.,\sMZ-]*", value):
        raise ValueError(f"not SVG path data: {value[:40]!r}")
    return Markup(value)


def _raw_id(value: str) -> Markup:
    if not _RAW_ID.fullmatch(str(value)):
        raise ValueError(f"not an id: {value!r}")
    return Markup(value)
