"""Golden Markdown of the shipped story: what the generator renders, kept under version control.

``python -m tests.golden --update`` (``make golden``) renders ``content/`` with a fixed clock and
rewrites ``tests/golden/`` to hold exactly the rendered pages, one file per page path, removing
golden files of pages that are no longer made. ``tests/test_golden.py`` compares the two byte for
byte, so every change to a template or to the facts shows up as a reviewable diff.

``python -m tests.golden --json [--content DIR]`` prints the rendered pages as JSON instead: the
tests render in fresh interpreters, from a copy of the content with no cache and then with the
cache the first run left, under other hash seeds.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
GOLDEN = Path(__file__).resolve().parent / "golden"
NOW = datetime(2026, 1, 1)
"""The clock the golden pages are rendered with, so that date checks never depend on today."""


def render_pages(content: Path = CONTENT) -> dict[str, str]:
    """The pages of ``content`` exactly as ``generator.pipeline.build`` renders them."""
    from generator.pipeline import build

    result = build(content, now=NOW)
    if result.pages is None:
        problems = "\n".join(str(d) for d in result.diagnostics)
        raise SystemExit(f"the content has errors; nothing rendered:\n{problems}")
    return result.pages


def golden_files(golden: Path = GOLDEN) -> dict[str, bytes]:
    """Every golden page on disk, keyed by its page path (``a/b.md``)."""
    if not golden.is_dir():
        return {}
    return {
        path.relative_to(golden).as_posix(): path.read_bytes()
        for path in sorted(golden.rglob("*.md"))
        if path.is_file()
    }


def update(pages: dict[str, str], golden: Path = GOLDEN) -> tuple[int, int]:
    """Make ``golden`` hold exactly ``pages``; return (files written, stale files removed)."""
    golden.mkdir(parents=True, exist_ok=True)
    written = 0
    for relative, text in sorted(pages.items()):
        target = golden / relative
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    removed = 0
    for relative in sorted(set(golden_files(golden)) - set(pages)):
        (golden / relative).unlink()
        removed += 1
    for folder in sorted((p for p in golden.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return written, removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true", help="rewrite tests/golden/")
    mode.add_argument("--json", action="store_true", help="print the rendered pages as JSON")
    parser.add_argument("--content", type=Path, default=CONTENT, help="the content folder")
    arguments = parser.parse_args(argv)
    pages = render_pages(arguments.content)
    if arguments.json:
        sys.stdout.write(json.dumps(pages, ensure_ascii=True, sort_keys=True))
        return 0
    written, removed = update(pages)
    shown = GOLDEN.relative_to(ROOT) if GOLDEN.is_relative_to(ROOT) else GOLDEN
    print(f"{shown}: {len(pages)} page(s); {written} written, {removed} stale removed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
