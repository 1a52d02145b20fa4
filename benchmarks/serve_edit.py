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
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Edit:
    """Where an archive is edited: a story's facts file, a sentence of it and its new form
    (with ``{n}`` for the edit's number), a word of the old form, and a line to break."""

    story: str
    sentence: str
    edited: str
    shows: str
    """What the page holds after the edit (names in it are links: not across them)."""
    old_word: str
    line: str
    broken_line: str


SHIPPED = Edit(
    STORY,
    SUMMARY,
    "Antony Blinken convened{n} talks",
    "convened{n} talks",
    "hosted talks",
    "speaker: us-official",
    "speaker: nobody-known",
)
SYNTHETIC = Edit(
    "story-001",
    "talks were held in the",
    "talks were held{n} in the",
    "talks were held{n} in the",
    "held in the",
    "type: country",
    "type: kountry",
)


def make_synthetic(target: Path, stories: int, articles: int) -> Path:
    """The project with the synthetic archive (``benchmarks/synthetic.py``) as its content."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import write_corpus

    make_archive(target, 1)
    shutil.rmtree(target / "content" / STORY)
    write_corpus(target, stories, articles)
    return target


def measure(
    project: Path, edits: int, dirty: bool = True, edit: Edit = SHIPPED
) -> dict[str, float | list[float]]:
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
        overview = f"{url}{edit.story}/"
        _wait(url, "</html>")
        first = time.perf_counter() - started
        facts = project / "content" / edit.story / "facts.yml"
        original = facts.read_text("utf-8")
        assert edit.sentence in original and edit.line in original
        times = []
        for number in range(edits):
            wanted = edit.edited.format(n=number)
            time.sleep(1.0)  # a save of a human: the last rebuild is over
            _replace(facts, original.replace(edit.sentence, wanted, 1))
            times.append(_wait(overview, edit.shows.format(n=number)))
        time.sleep(1.0)
        _replace(facts, original.replace(edit.line, edit.broken_line, 1))
        broken = _wait(overview, BANNER)
        time.sleep(1.0)
        _replace(facts, original)
        fixed = _wait(overview, edit.old_word, absent=BANNER)
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
    parser.add_argument(
        "--synthetic",
        type=int,
        nargs=2,
        metavar=("STORIES", "ARTICLES"),
        help="also the synthetic archive of STORIES × ARTICLES (20 50: 1,000 articles)",
    )
    parser.add_argument("--edits", type=int, default=5, help="edits per archive (default 5)")
    parser.add_argument(
        "--whole", action="store_true", help="serve without --dirty: every edit rebuilds all"
    )
    options = parser.parse_args(argv)
    archives: list[tuple[str, int, Edit]] = [
        (f"{n} cop{'y' if n == 1 else 'ies'} of the shipped story", n, SHIPPED)
        for n in options.copies
    ]
    if options.synthetic:
        stories, articles = options.synthetic
        archives.append((f"synthetic, {stories} × {articles} articles", -1, SYNTHETIC))
    medians: dict[str, float] = {}
    for name, copies, edit in archives:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "project"
            if copies > 0:
                project = make_archive(target, copies)
            else:
                project = make_synthetic(target, *options.synthetic)
            build = _build_seconds(project)
            figures = measure(project, options.edits, dirty=not options.whole, edit=edit)
        edits = figures["edits"]
        assert isinstance(edits, list)
        medians[name] = statistics.median(edits)
        print(
            f"{name}: mkdocs build {build:.1f} s, first serve {figures['first']:.1f} s; "
            f"edit to visible {medians[name]:.2f} s median "
            f"({', '.join(f'{t:.2f}' for t in edits)}); broken edit to banner "
            f"{figures['broken']:.2f} s, fix to page {figures['fixed']:.2f} s",
            flush=True,
        )
    first = next(iter(medians))
    for name, median in medians.items():
        if name != first:
            print(f"edit to visible, {name} / {first}: {median / medians[first]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
