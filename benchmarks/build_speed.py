"""How long the shipped content takes to generate and to build: `make bench`.

Figures, not assertions: the generator (parse, validate, render, in memory) cold and warm, the
regeneration after one facts file changes (what ``mkdocs serve`` does after a save), and a full
``mkdocs build`` of the site, with the peak memory of each.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator import corpus as corpus_module  # noqa: E402
from generator.pages import render as render_module  # noqa: E402
from generator.pipeline import build  # noqa: E402
from generator.reading import storyreader  # noqa: E402


def _generate(repeats: int = 20) -> tuple[float, int]:
    best = float("inf")
    pages = 0
    for _ in range(repeats):
        storyreader._article_cache.clear()  # measure a cold parse each time
        corpus_module._story_cache.clear()
        render_module._story_pages.clear()
        start = time.perf_counter()
        result = build(ROOT / "content")
        best = min(best, time.perf_counter() - start)
        pages = len(result.pages or {})
    return best, pages


def _incremental(repeats: int = 10) -> tuple[float, float]:
    """Median wall and CPU time to build again after one edit of a facts file, as ``mkdocs serve``
    does (CPU time is what the machine's other work does not inflate)."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(ROOT / "content", content)
        facts = next(content.glob("*/facts.yml"))
        build(content)
        walls, cpus = [], []
        for index in range(repeats):
            facts.write_text(facts.read_text("utf-8") + f"\n# edit {index}\n", "utf-8")
            start, cpu = time.perf_counter(), time.process_time()
            build(content)
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
        return sorted(walls)[len(walls) // 2], sorted(cpus)[len(cpus) // 2]


def _mkdocs_build() -> float:
    with tempfile.TemporaryDirectory() as site:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", site],
            cwd=ROOT,
            check=True,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )
        return time.perf_counter() - start


def main() -> None:
    """Measure and print."""
    start = time.perf_counter()
    build(ROOT / "content")
    cold = time.perf_counter() - start
    print(f"generator, first build in a fresh process: {cold * 1000:.0f} ms")
    seconds, pages = _generate()
    print(
        f"generator (parse+validate+render, best of 20): {seconds * 1000:.1f} ms for {pages} pages"
    )
    print(
        f"generator peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    wall, cpu = _incremental()
    print(
        "regeneration after one facts file changes (median of 10): "
        f"{wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU"
    )
    build_seconds = _mkdocs_build()
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"mkdocs build (whole site): {build_seconds:.2f} s, peak memory {child_peak:.0f} MB")
    print(f"generator share of the build (first build): {cold / build_seconds:.0%}")


if __name__ == "__main__":
    main()
