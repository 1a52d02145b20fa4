"""Incremental builds: what did not change is neither read, validated nor rendered again.

``mkdocs serve`` rebuilds the whole site after every save; the generator keeps, per process, the
last version of each story (by the hash of its files) and of each story's pages, so that only the
story whose file changed is parsed, validated and rendered again.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from conftest import SEED_PATH, SHIPPED_CONTENT

from generator.corpus import Corpus, load_corpus
from generator.pipeline import build
from generator.reading import yamlsafe

NOW = datetime(2026, 1, 1)
TRICKY_YAML = """\
# Non-ASCII before values on the same line moves columns: “quotes”, Ağdam, Ереван.
summary:
  - {text: "Ağdam – “flow”", sources: [p1s1, 'p2s1']}
  - text: |-
      A literal block
        kept as written: 3
    sources:
      - url: https://example.org/a?b=c#d
        title: "Ереван: a title"
entities:
  - id: x
    name: Ереван   # a comment
    aliases: [a, "b", c]
    coordinates: {lat: 40.18, lon: 44.51}
    anonymous: no
    n: ~
    m: 2023-05-01
"""


def _two_stories(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT / "armenia-azerbaijan-talks", content / "first")
    shutil.copytree(SHIPPED_CONTENT / "armenia-azerbaijan-talks", content / "second")
    return content


def _load(content: Path, now: datetime = NOW) -> Corpus:
    corpus, diagnostics = load_corpus(content, now)
    assert corpus is not None, "\n".join(map(str, diagnostics))
    return corpus


@pytest.mark.parametrize(
    "text",
    [
        TRICKY_YAML,
        (SHIPPED_CONTENT / "armenia-azerbaijan-talks" / "facts.yml").read_text("utf-8"),
        (SHIPPED_CONTENT / "armenia-azerbaijan-talks" / "story.yml").read_text("utf-8"),
    ],
    ids=["tricky", "shipped-facts", "shipped-story"],
)
def test_fast_yaml_reader_gives_the_same_values_and_positions(text: str) -> None:
    fast = yamlsafe._read_fast(text, "f.yml")
    assert fast is not None, "the fast reader handed a valid file to the slow one"
    slow = yamlsafe._read(text, "f.yml", yamlsafe._Loader)
    assert fast.data == slow.data
    assert fast.positions == slow.positions
    assert fast.position(("entities", 0, "name", "__value__")) == slow.position(
        ("entities", 0, "name", "__value__")
    )


def test_unchanged_story_is_not_read_again(tmp_path: Path) -> None:
    content = _two_stories(tmp_path)
    first = _load(content)
    second = _load(content)
    assert [a is b for a, b in zip(first.stories, second.stories, strict=True)] == [True, True]


def test_only_the_edited_story_is_read_again(tmp_path: Path) -> None:
    content = _two_stories(tmp_path)
    before = _load(content)
    facts = content / "second" / "facts.yml"
    facts.write_text(facts.read_text("utf-8").replace("hosted talks", "held talks"), "utf-8")
    after = _load(content)
    assert after.stories[0] is before.stories[0]
    assert after.stories[1] is not before.stories[1]
    assert after.stories[1].facts.summary[0].text.count("held talks") == 1


def test_only_the_edited_story_is_rendered_again(tmp_path: Path) -> None:
    content = _two_stories(tmp_path)
    before = build(content, NOW).pages
    facts = content / "second" / "facts.yml"
    facts.write_text(facts.read_text("utf-8").replace("hosted talks", "held talks"), "utf-8")
    after = build(content, NOW).pages
    assert before is not None and after is not None
    assert after["first/index.md"] is before["first/index.md"]
    assert "held talks" in after["second/index.md"]
    assert "held talks" not in before["second/index.md"]


def test_an_edited_article_invalidates_its_story(tmp_path: Path) -> None:
    content = _two_stories(tmp_path)
    _load(content)
    article = content / "first" / "articles" / SEED_PATH.name
    article.write_text(article.read_text("utf-8").replace("Thursday", "Friday"), "utf-8")
    result = build(content, NOW)
    assert result.pages is not None
    page = result.pages[f"first/sources/{SEED_PATH.stem}.md"]
    assert "continue until Friday" in page
    assert "continue until Thursday" in result.pages[f"second/sources/{SEED_PATH.stem}.md"]


def test_an_error_introduced_then_fixed_is_reported_then_cleared(tmp_path: Path) -> None:
    content = _two_stories(tmp_path)
    facts = content / "first" / "facts.yml"
    good = facts.read_text("utf-8")
    facts.write_text(good.replace("speaker: us-official", "speaker: us-officail", 1), "utf-8")
    corpus, diagnostics = load_corpus(content, NOW)
    assert corpus is None
    assert [d.code for d in diagnostics if d.severity == "error"] == ["unknown-entity"]
    facts.write_text(good, "utf-8")
    assert len(_load(content).stories) == 2


def test_the_clock_is_checked_on_every_build_even_when_cached(tmp_path: Path) -> None:
    content = _two_stories(tmp_path)
    _load(content)
    corpus, diagnostics = load_corpus(content, datetime(2023, 5, 1, 12, 0))
    assert corpus is None
    assert {d.code for d in diagnostics} == {"article-future-date", "article-artifact"}


def test_an_edited_template_renders_again(tmp_path: Path) -> None:
    content = _two_stories(tmp_path)
    overrides = tmp_path / "templates"
    overrides.mkdir()
    quotes = overrides / "quotes.md.j2"
    quotes.write_text("# Quotes, version one\n", "utf-8")
    first = build(content, NOW, overrides).pages
    quotes.write_text("# Quotes, version two, longer\n", "utf-8")
    second = build(content, NOW, overrides).pages
    assert first is not None and second is not None
    # The page is the template's Markdown under the front matter of its structured data.
    assert first["first/quotes.md"].endswith("\n---\n\n# Quotes, version one\n")
    assert second["first/quotes.md"].endswith("\n---\n\n# Quotes, version two, longer\n")


def test_the_jinja_environment_is_built_once_per_process() -> None:
    from generator.pages.templating import environment

    assert environment() is environment()
