"""The story as one JSON-LD document (schema.org): ``explainer export --format jsonld``.

Every node the story's pages carry (:mod:`generator.metadata.structured`): the overview's
``Article``, the articles, entities, events, quotes and source checks, each once. Addresses are
relative to the story's folder, or absolute when the export is given the site's address.
"""

from __future__ import annotations

import json

from generator.corpus import Story
from generator.exports.links import StoryLinks
from generator.metadata.pageaddress import Addresses
from generator.metadata.structured import story_graph


def story_jsonld(story: Story, links: StoryLinks) -> str:
    """The story's JSON-LD, with the links of ``links`` (relative, or under a site address)."""
    folder = f"{story.slug}/"
    site_url = links.base.removesuffix(folder) if links.base.endswith(folder) else None
    addresses = Addresses(site_url=site_url or None, directory_urls=links.directory_urls)
    graph = story_graph(story, addresses)
    return json.dumps(graph, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
