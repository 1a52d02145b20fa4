"""Each story's updates as an Atom feed (RFC 4287), built with feedgen from its changelog.

A feed needs absolute addresses, so it is made only when the site has one (``site_url``). An
entry's id is the overview page's address with the entry's date and its place among that day's
entries (``#change-2023-05-04-2``): an entry added later for another day, even an earlier one,
leaves every other id as it was, so feed readers never show an old update as new.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from generator.corpus import Corpus, Story
from generator.facts.editorial import Change


def feed_path(story: Story) -> str:
    """Where the story's feed lives in the site."""
    return f"{story.slug}/feed.xml"


def corpus_feeds(
    corpus: Corpus, site_url: str, site_name: str, directory_urls: bool = True
) -> dict[str, bytes]:
    """An Atom feed per story, by path, for a site published at ``site_url``."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return {
        feed_path(story): story_feed(story, base, site_name, directory_urls)
        for story in corpus.stories
    }


def story_feed(story: Story, base: str, site_name: str, directory_urls: bool = True) -> bytes:
    """The story's changelog as Atom XML, newest entry first."""
    overview = f"{base}{story.slug}/"
    feed = FeedGenerator()
    feed.id(overview)
    feed.title(story.info.title)
    feed.author({"name": site_name})
    feed.link(href=overview, rel="alternate", type="text/html")
    feed.link(href=base + feed_path(story), rel="self", type="application/atom+xml")
    feed.language(story.info.language)
    if story.info.description:
        feed.subtitle(story.info.description)
    feed.updated(_latest(story))
    changes = f"{overview}changes/" if directory_urls else f"{overview}changes.html"
    for entry_id, change in sorted(_entry_ids(story.facts.changes), key=lambda i: i[1].date):
        entry = feed.add_entry()
        entry.id(f"{overview}#{entry_id}")
        entry.title(f"{change.type.capitalize()}: {change.text}")
        entry.updated(_day(change.date))
        entry.link(href=changes, rel="alternate", type="text/html")
        entry.summary(f"{change.text} Source: {_article_title(story, change)}.")
    return bytes(feed.atom_str(pretty=True))


def _entry_ids(changes: list[Change]) -> list[tuple[str, Change]]:
    """Each change with its id: its date and its number among the changes of that date."""
    seen: dict[str, int] = {}
    found = []
    for change in changes:
        seen[change.date] = seen.get(change.date, 0) + 1
        found.append((f"change-{change.date}-{seen[change.date]}", change))
    return found


def _article_title(story: Story, change: Change) -> str:
    listed = {info.id: info.title for info in story.info.articles}
    return (
        listed.get(change.article) or story.articles_by_id[change.article].title or change.article
    )


def _latest(story: Story) -> datetime:
    dates = [_day(change.date) for change in story.facts.changes]
    dates += [a.published.replace(tzinfo=UTC) for a in story.articles if a.published]
    return max(dates) if dates else datetime(1970, 1, 1, tzinfo=UTC)


def _day(iso: str) -> datetime:
    """A changelog date as midnight UTC (the changelog gives days, not times)."""
    year, month, day = (int(part) for part in iso.split("-"))
    return datetime.combine(datetime(year, month, day).date(), time(0), tzinfo=UTC)
