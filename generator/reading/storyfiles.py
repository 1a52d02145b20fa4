"""One story as read from disk (story.yml, facts.yml, articles), before it is known to be valid:
what the checks of :mod:`generator.checks.validate` and the later ones read, and what
:mod:`generator.corpus` resolves into a :class:`generator.corpus.Story`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.facts.schema import Facts, StoryInfo
from generator.reading.article import Article
from generator.reading.yamlsafe import YamlDocument


@dataclass
class StoryFiles:
    """One story as read from disk, before it is known to be valid."""

    slug: str
    directory: Path
    info: StoryInfo | None = None
    facts: Facts | None = None
    facts_document: YamlDocument | None = None
    articles: list[Article] = field(default_factory=list)
