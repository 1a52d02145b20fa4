"""Places in a facts file and the diagnostics reported at them: a :data:`Loc` and a message in,
a :class:`Diagnostic` with the file's line and column out.

A place is the path of keys and indexes to a value (``("events", 2, "when", "end")``); the
loader kept each one's position in the file, so every check reports where the problem is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from generator.reading.storyfiles import StoryFiles

Loc = tuple[str | int, ...]


def positioned(
    story: StoryFiles,
    found: Iterable[tuple[Loc, str]],
    code: str,
    severity: Severity = Severity.WARNING,
) -> list[Diagnostic]:
    """Diagnostics for findings of a later check (:mod:`generator.checks.support`,
    :mod:`generator.checks.corrections`), at their places in the facts file."""
    checker = Reporter(story)
    for loc, message in found:
        checker.report(loc, code, message, severity=severity)
    return checker.diagnostics


class Reporter:
    """Collects diagnostics on one story's facts file, each at the place it concerns."""

    def __init__(self, story: StoryFiles) -> None:
        assert story.facts is not None and story.facts_document is not None
        self.story = story
        self.facts = story.facts
        self.document = story.facts_document
        self.diagnostics: list[Diagnostic] = []

    def report(
        self,
        loc: Loc,
        code: str,
        message: str,
        *,
        value: bool = True,
        severity: Severity = Severity.ERROR,
    ) -> None:
        positions = self.document.positions
        key = loc
        if value and (*loc, "__value__") in positions:
            key = (*loc, "__value__")
        elif value and loc not in positions:
            # A field that is not in the file as written (``when: 2023-05-01`` is short for
            # ``when: {date: ...}``): point at the nearest written value.
            for end in range(len(loc) - 1, 0, -1):
                if (*loc[:end], "__value__") in positions:
                    key = (*loc[:end], "__value__")
                    break
        line, column = self.document.position(key)
        self.diagnostics.append(
            Diagnostic(self.document.path, line, column, code, message, severity)
        )
