"""Helpers shared by the tests that run a real MkDocs on a copy of the project."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_project(target: Path) -> Path:
    """A copy of what ``mkdocs build`` reads: mkdocs.yml, content/ and theme/."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("content", "theme"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, target / folder)
    return target
