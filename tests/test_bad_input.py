"""The bad-input corpus: every case in ``tests/bad_input/`` gives exactly its expected output.

A case is a folder holding the files that differ from ``tests/bad_input/_base`` (a small valid
story), an optional ``remove.txt`` (base paths to delete, one a line) and ``expected.txt``: the
exact lines ``explainer check content`` prints (diagnostics on stderr, then stdout), then
``[exit N]``. The check runs in a temporary copy, as a function (``main(argv)``), and must never
raise. Regenerate after an intended change with ``UPDATE_BAD_INPUT=1 pytest
tests/test_bad_input.py`` and review the diff like code.

A few cases are too big to commit (a 10 MB article, a facts file far larger than any real one):
they are generated here. Some cases also go through a real ``mkdocs build --strict``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import copy_project

from generator.cli import main
from generator.reading.article import MAX_ARTICLE_BYTES
from generator.reading.yamlsafe import MAX_BYTES

CASES_DIR = Path(__file__).parent / "bad_input"
BASE = CASES_DIR / "_base"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))
UPDATE = os.environ.get("UPDATE_BAD_INPUT") == "1"
FACTS = "content/talks/facts.yml"
ARTICLE = "content/talks/articles/wire.txt"


def materialise(case: str, target: Path) -> Path:
    """The base story with the case's files laid over it, in ``target``."""
    shutil.copytree(BASE, target, dirs_exist_ok=True)
    case_dir = CASES_DIR / case
    removals = case_dir / "remove.txt"
    if removals.is_file():
        for line in removals.read_text().split():
            victim = target / line
            shutil.rmtree(victim) if victim.is_dir() else victim.unlink()
    for source in case_dir.rglob("*"):
        relative = source.relative_to(case_dir)
        if source.is_file() and relative.parts[0] == "content":
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / relative)
    return target


def run_check(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> str:
    """What ``explainer check content`` prints in ``project``, and its exit status."""
    monkeypatch.chdir(project)
    status = main(["check", "content"])
    captured = capsys.readouterr()
    return f"{captured.err}{captured.out}[exit {status}]\n"


def test_the_corpus_is_large_enough() -> None:
    failing = [c for c in CASES if "[exit 1]" in (CASES_DIR / c / "expected.txt").read_text()]
    assert len(failing) >= 30


@pytest.mark.parametrize("case", CASES)
def test_case_prints_exactly_its_expected_output(
    case: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    output = run_check(materialise(case, tmp_path), capsys, monkeypatch)
    expected_path = CASES_DIR / case / "expected.txt"
    if UPDATE:
        expected_path.write_text(output, encoding="utf-8")
    assert output == expected_path.read_text(encoding="utf-8")
    assert "Traceback" not in output


def test_base_story_is_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    output = run_check(materialise("_base", tmp_path), capsys, monkeypatch)
    assert output == "ok: 1 story, 1 article(s); 0 errors, 0 warnings\n[exit 0]\n"


def test_ten_megabyte_article_is_refused_with_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = materialise("_base", tmp_path)
    paragraph = b"The talks continued for another day without a result. " * 20 + b"\n"
    (project / ARTICLE).write_bytes(paragraph * (10_000_000 // len(paragraph) + 1))
    size = (project / ARTICLE).stat().st_size
    assert size >= 10_000_000
    assert run_check(project, capsys, monkeypatch) == (
        f"{ARTICLE}:1:1: error[article-too-large]: article is {size:,} bytes; the limit is "
        f"{MAX_ARTICLE_BYTES:,} bytes. Is this really one article?\n"
        "explainer check: 1 error, 0 warnings\n[exit 1]\n"
    )


def test_facts_file_far_larger_than_any_real_one_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = materialise("_base", tmp_path)
    base = (project / FACTS).read_text()
    filler = "".join(f"# pasted line {n}: {'x' * 80}\n" for n in range(MAX_BYTES // 90 + 10))
    (project / FACTS).write_text(base + filler)
    size = (project / FACTS).stat().st_size
    assert size > MAX_BYTES
    assert run_check(project, capsys, monkeypatch) == (
        f"{FACTS}:1:1: error[file-too-large]: file is {size:,} bytes; the limit is "
        f"{MAX_BYTES:,} bytes. Split the story or remove pasted material\n"
        "explainer check: 1 error, 0 warnings\n[exit 1]\n"
    )


def build_strict(project: Path, tool: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """A real ``build --strict`` of ``project`` by ``tool`` (mkdocs, properdocs or zensical)."""
    return subprocess.run(
        [Path(sys.executable).parent / tool, "build", "--strict", "-f", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


MKDOCS_CASES = [
    "yaml-tab-indentation",
    "schema-problems-one-pass",
    "reference-problems-one-pass",
    "article-invalid-utf8",
    "story-folder-name",
    "article-md-javascript-url",
    "correction-not-applied",
    "control-characters",
    "empty-facts",
    "page-collision-entity-index",
]


@pytest.mark.slow
@pytest.mark.parametrize("case", MKDOCS_CASES)
def test_mkdocs_build_strict_fails_with_the_same_diagnostics(case: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "content" / "armenia-azerbaijan-talks")
    materialise(case, project)
    result = build_strict(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    expected = (CASES_DIR / case / "expected.txt").read_text().splitlines()
    diagnostics = [line for line in expected if ": error[" in line or ": warning[" in line]
    assert diagnostics
    for line in diagnostics:
        assert line in result.stderr
    if any(": error[" in line for line in diagnostics):  # errors stop before any page
        assert not (project / "site" / "talks").exists()


def test_content_that_is_not_a_regular_file_inside_content_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link to a private file, a link to /dev/zero and a named pipe: each refused before a
    byte is read (reading them would publish the file, use up memory or hang the build)."""
    project = materialise("_base", tmp_path / "project")
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is swordfish.\n2023-05-01 10:00:00\n")
    articles = project / "content" / "talks" / "articles"
    (articles / "leak.txt").symlink_to(secret)
    (articles / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(articles / "pipe.txt")
    output = run_check(project, capsys, monkeypatch)
    assert output == (
        "content/talks/articles/leak.txt:1:1: error[link-outside-content]: the file is a link "
        "to a file outside the content folder; copy the file in instead\n"
        "content/talks/articles/pipe.txt:1:1: error[not-a-regular-file]: the file is not a "
        "regular file (a pipe, a device or a socket); replace it with a text file\n"
        "content/talks/articles/zero.txt:1:1: error[link-outside-content]: the file is a link "
        "to a file outside the content folder; copy the file in instead\n"
        "explainer check: 3 errors, 0 warnings\n[exit 1]\n"
    )
    assert "swordfish" not in output


@pytest.mark.slow
def test_a_story_folder_named_like_a_hand_written_page_fails_the_strict_build(
    tmp_path: Path,
) -> None:
    """``about/index.md`` (the story's overview) and the hand-written ``about.md`` are both
    ``about/index.html``: the build names both instead of letting one replace the other."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "content" / "armenia-azerbaijan-talks")
    shutil.copytree(BASE / "content" / "talks", project / "content" / "about")
    result = build_strict(project)
    assert result.returncode != 0
    assert (
        "content/pages/about.md:1:1: error[page-collision]: 'about.md' of the docs folder and "
        "the generated page 'about/index.md' would both be published as 'about/index.html'; "
        "the first is kept and the generated page is left out."
    ) in result.stderr
    assert "Traceback" not in result.stderr
