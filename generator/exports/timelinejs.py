"""The story's timeline in Knight Lab TimelineJS's JSON format.

TimelineJS (https://timeline.knightlab.com/docs/json-format.html) reads an object with a title
slide and a list of event slides. Each event's slide gives its date at the precision the sources
give (a day as year, month and day; a month as year and month; a year, decade or part of a
decade as years), with the date as the site writes it ("1–4 May 2023", "early 1990s"); its title
as headline; and as text its summary, any source check on it, and when, where and who, each
followed by its citations: links to the cited sentences on the site. The text is HTML, as
TimelineJS expects.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import Any

from generator.corpus import Story
from generator.exports.links import StoryLinks
from generator.facts.fieldtypes import ExternalSource, is_allowed_url
from generator.facts.schema import Event
from generator.reading.dates import FuzzyDate, Moment


def timeline_json(story: Story, links: StoryLinks) -> str:
    """The story's events, earliest first, as TimelineJS JSON text (keys sorted)."""
    document = {
        "title": {"text": _text(story.info.title, story.info.description or "")},
        "events": [_slide(story, event, links) for event in story.event_order],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _slide(story: Story, event: Event, links: StoryLinks) -> dict[str, Any]:
    when = story.dates[event.id]
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": _start(when),
        "display_date": when.label(),
        "text": _text(event.title, _body(story, event, links)),
        # The text holds its own links; TimelineJS would look for more in it.
        "autolink": False,
    }
    end = _end(when)
    if end is not None:
        slide["end_date"] = end
    return slide


def _start(when: FuzzyDate) -> dict[str, int]:
    if when.start.decade:
        return {"year": when.first_day().year}
    return _moment(when.start)


def _end(when: FuzzyDate) -> dict[str, int] | None:
    """The last year of a decade (or of part of one), or the end of a range."""
    if when.end is not None:
        return {"year": when.end.last_day().year} if when.end.decade else _moment(when.end)
    if when.start.decade:
        return {"year": when.last_day().year}
    return None


def _moment(moment: Moment) -> dict[str, int]:
    date = {"year": moment.year}
    if moment.month is not None:
        date["month"] = moment.month
    if moment.day is not None:
        date["day"] = moment.day
    return date


def _text(headline: str, text: str) -> dict[str, str]:
    return {"headline": html.escape(headline, quote=False), "text": text}


_Line = tuple[str, tuple[str | ExternalSource, ...] | None]
"""A line of a slide's text (HTML) and the sources to cite at its end (None: cited inside)."""


def _body(story: Story, event: Event, links: StoryLinks) -> str:
    """The slide's text: summary, source checks, date, place and participants, each cited."""
    claim = "summary" if event.summary else "title"
    lines: list[_Line] = [(_escape(event.summary or event.title), story.cited(event, claim))]
    for check in story.checks_about(event.id):
        text = (
            f"Source check: the article says “{_escape(check.article_says)}” "
            f"{_cite(check.sentences, links)}. {_escape(check.finding)} "
            f"{_cite(check.evidence, links)}"
        )
        lines.append((text, None))
    lines += _when_where_who(story, event, links)
    return "".join(f"<p>{text}</p>" for text in _cite_once(lines, links))


def _when_where_who(story: Story, event: Event, links: StoryLinks) -> list[_Line]:
    when = story.dates[event.id].label()
    lines: list[_Line] = [(f"When: {_escape(when)}", story.cited(event, "when"))]
    if event.place:
        name = _escape(story.entity(event.place).name)
        lines.append((f"Where: {name}", story.cited(event, "place")))
    if event.participants:
        names = [
            _escape(story.entity(participant.entity).name)
            + (f" ({_escape(participant.role)})" if participant.role else "")
            for participant in event.participants
        ]
        cited = [story.cited(event, "participant", p.entity) for p in event.participants]
        if len(set(cited)) == 1:
            lines.append(("Who: " + ", ".join(names), cited[0]))
        else:
            pairs = zip(names, cited, strict=True)
            who = [f"{name} {_cite(sources, links)}" for name, sources in pairs]
            lines.append(("Who: " + ", ".join(who), None))
    return lines


def _cite_once(lines: list[_Line], links: StoryLinks) -> list[str]:
    """Each line's text; a run of lines that rest on the same sources cites them once, at its
    end, as the site's pages do."""
    texts = []
    for index, (text, sources) in enumerate(lines):
        following = lines[index + 1][1] if index + 1 < len(lines) else None
        texts.append(
            f"{text} {_cite(sources, links)}" if sources and sources != following else text
        )
    return texts


def _cite(sources: Iterable[str | ExternalSource], links: StoryLinks) -> str:
    """``(Source: paragraph 3; The Armenian Mirror-Spectator)``, each a link."""
    return f"(Source: {'; '.join(_citation(source, links) for source in sources)})"


def _citation(source: str | ExternalSource, links: StoryLinks) -> str:
    if isinstance(source, ExternalSource):
        label = _escape(source.publisher or source.title)
        if not is_allowed_url(source.url):
            return label
        return (
            f'<a href="{html.escape(source.url)}" title="{html.escape(source.title)}">{label}</a>'
        )
    cited = links.sentence(source)
    return (
        f'<a href="{html.escape(cited.url)}" title="{html.escape(cited.sentence.text)}">'
        f"{cited.label}</a>"
    )


def _escape(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False)
