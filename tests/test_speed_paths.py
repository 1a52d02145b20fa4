"""The shortcuts that keep a large archive fast give the same site as the long way round.

Stories are rendered, and their pages' Markdown turned into HTML, in forked workers when the
process has one thread (``generator/workers``), compiled templates are kept in
``.cache/explainer/templates``, and plain one-sentence paragraphs skip pySBD (checked against
pySBD itself in ``test_properties``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pysbd  # type: ignore[import-untyped]
import pytest
from conftest import SHIPPED_CONTENT
from support import copy_project

from generator import workers
from generator.pipeline import build
from generator.reading import segment

ROOT = Path(__file__).resolve().parent.parent
STORIES = ("first", "second", "third", "fourth", "fifth")
BUILD_AND_PRINT = """
import json, sys
from datetime import datetime
from pathlib import Path
from generator.pipeline import build
result = build(Path(sys.argv[1]), now=datetime(2026, 1, 1))
print(json.dumps(result.pages))
"""


def _stories(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    for name in STORIES:
        shutil.copytree(SHIPPED_CONTENT / "armenia-azerbaijan-talks", content / name)
    return content


def _pages_in_new_process(content: Path, workers: str) -> dict[str, str]:
    environment = {**os.environ, "EXPLAINER_WORKERS": workers, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", BUILD_AND_PRINT, str(content)],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    pages: dict[str, str] = json.loads(done.stdout)
    return pages


def test_workers_render_the_same_pages_as_one_process(tmp_path: Path) -> None:
    content = _stories(tmp_path)
    alone = _pages_in_new_process(content, "1")
    shared = _pages_in_new_process(content, "2")
    assert len(alone) > 5 * 20
    assert list(shared) == list(alone)
    assert shared == alone


def _mkdocs_build(project: Path, workers: str, *options: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "EXPLAINER_WORKERS": workers, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *options],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_broken_link_in_generated_markdown_or_finished_html_fails_a_strict_build(
    tmp_path: Path, workers: str
) -> None:
    project = copy_project(tmp_path / "project")
    overrides = project / "templates"
    overrides.mkdir()
    background = (ROOT / "generator" / "templates" / "background.md.j2").read_text("utf-8")
    broken = (
        "\n[Gone](gone.md)\n\nSaid so. "
        '<a class="cite" href="missing.md#p1s1">¶1.1</a> '
        '<a class="cite" href="sources/000_d5e6e064cd57f212.md#p99s9">¶99.9</a>\n'
        '\n<!-- explainer:verbatim late -->\n<p><a href="late-gone.md">Late</a></p>\n'
        "<!-- /explainer:verbatim -->\n"
    )
    (overrides / "background.md.j2").write_text(background + broken, "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "      content_dir: content\n",
            "      content_dir: content\n      templates_dir: templates\n",
        ),
        "utf-8",
    )
    done = _mkdocs_build(project, workers)
    assert done.returncode != 0
    page = "'armenia-azerbaijan-talks/background.md'"
    assert f"{page} contains a link 'gone.md'" in done.stderr
    assert f"{page} contains a link 'missing.md'" in done.stderr
    assert f"{page} contains a link 'late-gone.md'" in done.stderr
    assert "does not contain an anchor '#p99s9'" in done.stderr


SEEN_BY_SEARCH = """
import json
from pathlib import Path

def on_page_context(context, page, config, nav):
    # What the search plugin reads of each page, in the same event.
    seen = Path(config.config_file_path).parent / "seen.json"
    pages = json.loads(seen.read_text()) if seen.exists() else {}
    pages[page.url] = page.content
    seen.write_text(json.dumps(pages))
    return context
"""


def test_search_reads_pages_without_their_sources_which_the_reader_gets(tmp_path: Path) -> None:
    """The list of sources (and, in a compact site, the story's menu), a third of a story's HTML
    that search would only leave out, goes into each page after the search plugin has read it
    (a ``late`` block)."""
    project = copy_project(tmp_path / "project")
    (project / "seen_by_search.py").write_text(SEEN_BY_SEARCH, "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "hooks:\n  - seen_by_search.py\n", "utf-8")
    done = _mkdocs_build(project, "1")
    assert done.returncode == 0, done.stderr
    seen = json.loads((project / "seen.json").read_text("utf-8"))
    url = "armenia-azerbaijan-talks/places/lachin-corridor/"
    built = (project / "site" / url / "index.html").read_text("utf-8")
    assert '<section class="references"' in built
    assert '<section class="references"' not in seen[url]
    assert 'id="ref-1"' in built and "Lachin Corridor" in seen[url]


def test_jobs_run_in_workers_only_when_the_process_has_one_thread() -> None:
    jobs = list(range(8))
    assert workers.run_all(lambda n: (n * n, os.getpid()), jobs)[3][0] == 9
    in_workers = {pid for _, pid in workers.run_all(lambda n: (n, os.getpid()), jobs)}
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        in_threads = {pid for _, pid in workers.run_all(lambda n: (n, os.getpid()), jobs)}
    finally:
        stop.set()
        server.join()
    assert in_threads == {os.getpid()}
    if workers.worker_count(len(jobs)) > 1:  # a machine with one core runs everything here
        assert os.getpid() not in in_workers


def test_compiled_templates_are_kept_and_an_edited_template_is_used(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, content)
    overrides = tmp_path / "templates"
    overrides.mkdir()
    first = build(content, templates=overrides)
    compiled = tmp_path / ".cache" / "explainer" / "templates"
    assert first.pages is not None and len(list(compiled.iterdir())) >= 10
    (overrides / "background.md.j2").write_text("# Edited background\n", "utf-8")
    second = _pages_in_new_process(content, "1")
    edited_page = "\n---\n\n# Edited background\n"  # under its structured data's front matter
    assert not second["armenia-azerbaijan-talks/background.md"].endswith(edited_page)
    edited = build(content, templates=overrides)
    assert edited.pages is not None
    assert edited.pages["armenia-azerbaijan-talks/background.md"].endswith(edited_page)


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, content)
    (tmp_path / ".cache").write_text("not a folder", "utf-8")
    result = build(content)
    assert result.pages is not None
    assert result.pages == build(SHIPPED_CONTENT).pages


def test_paragraphs_segmented_ahead_are_split_as_pysbd_splits_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(segment, "_known", {})
    paragraphs = [
        f"Mr. Aram Petrosyan met the U.S. envoy on {n} May. “We spoke,” he said. Dr. Lee left."
        for n in range(segment.AHEAD_MIN + 50)
    ]
    segment.segment_ahead(["Plain sentence without a break.", *paragraphs])
    assert len(segment._known) == len(paragraphs)
    stock = pysbd.Segmenter(language="en", clean=False, char_span=False)
    for paragraph in paragraphs[::37]:
        expected = [piece.strip() for piece in stock.segment(paragraph)]
        assert segment.split_sentences(paragraph) == expected
        assert len(expected) == 3


def _fails_on_five(n: int) -> int:
    if n == 5:
        raise ValueError("job 5 failed")
    return n


def _dies_on_five(n: int) -> int:
    if n == 5:
        os._exit(3)  # what the kernel's OOM killer does to a worker, near enough
    return n


def test_a_job_that_fails_in_a_worker_fails_the_run_with_its_error() -> None:
    with pytest.raises(ValueError, match="job 5 failed"):
        workers.run_all(_fails_on_five, list(range(8)))


def test_a_worker_that_dies_fails_the_run_instead_of_hanging() -> None:
    if workers.worker_count(8) < 2:
        pytest.skip("one core: jobs run in this process")
    with pytest.raises(BrokenProcessPool):
        workers.run_all(_dies_on_five, list(range(8)))


READ_HUGE_PARAGRAPHS = """
import json, sys
from generator.reading import mdsource, segment
wire = " ".join(["Dr. Lee met the U.S. envoy, e.g. on Monday."] * 3000)
markdown = " ".join(["*Talks* resumed [near](https://example.org/x) the (capital) today."] * 3000)
print(json.dumps([segment.split_sentences(wire), mdsource.inline_text(markdown)]))
"""


def test_a_huge_paragraph_read_on_every_core_reads_as_in_one_process() -> None:
    """A paragraph of dozens of windows (wire) or pieces (Markdown) is read in workers: the
    sentences and words are the same as read in one process."""

    def read(workers: str) -> list[object]:
        environment = {**os.environ, "EXPLAINER_WORKERS": workers, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", READ_HUGE_PARAGRAPHS],
            env=environment, capture_output=True, text=True, check=True, timeout=300,
        )  # fmt: skip
        result: list[object] = json.loads(done.stdout)
        return result

    alone, shared = read("1"), read("2")
    sentences, words = shared
    assert isinstance(sentences, list) and len(sentences) > 2000
    assert isinstance(words, str) and words.count("Talks resumed near the (capital) today.") == 3000
    assert shared == alone
