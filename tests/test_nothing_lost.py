"""Nothing lost: a failed build keeps the last site, and ``render --out`` keeps others' files.

``mkdocs build`` is run for real on a copy of the project; the renderer's writer is tested with
the CLI as a function.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import copy_project

from generator import writer
from generator.cli import main
from generator.writer import MANIFEST, atomic_write, write_pages

STORY = "armenia-azerbaijan-talks"
BREAKAGE = "sumary: a typo an editor made under deadline\n"


def _mkdocs_build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [Path(sys.executable).parent / "mkdocs", "build", *extra],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.slow
def test_failed_mkdocs_build_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert _mkdocs_build(project, "--strict").returncode == 0
    before = _snapshot(project / "site")
    assert f"{STORY}/quotes/index.html" in before
    facts = project / "content" / STORY / "facts.yml"
    facts.write_text(facts.read_text() + BREAKAGE)
    failed = _mkdocs_build(project, "--strict")
    assert failed.returncode != 0
    assert "error[unknown-key]: unknown key 'sumary'" in failed.stderr
    assert _snapshot(project / "site") == before


def test_interrupted_write_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.md"
    page.write_text("old\n")

    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", full_disk)
    with pytest.raises(OSError):
        atomic_write(page, b"new\n")
    assert page.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_render_after_a_failed_render_keeps_the_previous_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    out = tmp_path / "out"
    assert main(["render", str(_shipped_copy(content)), "--out", str(out)]) == 0
    before = _snapshot(out)
    facts = content / STORY / "facts.yml"
    facts.write_text(facts.read_text() + BREAKAGE)
    assert main(["render", str(content), "--out", str(out)]) == 1
    assert "nothing written" in capsys.readouterr().err
    assert _snapshot(out) == before


def _shipped_copy(content: Path) -> Path:
    shutil.copytree(Path(__file__).resolve().parent.parent / "content", content)
    return content


def test_render_never_deletes_outside_its_folder_even_with_a_tampered_manifest(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.md"
    victim.write_text("someone else's work\n")
    absolute = tmp_path / "absolute.md"
    absolute.write_text("also someone else's\n")
    digest = writer._digest(victim.read_bytes())
    manifest = {
        "files": {"../victim.md": digest, str(absolute): writer._digest(b"also someone else's\n")}
    }
    (out / MANIFEST).write_text(json.dumps(manifest))
    report = write_pages({"index.md": "# Home\n"}, out)
    assert victim.read_text() == "someone else's work\n"
    assert absolute.read_text() == "also someone else's\n"
    assert report.removed == 0
    assert (out / "index.md").read_text() == "# Home\n"


def test_render_never_writes_through_a_page_path_outside_its_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="outside"):
        write_pages({"../escaped.md": "# No\n"}, out)
    assert not (tmp_path / "escaped.md").exists()


_STOPPED_RUN = """
import os, sys
from pathlib import Path
from generator import writer

calls = 0
real_fsync = os.fsync

def fsync_then_stop(fd):
    global calls
    real_fsync(fd)
    calls += 1
    if calls == int(sys.argv[2]):
        os._exit(137)  # as SIGKILL would: no cleanup, no finally

writer.os.fsync = fsync_then_stop
pages = {f"story/page-{n}.md": f"# Page {n}, {sys.argv[3]}\\n" for n in range(6)}
writer.write_pages(pages, Path(sys.argv[1]))
"""


def _stopped_run(out: Path, stop_at: int, version: str) -> int:
    script = [sys.executable, "-c", _STOPPED_RUN, str(out), str(stop_at), version]
    return subprocess.run(script, cwd=Path(__file__).parents[1], timeout=60).returncode


def _pages(version: str) -> dict[str, str]:
    return {f"story/page-{n}.md": f"# Page {n}, {version}\n" for n in range(6)}


@pytest.mark.parametrize("stop_at", [1, 2, 3, 6, 9, 12, 13])
def test_a_render_stopped_at_any_moment_is_completed_by_the_next_one(
    tmp_path: Path, stop_at: int
) -> None:
    """Killed between any two steps (a journal line, a page, the manifest), the next run
    recognises every file as its own: nothing is reported as someone else's, nothing stray."""
    out = tmp_path / "out"
    write_pages(_pages("first"), out)
    assert _stopped_run(out, stop_at, "second") == 137
    report = write_pages(_pages("third"), out)
    assert report.kept == []
    expected = {path: text.encode() for path, text in _pages("third").items()}
    files = _snapshot(out)
    assert set(files) == {*expected, MANIFEST}
    assert {path: files[path] for path in expected} == expected
    assert write_pages(_pages("third"), out).unchanged == 6


def test_pages_are_written_with_the_umask_mode(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_pages({"index.md": "# Home\n"}, tmp_path)
        os.umask(0o027)
        write_pages({"index.md": "# Home, again\n"}, tmp_path)
    finally:
        os.umask(previous)
    assert (tmp_path / MANIFEST).stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "index.md").stat().st_mode & 0o777 == 0o640


def test_two_renders_at_once_take_turns(tmp_path: Path) -> None:
    out = tmp_path / "out"
    script = [sys.executable, "-c", _STOPPED_RUN, str(out), "0"]
    runs = [subprocess.Popen([*script, version], cwd=Path(__file__).parents[1]) for version in "ab"]
    assert [run.wait(timeout=60) for run in runs] == [0, 0]
    report = write_pages(_pages("c"), out)
    assert report.kept == [] and report.written == 6
    assert set(_snapshot(out)) == {*_pages("c"), MANIFEST}
