"""``explainer extract``: draft or extend a story's facts file from one article."""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from generator.diagnostics import Diagnostic, display_path, errors_in, sort_diagnostics
from generator.extract.draft import Draft, build_draft
from generator.extract.merge import (
    SECTIONS,
    MergeReport,
    merge,
    render_new,
    render_suggestions,
)
from generator.reading.article import Article
from generator.reading.yamlsafe import YamlError, decode_yaml
from generator.writer import atomic_write

HEADER = """\
# Draft facts drafted by `explainer extract` from {article}.
# Every item marked `status: draft` is the extractor's proposal: check it against the cited
# sentences, correct it, then set `status: reviewed` (or delete the line). Re-running extract
# never changes or removes an item that is already here; it only appends new ones.

"""


@dataclass(frozen=True)
class Target:
    """Where an article's facts go: its story folder and the facts file in it."""

    story: Path
    article: Path

    @property
    def facts(self) -> Path:
        return self.story / "facts.yml"


def run(article_path: Path, story: Path | None, dry_run: bool) -> int:
    """Extract from ``article_path`` and merge into its story; return the exit status."""
    from generator.extract.extraction import extract
    from generator.extract.nlp import ExtractUnavailableError, load_pipeline
    from generator.reading.storyreader import read_article

    target = _target(article_path, story)
    if target is None:
        return 2
    article, diagnostics = read_article(article_path, display_path(article_path))
    if article is None or errors_in(diagnostics):
        _print(diagnostics)
        return 1
    try:
        load_pipeline()
    except ExtractUnavailableError as error:
        print(f"explainer extract: {error}", file=sys.stderr)
        return 1
    draft = build_draft(extract(article), _article_ref(target, article))
    return _write(target, article, draft, dry_run)


def _target(article_path: Path, story: Path | None) -> Target | None:
    if not article_path.is_file():
        print(f"explainer extract: {article_path}: no such file", file=sys.stderr)
        return None
    if story is None:
        if article_path.parent.name != "articles":
            print(
                f"explainer extract: {article_path} is not in a story's articles/ folder; "
                "move it to content/<story>/articles/ or name the story folder with --story",
                file=sys.stderr,
            )
            return None
        story = article_path.parent.parent
    return Target(story, article_path)


def _article_ref(target: Target, article: Article) -> str:
    """Bare sentence ids while the story has one article; ``article-id#`` once it has more."""
    articles = target.story / "articles"
    others = [p for p in articles.glob("*") if p.suffix in {".txt", ".md"} and p.stem != article.id]
    return article.id if others else ""


def _write(target: Target, article: Article, draft: Draft, dry_run: bool) -> int:
    header = HEADER.format(article=f"articles/{target.article.name}")
    if target.facts.is_file():
        existing = _mergeable_facts(target.facts)
        if existing is None:
            return 1
        text, report = merge(existing, draft.facts)
    else:
        text, report = render_new(draft.facts, header), MergeReport(added=_all_ids(draft))
    suggestions, suggested = render_suggestions(draft.suggestions, text)
    if suggested:
        text = text.rstrip("\n") + "\n" + suggestions
        report.added += [f"{item} (suggestion, commented out)" for item in suggested]
    _print_review(draft, report)
    for artifact in article.artifacts:
        print(f"artifact: line {artifact.line}: {artifact.text!r} is not part of the article body")
    if dry_run or not report.changed:
        print("nothing written" if not report.changed else "dry run: nothing written")
        return 0
    problems = _validate(target, text, article)
    destination = target.facts
    if errors_in(problems):
        destination = target.story / "facts.draft.yml"
        shown = display_path(destination)
        # the lines named are those of the merged text, which goes to the draft file
        _print([replace(d, path=shown) if d.path.endswith("facts.yml") else d for d in problems])
        print(f"the merged file would not pass `explainer check`; wrote it beside: {destination}")
    elif not (target.story / "story.yml").is_file():
        atomic_write(target.story / "story.yml", _story_file(article, draft).encode("utf-8"))
    atomic_write(destination, text.encode("utf-8"))
    print(f"wrote {display_path(destination)}: {len(report.added)} new item(s)")
    return 0


def _mergeable_facts(path: Path) -> str | None:
    """The text of the story's facts file if extract can add to it: it reads as YAML and holds a
    list of items under each section extract writes. Otherwise print why, as `explainer check`
    says it, and return None. Items the schema refuses are left for the check that follows."""
    from generator.facts.schema import Facts
    from generator.reading.loading import load_model

    shown = display_path(path)
    try:
        text = decode_yaml(path.read_bytes(), shown)
    except YamlError as error:
        diagnostics = [error.diagnostic]
    else:
        _, document, diagnostics = load_model(text, shown, Facts)
        if document is not None and _holds_item_lists(document.data):
            return text
    _print(errors_in(diagnostics))
    print(
        f"explainer extract: {display_path(path)} is not a facts file that extract can add to; "
        "fix the error(s) above (`explainer check` shows them too) and run extract again",
        file=sys.stderr,
    )
    return None


def _holds_item_lists(data: object) -> bool:
    if data is None:
        return True
    if not isinstance(data, dict):
        return False
    return all(
        items is None or (isinstance(items, list) and all(isinstance(i, dict) for i in items))
        for items in (data.get(section) for section in SECTIONS)
    )


def _all_ids(draft: Draft) -> list[str]:
    return [f"{section}/{item['id']}" for section, items in draft.facts.items() for item in items]


def _validate(target: Target, facts_text: str, article: Article) -> list[Diagnostic]:
    """Check the result as `explainer check` would, on a copy of the story."""
    from generator.corpus import load_corpus

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "content" / target.story.name
        shutil.copytree(target.story, copy, ignore=shutil.ignore_patterns("facts*.yml"))
        (copy / "facts.yml").write_text(facts_text, encoding="utf-8")
        if not (copy / "story.yml").is_file():
            (copy / "story.yml").write_text(f"title: {article.id}\n", encoding="utf-8")
        articles = copy / "articles"
        if not (articles / target.article.name).is_file():
            articles.mkdir(exist_ok=True)
            shutil.copy(target.article, articles / target.article.name)
        _, diagnostics = load_corpus(copy.parent)
    return [d for d in diagnostics if d.severity != "note"]


def _story_file(article: Article, draft: Draft) -> str:
    from generator.extract.merge import yaml_engine

    first = article.sentences[0].text if article.sentences else article.id
    title = article.title or _clip(first, 90)
    story: dict[str, object] = {"title": title}
    if draft.tags:
        story["tags"] = draft.tags
    story["articles"] = [{"id": article.id}]
    stream = io.StringIO()
    stream.write("# Story file drafted by `explainer extract`; give it a real title.\n")
    yaml_engine().dump(story, stream)
    return stream.getvalue()


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def _print_review(draft: Draft, report: MergeReport) -> None:
    for added in report.added:
        print(f"new: {added}")
    for difference in report.differs:
        print(f"differs: {difference}")
    if report.kept:
        print(f"already in the facts file: {report.kept} item(s), left as they are")
    for mention in draft.dates:
        e = mention.expression
        approximate = ", approximate" if e.approximate else ""
        print(f"date: {mention.sentence_id}: {e.text!r} = {e.value} ({e.granularity}{approximate})")
    for quote in draft.unattributed:
        print(
            f"review: {quote.sentence_id}: no speaker found for \u201c{quote.text}\u201d; "
            "not drafted"
        )
    if draft.tags:
        print(f"tags: {', '.join(draft.tags)}")


def _print(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in sort_diagnostics(diagnostics):
        print(diagnostic, file=sys.stderr)
