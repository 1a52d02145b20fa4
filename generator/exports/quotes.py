"""The story's quotes as CSV (RFC 4180, UTF-8, ``\\n`` line ends): one row per quote.

Columns: ``id`` (the quote's id), ``speaker`` (name), ``side`` (the name of the party the
speaker stands with; empty if none), ``text`` (the words exactly as quoted), ``date`` (the day
the article that quotes them was published, ``YYYY-MM-DD``), ``article`` (its headline) and
``sentence_link`` (the address of the quoting sentence on the site).
"""

from __future__ import annotations

import csv
import io

from generator.checks.quotetext import normalise_quote, word_matches
from generator.corpus import Story
from generator.exports.links import CitedSentence, StoryLinks
from generator.facts.schema import Quote
from generator.pages.storyview import StoryView

COLUMNS = ("id", "speaker", "side", "text", "date", "article", "sentence_link")


def quotes_csv(story: Story, links: StoryLinks) -> str:
    """Every quote of the story, in the order of its facts, under a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    view = StoryView(story)
    for quote in story.facts.quotes:
        writer.writerow(_row(story, view, quote, links))
    return out.getvalue()


def _row(story: Story, view: StoryView, quote: Quote, links: StoryLinks) -> list[str]:
    speaker = story.entity(quote.speaker)
    side = story.entity(speaker.side).name if speaker.side else ""
    cited = _quoting_sentence(quote, links)
    published = cited.article.published
    date = published.date().isoformat() if published else ""
    title = view.article_title(cited.article)
    return [quote.id, speaker.name, side, quote.text, date, title, cited.url]


def _quoting_sentence(quote: Quote, links: StoryLinks) -> CitedSentence:
    """The first cited sentence that holds the quote's words (validation makes sure one does)."""
    cited = [links.sentence(source) for source in quote.sources if isinstance(source, str)]
    wanted = normalise_quote(quote.text)
    holding = (c for c in cited if word_matches(normalise_quote(c.sentence.text), wanted))
    return next(holding, cited[0])
