"""A story's data as files for use outside the site: the downloads and ``explainer export``.

One module per format, each a function from a resolved :class:`~generator.corpus.Story` (and
where links lead, :class:`~generator.exports.links.StoryLinks`) to text, the same text for the
same story: keys sorted, items in a fixed order, ``\\n`` line ends.

- ``json`` (:mod:`.factsjson`): the facts, in the shape of the facts schema;
- ``timelinejs`` (:mod:`.timelinejs`): the timeline in Knight Lab TimelineJS's JSON format;
- ``geojson`` (:mod:`.geojson`): the places, as GeoJSON points and routes;
- ``csv`` (:mod:`.quotes`): the quotes, one row each;
- ``jsonld`` (:mod:`.jsonld`): every schema.org node of the story's pages, for ``explainer
  export`` only (the pages carry their own).

The site keeps them in each story's folder (:data:`generator.layout.STORY_DOWNLOADS`), with
links relative to it; the story's sources page links each one.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.corpus import Corpus, Story
from generator.exports.factsjson import facts_json
from generator.exports.geojson import places_geojson
from generator.exports.jsonld import story_jsonld
from generator.exports.links import StoryLinks
from generator.exports.quotes import quotes_csv
from generator.exports.timelinejs import timeline_json
from generator.layout import download_paths

EXPORTERS: dict[str, Callable[[Story, StoryLinks], str]] = {
    "json": lambda story, links: facts_json(story),
    "timelinejs": timeline_json,
    "geojson": places_geojson,
    "csv": quotes_csv,
    "jsonld": story_jsonld,
}
"""Each format's exporter, by its name for ``explainer export --format``."""

_made: dict[tuple[str, bool], tuple[str, dict[str, bytes]]] = {}
"""The last downloads made for each story and page addressing, with the story's fingerprint."""


def export(story: Story, format_name: str, links: StoryLinks | None = None) -> str:
    """The story's data in one format; links relative to the story's folder unless ``links``
    says otherwise."""
    return EXPORTERS[format_name](story, links or StoryLinks(story))


def story_downloads(story: Story, directory_urls: bool = True) -> dict[str, bytes]:
    """The story's downloads by their path in the site, as UTF-8 bytes; made again only when a
    file of the story changed."""
    key = (story.slug, directory_urls)
    made = _made.get(key)
    if made is not None and story.fingerprint and made[0] == story.fingerprint:
        return made[1]
    links = StoryLinks(story, directory_urls=directory_urls)
    files = {
        path: EXPORTERS[format_name](story, links).encode("utf-8")
        for format_name, path in download_paths(story.slug).items()
    }
    _made[key] = (story.fingerprint, files)
    return files


def corpus_downloads(corpus: Corpus, directory_urls: bool = True) -> dict[str, bytes]:
    """Every story's downloads, by their path in the site."""
    return {
        path: data
        for story in corpus.stories
        for path, data in story_downloads(story, directory_urls).items()
    }
