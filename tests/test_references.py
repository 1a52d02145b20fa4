"""A page's sources: one numbered marker per claim, and the notes the numbers point to."""

from __future__ import annotations

import re

from generator.facts.fieldtypes import ExternalSource
from generator.pages.references import CitedSentence, PageNotes, with_references
from generator.pages.templating import environment

ARTICLES = {"a1": "Talks open, 1 May 2023", "a2": "Talks end, 4 May 2023"}


class Story:
    """A stand-in for a page of a story with two articles (``a1#p1s1`` …)."""

    def cited_sentence(self, reference: str) -> CitedSentence:
        article, _, sentence = reference.partition("#")
        paragraph = int(sentence[1 : sentence.index("s")])
        text = f"Sentence {sentence} of {article}."
        return CitedSentence(article, sentence, paragraph, text, ARTICLES[article])

    def url(self, role: str, anchor: str = "") -> str:
        return f"sources/{role.removeprefix('article:')}.md" + (f"#{anchor}" if anchor else "")


def _markers(text: str) -> list[tuple[str, str]]:
    """(number, id) of each numbered marker, in reading order."""
    return re.findall(r'href="#ref-(\d+)" id="([^"]+)"', text)


def test_markers_are_numbered_in_reading_order_and_a_repeated_claim_reuses_its_number() -> None:
    notes, story = PageNotes(), Story()
    first = notes.marker(story, ("a2#p3s1",))
    second = notes.marker(story, ("a1#p1s1", "a2#p2s1"))
    again = notes.marker(story, ("a2#p3s1",))
    # The second set is written first on the page: it is note 1.
    text, found = notes.number(f"A. {second}\n\nB. {first}\n\nC. {again}\n")
    assert _markers(text) == [("1", "cite-1"), ("2", "cite-2"), ("2", "cite-2-2")]
    assert [(note.number, note.uses) for note in found] == [(1, 1), (2, 2)]
    assert found[1].back_ids() == ["cite-2", "cite-2-2"]


def test_a_note_groups_its_sentences_by_article_in_the_order_cited() -> None:
    notes, story = PageNotes(), Story()
    marker = notes.marker(story, ("a1#p1s1", "a2#p4s2", "a1#p3s1"))
    _, (note,) = notes.number(marker)
    assert [group.origin for group in note.groups] == [ARTICLES["a1"], ARTICLES["a2"]]
    assert [[c.sentence_id for c, _ in g.sentences] for g in note.groups] == [
        ["p1s1", "p3s1"],
        ["p4s2"],
    ]
    assert note.groups[0].sentences[1][1] == "sources/a1.md#p3s1"


def test_pages_drawing_on_two_stories_share_one_numbering() -> None:
    """A shared entity's page cites from each story: ``p1s1`` of one story is not the other's."""
    notes, one, other = PageNotes(), Story(), Story()
    text, found = notes.number(notes.marker(one, ("a1#p1s1",)) + notes.marker(other, ("a1#p1s1",)))
    assert [number for number, _ in _markers(text)] == ["1", "2"]
    assert len(found) == 2


def test_the_list_of_sources_shows_each_sentence_and_outside_source() -> None:
    notes, story = PageNotes(), Story()
    outside = ExternalSource(
        url="https://example.org/report",
        title="A <report>",
        publisher="Ministry",
        date="2023-04-27",
    )
    page = with_references(
        environment(), "Claim. " + notes.marker(story, ("a1#p2s1", outside)), notes
    )
    assert page.startswith('Claim. <a aria-label="Source note 1" class="cite"')
    listed = page[page.index("## Sources on this page") :]
    assert 'id="ref-1"' in listed and 'href="#cite-1"' in listed
    assert "Sentence p2s1 of a1." in listed and ">Paragraph 2</a>" in listed
    assert "Ministry, 27 April 2023" in listed
    assert "A &lt;report&gt;" in listed and 'href="https://example.org/report"' in listed


def test_outside_sources_of_one_publisher_share_a_heading() -> None:
    notes, story = PageNotes(), Story()
    pages = [
        ExternalSource(url=f"https://example.org/{n}", title=n, publisher="Atlas") for n in "ab"
    ]
    _, (note,) = notes.number(notes.marker(story, tuple(pages)))
    assert [(group.origin, len(group.sources)) for group in note.outside] == [("Atlas", 2)]


def test_a_page_without_citations_gets_no_list() -> None:
    notes = PageNotes()
    assert with_references(environment(), "# Home\n", notes) == "# Home\n"
