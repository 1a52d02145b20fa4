"""The shipped story renders to exactly the golden Markdown in tests/golden/, every time.

A failure shows a unified diff. If the change is intended, run ``make golden`` (which runs
``python -m tests.golden --update``) and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:  # pytest puts tests/ on sys.path when tests/ has no __init__.py; the repo root otherwise.
    from tests import golden
except ModuleNotFoundError:  # pragma: no cover - depends on how pytest was started
    import golden  # type: ignore[no-redef]

HINT = (
    "If the change is intended, run `make golden` (python -m tests.golden --update) "
    "and review the diff of tests/golden/."
)
GOLDEN_PAGES = sorted(golden.golden_files())


def _render_in_a_fresh_process(content: Path, seed: str = "0") -> dict[str, str]:
    completed = subprocess.run(
        [sys.executable, "-m", "tests.golden", "--json", "--content", str(content)],
        cwd=golden.ROOT,
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        check=False,
        timeout=180,
    )
    assert completed.returncode == 0, completed.stderr.decode("utf-8", "replace")
    rendered: dict[str, str] = json.loads(completed.stdout)
    return rendered


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped content with no cache beside it."""
    copy = tmp_path_factory.mktemp("golden") / "content"
    shutil.copytree(golden.CONTENT, copy)
    return copy


@pytest.fixture(scope="module")
def pages(content: Path) -> dict[str, str]:
    """The pages as a new interpreter renders them with nothing cached."""
    assert not (content.parent / ".cache").exists()
    rendered = _render_in_a_fresh_process(content)
    assert (content.parent / ".cache" / "explainer").is_dir()
    return rendered


def _diff(relative: str, expected: bytes, actual: bytes) -> str:
    old = expected.decode("utf-8", "replace").splitlines(keepends=True)
    new = actual.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(old, new, f"tests/golden/{relative}", f"rendered {relative}"))
    if not lines:  # the bytes differ where the decoded lines do not (encoding, say)
        at = next(
            (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
            min(len(expected), len(actual)),
        )
        near = slice(at, at + 40)
        return f"first differing byte at offset {at}: {expected[near]!r} != {actual[near]!r}"
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def test_golden_pages_exist() -> None:
    assert GOLDEN_PAGES, f"tests/golden/ holds no page. {HINT}"


def test_every_page_has_a_golden_file(pages: dict[str, str]) -> None:
    missing = sorted(set(pages) - set(GOLDEN_PAGES))
    stale = sorted(set(GOLDEN_PAGES) - set(pages))
    message = []
    if missing:
        message.append("pages rendered without a golden file:\n  " + "\n  ".join(missing))
    if stale:
        message.append("golden files of pages no longer rendered:\n  " + "\n  ".join(stale))
    assert not message, "\n".join(message) + f"\n{HINT}"


@pytest.mark.parametrize("relative", GOLDEN_PAGES)
def test_page_matches_golden(pages: dict[str, str], relative: str) -> None:
    if relative not in pages:
        pytest.fail(f"{relative} is no longer rendered. {HINT}")
    expected = (golden.GOLDEN / relative).read_bytes()
    actual = pages[relative].encode("utf-8")
    if actual != expected:
        diff = _diff(relative, expected, actual)
        pytest.fail(f"{relative} differs from its golden file:\n{diff}\n{HINT}", pytrace=False)


def test_rendering_in_this_process_gives_identical_bytes(pages: dict[str, str]) -> None:
    """This process has loaded and rendered other content before (its caches are warm)."""
    again = golden.render_pages()
    assert sorted(again) == sorted(pages)
    changed = [path for path in pages if again[path].encode() != pages[path].encode()]
    assert not changed, f"rendering in this process differs from a fresh one: {changed}"


@pytest.mark.parametrize("seed", ["1", "2718281"])
def test_rendering_with_the_cache_and_another_hash_seed_gives_identical_bytes(
    content: Path, pages: dict[str, str], seed: str
) -> None:
    other = _render_in_a_fresh_process(content, seed)
    assert sorted(other) == sorted(pages)
    changed = [path for path in pages if other[path].encode() != pages[path].encode()]
    if changed:
        first = _diff(changed[0], pages[changed[0]].encode(), other[changed[0]].encode())
        pytest.fail(f"rendering with PYTHONHASHSEED={seed} changes {changed}:\n{first}")


def test_update_writes_exactly_the_pages_and_removes_stale_files(tmp_path: Path) -> None:
    out = tmp_path / "golden"
    (out / "gone" / "deeper").mkdir(parents=True)
    (out / "gone" / "deeper" / "old.md").write_text("stale\n", encoding="utf-8")
    (out / "index.md").write_text("outdated\n", encoding="utf-8")
    pages = {"index.md": "# Home\n", "story/actors/a.md": "# A\n"}
    written, removed = golden.update(pages, out)
    assert (written, removed) == (2, 1)
    assert golden.golden_files(out) == {k: v.encode() for k, v in pages.items()}
    assert not (out / "gone").exists(), "empty folders of stale files are removed"
    assert golden.update(pages, out) == (0, 0), "an up-to-date folder is left alone"
