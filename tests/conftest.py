"""Shared fixtures for the generator's tests.

Fixtures
--------
``repo_root``
    The project's root folder (the one holding ``generator/`` and ``content/``).
``shipped_content``
    The shipped ``content/`` folder. Read it, never write to it.
``seed_path``
    The shipped article, ``content/armenia-azerbaijan-talks/articles/000_d5e6e064cd57f212.txt``.
``seed_text``
    That article's text, exactly as stored.
``now``
    A fixed "current time", ``datetime(2026, 1, 1)``, for ``load_corpus(..., now=now)`` so that
    future-date checks never depend on the clock.
``make_story``
    A function that writes a one-story content folder and returns it::

        content = make_story(tmp_path, facts_yaml, articles=None, story_yaml=None, slug="story")

    It writes ``tmp_path/content/<slug>/story.yml``, ``facts.yml`` and ``articles/<name>`` and
    returns ``tmp_path/content``. ``facts_yaml`` is written verbatim (``None`` writes no
    ``facts.yml`` at all). ``articles`` maps file names to their text (``str``, written as
    UTF-8) or raw ``bytes``; a name without ``.txt`` or ``.md`` gets ``.txt``. By default the
    story has one article, a copy of the seed named ``seed.txt``, so bare sentence ids such as
    ``p3s1`` resolve to the seed's sentences. ``story_yaml`` defaults to ``title: Test story``
    (articles not listed in story.yml are still read, in file-name order).

    Diagnostics name files relative to the content folder's parent, so with ``make_story`` they
    read ``content/<slug>/facts.yml:LINE:COL: error[code]: message``.
``site``
    The ``site/`` folder of the module's own ``build`` fixture (a real ``mkdocs build --strict``
    of a project copy); every test that asks for it fails, with the build's log, if that failed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from test_site import Build

REPO_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CONTENT = REPO_ROOT / "content"
SEED_PATH = SHIPPED_CONTENT / "armenia-azerbaijan-talks" / "articles" / "000_d5e6e064cd57f212.txt"
NOW = datetime(2026, 1, 1)
DEFAULT_STORY_YAML = "title: Test story\n"
DEFAULT_SLUG = "story"

MakeStory = Callable[..., Path]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The project's root folder."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def shipped_content() -> Path:
    """The shipped content folder (read only)."""
    return SHIPPED_CONTENT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The shipped article."""
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The shipped article's text."""
    return SEED_PATH.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def now() -> datetime:
    """A fixed current time, later than every shipped date."""
    return NOW


def write_story(
    tmp_path: Path,
    facts_yaml: str | None,
    articles: dict[str, str | bytes] | None = None,
    story_yaml: str | None = None,
    slug: str = DEFAULT_SLUG,
) -> Path:
    """Write ``tmp_path/content/<slug>/...`` and return ``tmp_path/content``."""
    content = tmp_path / "content"
    story = content / slug
    (story / "articles").mkdir(parents=True, exist_ok=True)
    (story / "story.yml").write_bytes(
        (DEFAULT_STORY_YAML if story_yaml is None else story_yaml).encode("utf-8")
    )
    if facts_yaml is not None:
        (story / "facts.yml").write_bytes(facts_yaml.encode("utf-8"))
    if articles is None:
        articles = {"seed.txt": SEED_PATH.read_bytes()}
    for name, text in articles.items():
        file_name = name if name.endswith((".txt", ".md")) else f"{name}.txt"
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (story / "articles" / file_name).write_bytes(data)
    return content


@pytest.fixture
def make_story() -> MakeStory:
    """``make_story(tmp_path, facts_yaml, articles=None, story_yaml=None, slug="story")``."""
    return write_story


@pytest.fixture(scope="module")
def site(build: Build) -> Path:
    if build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed ({build.returncode}):\n{build.log}")
    return build.site
