"""An article run through the NLP pipeline, one spaCy ``Doc`` per paragraph.

Each paragraph's text is its sentences joined by one space, so a character offset in a ``Doc`` maps
back to the sentence id (``p3s2``) the facts file cites.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.reading.article import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class ParagraphDoc:
    """One paragraph's ``Doc`` and where each of its sentences starts."""

    number: int
    doc: Doc
    starts: tuple[int, ...]
    sentence_ids: tuple[str, ...]

    def sentence_at(self, char: int) -> str:
        """Id of the sentence holding the character at ``char``."""
        return self.sentence_ids[max(bisect_right(self.starts, char) - 1, 0)]

    def sentence_of(self, span: Span | Token) -> str:
        """Id of the sentence a span or token starts in."""
        char = span.idx if hasattr(span, "idx") else span.start_char
        return self.sentence_at(char)

    def sentence_text(self, sentence_id: str) -> str:
        """The text of one of this paragraph's sentences."""
        index = self.sentence_ids.index(sentence_id)
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.doc.text)
        return self.doc.text[self.starts[index] : end]


@dataclass(frozen=True)
class AnalysedArticle:
    """An article and its paragraphs' ``Doc`` objects."""

    article: Article
    paragraphs: tuple[ParagraphDoc, ...]


def analyse(article: Article, nlp: Language) -> AnalysedArticle:
    """Run the pipeline over every paragraph of ``article`` in one batch."""
    texts: list[str] = []
    layouts: list[tuple[tuple[int, ...], tuple[str, ...]]] = []
    for paragraph in article.paragraphs:
        starts, offset = [], 0
        for sentence in paragraph.sentences:
            starts.append(offset)
            offset += len(sentence.text) + 1
        texts.append(" ".join(sentence.text for sentence in paragraph.sentences))
        layouts.append((tuple(starts), tuple(s.id for s in paragraph.sentences)))
    docs = nlp.pipe(texts)
    paragraphs = tuple(
        ParagraphDoc(paragraph.number, doc, starts, ids)
        for paragraph, doc, (starts, ids) in zip(article.paragraphs, docs, layouts, strict=True)
    )
    return AnalysedArticle(article, paragraphs)
