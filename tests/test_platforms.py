"""The site builds on ProperDocs (MkDocs 1.6 continued) as on MkDocs: Material's end of life
must not stop a newsroom publishing."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from support import copy_project
from test_bad_input import build_strict, materialise

BIN = Path(sys.executable).parent
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def _site(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): GENERATOR_TAG.sub(b"", path.read_bytes())
        for path in folder.rglob("*")
        if path.is_file() and path.suffix != ".gz"  # the compressed sitemap holds a date
    }


@pytest.mark.slow
def test_properdocs_builds_the_site_mkdocs_builds(tmp_path: Path) -> None:
    mkdocs, properdocs = copy_project(tmp_path / "mkdocs"), copy_project(tmp_path / "properdocs")
    assert build_strict(mkdocs).returncode == 0
    done = build_strict(properdocs, "properdocs")
    assert done.returncode == 0, done.stderr
    built = _site(properdocs / "site")
    assert len(built) > 40
    assert built == _site(mkdocs / "site")


@pytest.mark.slow
def test_a_warning_fails_a_strict_properdocs_build(tmp_path: Path) -> None:
    """The plugin logs through the engine's plugin logger, which ProperDocs counts too: an
    empty facts file (a warning) stops a strict build there as it does under MkDocs."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "content" / "armenia-azerbaijan-talks")
    materialise("empty-facts", project)
    done = build_strict(project, "properdocs")
    assert done.returncode != 0
    assert "content/talks/facts.yml:1:1: warning[empty-facts]" in done.stderr
