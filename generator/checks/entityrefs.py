"""Which entities a cited sentence refers to, and what it says of one person: the
entity-reference rules of the support check.

A cited sentence and an entity id go in; out comes whether the sentence names the entity (by its
name, an alias, a surname or a demonym), refers back to it (a pronoun or a title after it was
named just before, or the head of its name), and which words of the sentence are said of it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.checks.claims import Cited
from generator.checks.words import (
    NameIndex,
    among,
    contains,
    content_words,
    definite_head,
    forms,
    overlaps,
    spans,
    tokens,
)
from generator.facts.schema import Entity, Facts
from generator.reading.article import Article, Sentence

_PRONOUN = re.compile(
    r"\b(?:he|she|they|it|his|her|their|its"
    r"|the\s+(?:statement|readout|spokes(?:man|woman|person)|ministry|department|official"
    r"|minister|president|secretary|agency|office|government|report|source|company))\b",
    re.IGNORECASE,
)
"""A word that refers back to someone named before: a pronoun, or a definite title or
attribution noun ("the statement added", "the ministry said")."""
_LOOK_BACK = 3
"""How many sentences before a pronoun its referent may have been named."""


class EntityReferences:
    """The rules that find an entity in a cited sentence, each answer kept for the next claim."""

    def __init__(self, facts: Facts, articles: Mapping[str, Article]) -> None:
        self.articles = dict(articles)
        self.entities = {entity.id: entity for entity in facts.entities}
        self.names = NameIndex(facts.entities)
        self.sentences = {
            article.id: [s for paragraph in article.paragraphs for s in paragraph.sentences]
            for article in articles.values()
        }
        self._positions = {
            article_id: {sentence.id: index for index, sentence in enumerate(sentences)}
            for article_id, sentences in self.sentences.items()
        }
        self._mentions: dict[tuple[str, str, str], bool] = {}
        self._references: dict[tuple[str, str, str], bool] = {}
        self._in_story: dict[str, bool] = {}
        self._referred: dict[tuple[str, str], frozenset[str]] = {}
        self._entity_form_words: dict[str, tuple[str, ...]] = {}

    def _mentions_entity(self, cited: Cited, entity_id: str) -> bool:
        key = (cited.article.id, cited.sentence.id, entity_id)
        if key not in self._mentions:
            entity = self.entities.get(entity_id)
            text = cited.sentence.text
            self._mentions[key] = entity is not None and any(
                contains(text, form) for form in forms(entity)
            )
        return self._mentions[key]

    def _refers_to(self, cited: Cited, entity_id: str) -> bool:
        """Named in the sentence; or named just before and referred to by a pronoun or a title
        ("he said", "the statement added"); or named in the same article and referred to by the
        head of its name ("the union" for the Valmar Dockers Union) and named in the story."""
        key = (cited.article.id, cited.sentence.id, entity_id)
        if key not in self._references:
            self._references[key] = self._find_reference(cited, entity_id)
        return self._references[key]

    def _find_reference(self, cited: Cited, entity_id: str) -> bool:
        if self._mentions_entity(cited, entity_id):
            return True
        entity = self.entities.get(entity_id)
        if entity is not None and definite_head(cited.sentence.text, entity, qualified=True):
            return True  # "the port authority" for the Valmar port authority
        if entity is not None and definite_head(cited.sentence.text, entity):
            return self._named_in_story(entity_id)
        if not _PRONOUN.search(cited.sentence.text):
            return False
        return any(
            self._mentions_entity(self._at(cited, s), entity_id) for s in self._before(cited)
        )

    def _before(self, cited: Cited) -> list[Sentence]:
        """The sentences before ``cited`` that a pronoun of it may point back to."""
        sentences = self.sentences[cited.article.id]
        return sentences[max(0, cited.index - _LOOK_BACK) : cited.index]

    def referred(self, cited: Cited) -> frozenset[str]:
        """The ids of the entities ``cited`` names or refers to (:meth:`_refers_to`), found
        among those whose names' last words the sentence, or the sentences a pronoun of it
        may point back to, hold: an archive's story may name thousands."""
        key = (cited.article.id, cited.sentence.id)
        if key not in self._referred:
            words = tokens(cited.sentence.text)
            if _PRONOUN.search(cited.sentence.text):
                before = self._before(cited)
                words += [word for sentence in before for word in tokens(sentence.text)]
            self._referred[key] = frozenset(
                entity.id
                for entity in self.names.candidates(words)
                if self._refers_to(cited, entity.id)
            )
        return self._referred[key]

    def _words_of(self, entity: Entity) -> tuple[str, ...]:
        """The words of an entity's names and of its role."""
        if entity.id not in self._entity_form_words:
            self._entity_form_words[entity.id] = tuple(
                word for form in (*forms(entity), entity.role or "") for word in tokens(form)
            )
        return self._entity_form_words[entity.id]

    def _named_in_story(self, entity_id: str) -> bool:
        if entity_id not in self._in_story:
            self._in_story[entity_id] = any(
                self._mentions_entity(Cited("", self.articles[article_id], sentence, -1), entity_id)
                for article_id, story_sentences in self.sentences.items()
                for sentence in story_sentences
            )
        return self._in_story[entity_id]

    @staticmethod
    def _at(cited: Cited, sentence: Sentence) -> Cited:
        return Cited(f"{cited.article.id}#{sentence.id}", cited.article, sentence, -1)

    def _states_role(self, cited: Cited, entity_id: str, role: str) -> bool:
        if not self._refers_to(cited, entity_id):
            return False
        words = self._role_window(cited, entity_id)
        return all(among(word, words) for word in content_words(role))

    def _role_window(self, cited: Cited, entity_id: str) -> list[str]:
        """The words a sentence says of one person: from the end of the person named before
        to the start of the one named after ("Portugal's Prime Minister Luis Montenegro met
        Spanish Foreign Minister Jose Albares": "Prime" is not Albares's). A plural title
        shared by a pair ("Foreign Ministers X and Y") is said of both."""
        words = tokens(cited.sentence.text)
        own = spans(words, self.entities[entity_id])
        if not own:
            return words  # named by a pronoun: the sentence cannot be split
        others = sorted(
            span
            for other in self.names.candidates(words)
            if other.id != entity_id and other.type == "person"
            for span in spans(words, other)
            if not overlaps(span, own[0])
        )
        before = [span for span in others if span[1] <= own[0][0]]
        after = [span for span in others if span[0] >= own[0][1]]
        start = before[-1][1] if before else 0
        end = after[0][0] if after else len(words)
        window = words[start:end]
        text = " ".join(window)
        window += [  # "the general secretary of the union": the union's name is said
            word
            for other in self.names.candidates(words)
            if other.type != "person" and definite_head(text, other)
            and self._refers_to(cited, other.id)
            for word in tokens(other.name)
        ]  # fmt: skip
        if before and words[start : start + 1] and words[start].lower() in ("and", "or"):
            previous_start = before[-2][1] if len(before) > 1 else 0
            shared = words[previous_start : before[-1][0]]
            if any(word.endswith("s") and word[:1].isupper() for word in shared):
                window += shared  # "Foreign Ministers X and Y"
        return window
