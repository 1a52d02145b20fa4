"""How long an edit takes to show in ``mkdocs serve``, by the size of the archive.

For archives of 1, 8 and 32 copies of the shipped story (about 45, 300 and 1,250 pages), starts
``mkdocs serve --dirty`` (what ``make serve`` runs) on a copy of the project, waits for the
first build, then edits one story's facts file several times and prints, for each archive:

- ``mkdocs build`` of the same archive, from the same (empty) cache, and the first serve:
  seconds from start until the home page answers;
- edit to visible: seconds from writing the facts file until the served overview of that story
  holds the new text, each edit and the median;
- the same for a broken edit (until the error banner shows) and its fix.

    .venv/bin/python benchmarks/serve_edit.py [--copies 1 8 32] [--edits 5]

Figures, not assertions: wall time depends on what else the machine runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORY = "armenia-azerbaijan-talks"
SUMMARY = "Antony Blinken hosted talks"
BANNER = "The content has errors"


def make_archive(target: Path, copies: int) -> Path:
    """The project with ``copies`` copies of the shipped story (the first under its own name)."""
    shutil.copytree(
        ROOT,
        target,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv*",
            "node_modules",
            "site",
            ".cache",
            "tests",
            "benchmarks",
            "build",
            "*.egg-info",
            "__pycache__",
            ".hypothesis",
            "docs-assets",
        ),
    )
    story = target / "content" / STORY
    for number in range(1, copies):
        copy = target / "content" / f"{STORY}-{number:02d}"
        shutil.copytree(story, copy)
        info = copy / "story.yml"
        text = info.read_text("utf-8")
        info.write_text(text.replace("title: ", f"title: ({number:02d}) ", 1), "utf-8")
    return target


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (OSError, urllib.error.URLError):
        return ""


def _wait(url: str, wanted: str, absent: str | None = None, limit: float = 600) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        page = _page(url)
        if wanted in page and (absent is None or absent not in page):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed {wanted!r}")


def _replace(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.new")
    temporary.write_text(text, "utf-8")
    temporary.replace(path)


def measure(project: Path, edits: int, dirty: bool = True) -> dict[str, float | list[float]]:
    """Serve ``project``, edit one facts file ``edits`` times; the seconds each step took."""
    address = f"127.0.0.1:{_port()}"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        *(["--dirty"] if dirty else []),
        "--no-strict",
        "--livereload",
        "--dev-addr",
        address,
    ]
    started = time.perf_counter()
    server = subprocess.Popen(
        command, cwd=project, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        url = f"http://{address}/"
        overview = f"{url}{STORY}/"
        _wait(url, "</html>")
        first = time.perf_counter() - started
        facts = project / "content" / STORY / "facts.yml"
        original = facts.read_text("utf-8")
        times = []
        for edit in range(edits):
            word = f"convened{edit}"
            time.sleep(1.0)  # a save of a human: the last rebuild is over
            _replace(facts, original.replace(SUMMARY, f"Antony Blinken {word} talks", 1))
            times.append(_wait(overview, f"{word} talks"))
        time.sleep(1.0)
        _replace(facts, original.replace("speaker: us-official", "speaker: nobody-known", 1))
        broken = _wait(overview, BANNER)
        time.sleep(1.0)
        _replace(facts, original)
        fixed = _wait(overview, "hosted talks", absent=BANNER)
        return {"first": first, "edits": times, "broken": broken, "fixed": fixed}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _build_seconds(project: Path) -> float:
    """Seconds of a ``mkdocs build`` of ``project`` (its generator cache left as it was)."""
    cache = project / ".cache"
    kept = project.parent / "kept-cache"
    if cache.exists():
        shutil.copytree(cache, kept)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "--site-dir",
            str(project.parent / "b"),
        ],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    seconds = time.perf_counter() - started
    shutil.rmtree(cache, ignore_errors=True)
    if kept.exists():
        kept.rename(cache)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--edits", type=int, default=5, help="edits per archive (default 5)")
    parser.add_argument(
        "--whole", action="store_true", help="serve without --dirty: every edit rebuilds all"
    )
    options = parser.parse_args(argv)
    medians = {}
    for copies in options.copies:
        with tempfile.TemporaryDirectory() as folder:
            project = make_archive(Path(folder) / "project", copies)
            pages = sum(1 for _ in (project / "content").glob("*/story.yml"))
            build = _build_seconds(project)
            figures = measure(project, options.edits, dirty=not options.whole)
        edits = figures["edits"]
        assert isinstance(edits, list)
        medians[copies] = statistics.median(edits)
        print(
            f"{copies:3d} stor{'y' if pages == 1 else 'ies'}: "
            f"mkdocs build {build:.1f} s, first serve {figures['first']:.1f} s; "
            f"edit to visible {medians[copies]:.2f} s median "
            f"({', '.join(f'{t:.2f}' for t in edits)}); broken edit to banner "
            f"{figures['broken']:.2f} s, fix to page {figures['fixed']:.2f} s",
            flush=True,
        )
    smallest = min(medians)
    for copies, median in medians.items():
        if copies != smallest:
            print(
                f"edit to visible, {copies} stories / {smallest}: {median / medians[smallest]:.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
