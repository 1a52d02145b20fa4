"""Time per kilobyte of every input reader on pathological inputs of growing size.

A reader whose time grows faster than its input lets one hostile file use up a build: each
family below is fed to the wire-article reader, the Markdown-article reader and the YAML
facts loader at 1, 10, 100 KB and 1 MB, and the time per kilobyte is printed. Flat rows are
linear time; the README states the bound.

Run: ``.venv/bin/python benchmarks/readers.py [--max-kb 1024]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.facts.schema import Facts  # noqa: E402
from generator.reading.article import parse_article  # noqa: E402 (after the path is set)
from generator.reading.loading import load_model  # noqa: E402

FAMILIES: dict[str, str] = {
    "brackets": "[",
    "image links": "![a](",
    "open tags": "<a ",
    "abbreviations": "U.S. Dr. e.g. ",
    "exclamations": "Wow! ",
    "quotes": '"Yes. ',
    "long word": "x",
    "nesting": "((([[[",
    "emphasis": "*a* _b_ ",
    "prose": "The ministers met near the capital on Monday. ",
}
SIZES_KB = (1, 10, 100, 1024)


def _wire(body: str) -> None:
    parse_article(body + "\n2023-05-01 10:00:00\n", "a", "a.txt")


def _markdown(body: str) -> None:
    parse_article(f"---\npublished: 2023-05-01 10:00:00\n---\n{body}\n", "a", "a.md")


def _yaml(body: str) -> None:
    text = "summary:\n  - text: " + repr(body) + "\n    sources: [p1s1]\n"
    load_model(text, "facts.yml", Facts)


READERS: dict[str, Callable[[str], None]] = {
    "wire article": _wire,
    "Markdown article": _markdown,
    "YAML facts": _yaml,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=1024, help="largest input size (KB)")
    options = parser.parse_args(argv)
    sizes = [size for size in SIZES_KB if size <= options.max_kb]
    print(f"{'reader':17} {'family':14} " + " ".join(f"{s:>7} KB" for s in sizes) + "  (ms/KB)")
    worst = 0.0
    for reader_name, reader in READERS.items():
        for family, unit in FAMILIES.items():
            cells = []
            for size in sizes:
                body = (unit * (size * 1024 // len(unit) + 1))[: size * 1024]
                start = time.perf_counter()
                reader(body)
                elapsed = time.perf_counter() - start
                worst = max(worst, elapsed) if size == max(sizes) else worst
                cells.append(f"{elapsed * 1000 / size:10.2f}")
            print(f"{reader_name:17} {family:14} " + " ".join(cells), flush=True)
    print(f"slowest read of {max(sizes)} KB: {worst:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
