"""Entities that several stories share: the same id in each story's facts.

Ids are slugs of names, and a desk keeps them stable, so an entity with one id in two stories is
one entity; each story's page about it links to the others and to its shared page.
"""

from __future__ import annotations

from generator.corpus import Corpus, Story
from generator.layout import paths_for

SharedEntities = dict[str, list[Story]]


def shared_entities(corpus: Corpus) -> SharedEntities:
    """Entity ids that appear in two or more stories, with those stories in site order."""
    found: SharedEntities = {}
    for story in corpus.stories:
        for entity in story.facts.entities:
            found.setdefault(entity.id, []).append(story)
    return {entity_id: stories for entity_id, stories in found.items() if len(stories) > 1}


def elsewhere(story: Story, shared: SharedEntities) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each of the story's shared entities: (title, entity page path) of the other stories."""
    return {
        entity_id: tuple(
            (other.info.title, paths_for(other)[f"entity:{entity_id}"])
            for other in stories
            if other is not story
        )
        for entity_id, stories in shared.items()
        if story in stories
    }
