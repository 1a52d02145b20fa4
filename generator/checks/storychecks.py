"""Every check of one read story, in order: its cross-references, then (if they hold) the
corrections its source checks ask for, the support of each claim, and statements gone stale.

The story's files and the diagnostics found so far go in; the checks' diagnostics are added to
them, and each claim's supporting sources come out.
"""

from __future__ import annotations

from generator.checks.claims import ClaimKey
from generator.checks.corrections import corrections_not_applied
from generator.checks.currency import stale_statements
from generator.checks.positions import positioned
from generator.checks.support import check_support
from generator.checks.validate import validate_story
from generator.diagnostics import Diagnostic, Severity, errors_in
from generator.facts.fieldtypes import ExternalSource
from generator.reading.storyfiles import StoryFiles


def check_story(
    files: StoryFiles, diagnostics: list[Diagnostic]
) -> dict[ClaimKey, tuple[str | ExternalSource, ...]]:
    """Check ``files``, adding what is found to ``diagnostics``; each claim's own citations."""
    claim_sources: dict[ClaimKey, tuple[str | ExternalSource, ...]] = {}
    if files.facts is not None and files.articles:
        diagnostics.extend(validate_story(files))
        if not errors_in(diagnostics):
            articles = {article.id: article for article in files.articles}
            corrections = corrections_not_applied(files.facts, articles)
            diagnostics.extend(
                positioned(files, corrections, "correction-not-applied", Severity.ERROR)
            )
            support = check_support(files.facts, files.articles)
            diagnostics.extend(positioned(files, support.unsupported, "unsupported-claim"))
            stale = stale_statements(files.facts, articles, support.sources)
            diagnostics.extend(positioned(files, stale, "stale-statement"))
            claim_sources = support.sources
    return claim_sources
