"""The article parser: the shipped wire article, sentence splitting, Markdown, and bad input."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, Severity
from generator.reading import segment
from generator.reading.article import (
    MAX_ARTICLE_BYTES,
    Article,
    Artifact,
    decode_article,
    parse_article,
)
from generator.reading.segment import split_sentences
from generator.reading.storyreader import read_article

SEED_SHOWN = "content/armenia-azerbaijan-talks/articles/000_d5e6e064cd57f212.txt"
ARTIFACT_NOTE = (
    f"{SEED_SHOWN}:7:1: note[article-artifact]: line '– honest-' looks like a stray heading "
    "or translation artifact; it is kept out of the body sentences"
)
NO_DATE = (
    "no publication time; end the article with a 'YYYY-MM-DD HH:MM:SS' line "
    "(or give 'published' in the front matter)"
)


def _read(path: Path, shown: str, now: datetime | None = None) -> tuple[Article, list[str]]:
    article, diagnostics = read_article(path, shown, now)
    assert article is not None
    return article, [str(d) for d in diagnostics]


def _bad(tmp_path: Path, raw: bytes, now: datetime | None = None) -> list[str]:
    """Diagnostics for an article file holding ``raw``, shown as ``articles/bad.txt``."""
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    _, diagnostics = read_article(path, "articles/bad.txt", now)
    return [str(d) for d in diagnostics]


@pytest.fixture
def seed(seed_path: Path) -> tuple[Article, list[Diagnostic]]:
    article, diagnostics = read_article(seed_path, SEED_SHOWN)
    assert article is not None
    return article, diagnostics


# ── The shipped article ──────────────────────────────────────────────────────────────────────


def test_seed_has_eighteen_body_paragraphs(seed: tuple[Article, list[Diagnostic]]) -> None:
    article, _ = seed
    assert article.id == "000_d5e6e064cd57f212"
    assert article.format == "wire"
    assert len(article.paragraphs) == 18
    assert [p.number for p in article.paragraphs] == list(range(1, 19))


def test_seed_artifact_line_is_reported_as_a_note(seed: tuple[Article, list[Diagnostic]]) -> None:
    article, diagnostics = seed
    assert [str(d) for d in diagnostics] == [ARTIFACT_NOTE]
    (note,) = diagnostics
    assert note.code == "article-artifact"
    assert note.severity is Severity.NOTE
    assert (note.line, note.column) == (7, 1)
    assert article.artifacts == (Artifact(7, "– honest-"),)


def test_seed_artifact_is_kept_out_of_sentences(seed: tuple[Article, list[Diagnostic]]) -> None:
    article, _ = seed
    assert not any("honest-" in s.text for s in article.sentences)
    assert 7 not in {p.line for p in article.paragraphs}
    # Paragraph 7 is the line after the artifact.
    assert article.paragraphs[6].line == 8
    assert article.paragraphs[6].sentences[0].text.startswith("A US official")


def test_seed_hashtags_become_tags(seed: tuple[Article, list[Diagnostic]]) -> None:
    article, _ = seed
    assert article.tags == ("Washington", "hosts", "peace", "negotiations", "Armenia", "Azerbaijan")
    assert not any("#" in s.text for s in article.sentences)


def test_seed_timestamp_is_the_publication_time(seed: tuple[Article, list[Diagnostic]]) -> None:
    article, _ = seed
    assert article.published == datetime(2023, 5, 1, 18, 0, 14)
    assert not any("2023-05-01" in s.text for s in article.sentences)


def test_seed_paragraph_three_has_two_sentences(seed: tuple[Article, list[Diagnostic]]) -> None:
    article, _ = seed
    third = article.paragraphs[2]
    assert [s.id for s in third.sentences] == ["p3s1", "p3s2"]
    assert third.sentences[0].text.endswith("cuts in electricity.")
    assert third.sentences[1].text == (
        "A step that Armenia considered a violation of the recent ceasefire between the two sides."
    )


def test_seed_sentence_ids(seed: tuple[Article, list[Diagnostic]]) -> None:
    article, _ = seed
    expected = [f"p{n}s1" for n in range(1, 19)]
    expected.insert(3, "p3s2")
    assert [s.id for s in article.sentences] == expected
    assert article.sentence("p18s1") is not None
    assert article.sentence("p19s1") is None
    assert article.sentence("p3s3") is None


def test_seed_sentences_round_trip(seed: tuple[Article, list[Diagnostic]], seed_path: Path) -> None:
    article, _ = seed
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    for sentence in article.sentences:
        assert sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.text in lines[sentence.line - 1], sentence.id
    for paragraph in article.paragraphs:
        source = lines[paragraph.line - 1].strip()
        joined = " ".join(s.text for s in paragraph.sentences)
        assert joined == source, f"paragraph {paragraph.number} lost or changed text"


def test_seed_sentence_lines_skip_the_artifact(seed: tuple[Article, list[Diagnostic]]) -> None:
    article, _ = seed
    assert [p.line for p in article.paragraphs] == [1, 2, 3, 4, 5, 6, *range(8, 20)]


# ── Sentence splitting ──────────────────────────────────────────────────────────────────────


def test_split_does_not_break_after_us_abbreviation() -> None:
    assert split_sentences("The U.S. delegation arrived on Monday. Talks began later.") == [
        "The U.S. delegation arrived on Monday.",
        "Talks began later.",
    ]


def test_split_does_not_break_after_mr() -> None:
    assert split_sentences("Mr. Blinken met Mr. Aliyev in Washington. They spoke for an hour.") == [
        "Mr. Blinken met Mr. Aliyev in Washington.",
        "They spoke for an hour.",
    ]


def test_split_after_closing_curly_quote() -> None:
    text = "He said the aim was “a just and lasting peace.” Then he left the room."
    assert split_sentences(text) == [
        "He said the aim was “a just and lasting peace.”",
        "Then he left the room.",
    ]


def test_split_after_closing_straight_quote() -> None:
    assert split_sentences('He called the talks "useful." Then he left.') == [
        'He called the talks "useful."',
        "Then he left.",
    ]


def test_split_keeps_a_single_sentence_whole() -> None:
    text = "Blinken, who is also following this file, will meet on Monday."
    assert split_sentences(text) == [text]


def test_split_of_blank_text_is_empty() -> None:
    assert split_sentences("   ") == []


# ── Markdown articles ───────────────────────────────────────────────────────────────────────

MARKDOWN = """\
---
title: Talks open near Washington
published: 2023-05-02 09:30:00
source: Example Wire
url: https://example.org/talks
language: en
tags: [talks, armenia]
---

The talks opened on Monday. Both ministers attended.

A second paragraph
continues on this line.
"""


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "talks-open.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article, diagnostics = _read(path, "articles/talks-open.md")
    assert diagnostics == []
    assert article.id == "talks-open"
    assert article.format == "markdown"
    assert article.title == "Talks open near Washington"
    assert article.published == datetime(2023, 5, 2, 9, 30)
    assert article.source == "Example Wire"
    assert article.url == "https://example.org/talks"
    assert article.language == "en"
    assert article.tags == ("talks", "armenia")


def test_markdown_paragraphs_are_separated_by_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "talks-open.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article, _ = _read(path, "articles/talks-open.md")
    assert [(p.number, p.line) for p in article.paragraphs] == [(1, 10), (2, 12)]
    assert [(s.id, s.text) for s in article.sentences] == [
        ("p1s1", "The talks opened on Monday."),
        ("p1s2", "Both ministers attended."),
        ("p2s1", "A second paragraph continues on this line."),
    ]


def test_markdown_date_only_published(tmp_path: Path) -> None:
    path = tmp_path / "dated.md"
    path.write_text("---\npublished: 2023-05-02\n---\n\nOne sentence here.\n", encoding="utf-8")
    article, diagnostics = _read(path, "articles/dated.md")
    assert diagnostics == []
    assert article.published == datetime(2023, 5, 2)


def test_markdown_unknown_front_matter_key(tmp_path: Path) -> None:
    path = tmp_path / "typo.md"
    path.write_text(
        "---\ntitle: T\npublised: 2023-05-02\n---\n\nBody text here is fine.\n", encoding="utf-8"
    )
    _, diagnostics = _read(path, "articles/typo.md")
    assert diagnostics == [
        "articles/typo.md:3:1: error[unknown-key]: unknown front matter key 'publised' "
        "(did you mean 'published'?); allowed: title, published, source, url, language, tags",
        f"articles/typo.md:6:1: error[article-no-date]: {NO_DATE}",
    ]


# ── Bad articles ────────────────────────────────────────────────────────────────────────────


def test_empty_article(tmp_path: Path) -> None:
    assert _bad(tmp_path, b"") == [
        "articles/bad.txt:1:1: error[article-empty]: the article has no body text; "
        "paste the article in",
        f"articles/bad.txt:1:1: error[article-no-date]: {NO_DATE}",
    ]


def test_blank_article_is_empty(tmp_path: Path) -> None:
    assert _bad(tmp_path, b"\n  \n\t\n") == _bad(tmp_path, b"")


def test_article_with_only_metadata(tmp_path: Path) -> None:
    assert _bad(tmp_path, b"#Washington #talks\n2023-05-01 18:00:14\n") == [
        "articles/bad.txt:1:1: error[article-empty]: the article has no body text; "
        "paste the article in",
    ]


def test_article_without_timestamp(tmp_path: Path) -> None:
    raw = b"The talks opened on Monday in Washington.\nBoth ministers attended the session.\n"
    assert _bad(tmp_path, raw) == [f"articles/bad.txt:2:1: error[article-no-date]: {NO_DATE}"]


def test_article_with_impossible_timestamp(tmp_path: Path) -> None:
    raw = b"The talks opened on Monday in Washington.\n2023-02-30 10:00:00\n"
    assert _bad(tmp_path, raw) == [
        "articles/bad.txt:2:1: error[article-timestamp]: publication time "
        "'2023-02-30 10:00:00' is not a real 'YYYY-MM-DD HH:MM:SS' time",
    ]


def test_article_dated_in_the_future(tmp_path: Path) -> None:
    raw = b"The talks opened on Monday in Washington.\n2030-01-01 00:00:00\n"
    # The diagnostic points at the line that holds the publication time.
    assert _bad(tmp_path, raw, now=datetime(2026, 1, 1)) == [
        "articles/bad.txt:2:1: error[article-future-date]: publication time "
        "2030-01-01 00:00:00 is in the future; check the date",
    ]


def test_seed_read_before_its_publication_time_is_in_the_future(seed_path: Path) -> None:
    _, diagnostics = _read(seed_path, SEED_SHOWN, now=datetime(2023, 5, 1))
    assert diagnostics == [
        ARTIFACT_NOTE,
        f"{SEED_SHOWN}:21:1: error[article-future-date]: publication time "
        "2023-05-01 18:00:14 is in the future; check the date",
    ]


def test_future_date_check_uses_the_given_now(seed_path: Path) -> None:
    _, before = _read(seed_path, SEED_SHOWN, now=datetime(2023, 5, 1, 18, 0, 13))
    _, after = _read(seed_path, SEED_SHOWN, now=datetime(2023, 5, 1, 18, 0, 14))
    assert any("article-future-date" in d for d in before)
    assert after == [ARTIFACT_NOTE]


def test_article_with_invalid_utf8(tmp_path: Path) -> None:
    raw = b"The talks opened.\nCaf\xe9 talk here.\n2023-05-01 18:00:14\n"
    assert _bad(tmp_path, raw) == [
        "articles/bad.txt:2:4: error[article-encoding]: byte 0xe9 is not valid UTF-8; "
        "save the article as UTF-8",
    ]


def test_article_with_nul_bytes(tmp_path: Path) -> None:
    raw = b"The talks opened.\nab\x00cd\n2023-05-01 18:00:14\n"
    assert _bad(tmp_path, raw) == [
        "articles/bad.txt:2:1: error[article-binary]: file contains NUL bytes: it is not text, "
        "or not UTF-8; save the article as UTF-8",
    ]


def test_a_utf16_article_is_told_to_be_saved_as_utf8(tmp_path: Path) -> None:
    raw = "The talks opened.\n2023-05-01 18:00:14\n".encode("utf-16")
    assert _bad(tmp_path, raw) == [
        "articles/bad.txt:1:1: error[article-encoding]: the article is UTF-16 text; "
        "save it as UTF-8",
    ]


def test_a_front_matter_date_that_does_not_exist_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: T\npublished: 2024-02-30 19:30:00\n---\n\nThe talks opened.\n")
    _, diagnostics = read_article(path, "articles/bad.md")
    assert [str(d) for d in diagnostics if d.code == "article-timestamp"] == [
        "articles/bad.md:3:12: error[article-timestamp]: published '2024-02-30 19:30:00': "
        "'2024-02-30' is not a real date: February 2024 has 29 days",
    ]


def test_article_too_large(tmp_path: Path) -> None:
    raw = b"A" * (MAX_ARTICLE_BYTES + 1)
    assert _bad(tmp_path, raw) == [
        "articles/bad.txt:1:1: error[article-too-large]: article is 1,000,001 bytes; "
        "the limit is 1,000,000 bytes. Is this really one article?",
    ]


def test_article_at_the_size_limit_is_decoded() -> None:
    text, diagnostics = decode_article(b"A" * MAX_ARTICLE_BYTES, "articles/big.txt")
    assert diagnostics == []
    assert text is not None
    assert len(text) == MAX_ARTICLE_BYTES


@pytest.mark.parametrize(
    ("name", "transform"),
    [
        ("bom", lambda raw: b"\xef\xbb\xbf" + raw),
        ("crlf", lambda raw: raw.replace(b"\n", b"\r\n")),
        ("bom-crlf", lambda raw: b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")),
        ("cr", lambda raw: raw.replace(b"\n", b"\r")),
    ],
)
def test_bom_and_line_endings_give_the_same_article(
    tmp_path: Path, seed_path: Path, name: str, transform: Callable[[bytes], bytes]
) -> None:
    raw = seed_path.read_bytes()
    changed = transform(raw)
    assert changed != raw
    plain_text, _ = decode_article(raw, "plain.txt")
    text, problems = decode_article(changed, f"{name}.txt")
    assert problems == []
    assert text == plain_text
    path = tmp_path / "000_d5e6e064cd57f212.txt"
    path.write_bytes(changed)
    article, diagnostics = _read(path, SEED_SHOWN)
    original, original_diagnostics = _read(seed_path, SEED_SHOWN)
    assert article.sentences == original.sentences
    assert article.published == original.published
    assert article.tags == original.tags
    assert diagnostics == original_diagnostics


def test_parse_article_reports_without_reading_a_file() -> None:
    article, diagnostics = parse_article(
        "One short paragraph that is long enough.\n2023-05-01 18:00:14\n", "one", "one.txt"
    )
    assert diagnostics == []
    assert [s.id for s in article.sentences] == ["p1s1"]
    assert article.published == datetime(2023, 5, 1, 18, 0, 14)


def test_a_long_artifact_line_is_shown_clipped(tmp_path: Path) -> None:
    junk = "1234567890 -- " * 20_000
    raw = f"Officials met on Monday.\n{junk}\n#talks\n2023-05-01 10:00:00\n".encode()
    notes = [d for d in _bad(tmp_path, raw) if "article-artifact" in d]
    assert len(notes) == 1
    assert len(notes[0]) < 300
    assert f"({len(junk.strip()):,} characters)" in notes[0]


def test_a_very_long_paragraph_is_given_to_pysbd_in_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pySBD's time grows with the square of the text it is given: a paragraph of a megabyte
    took minutes. It now gets windows of bounded size, and every sentence is still found."""
    seen: list[int] = []
    segment_text = segment._Segmenter.segment

    def spy(self: segment._Segmenter, text: str) -> list[str]:
        seen.append(len(text))
        return list(segment_text(self, text))

    monkeypatch.setattr(segment._Segmenter, "segment", spy)
    monkeypatch.setenv("EXPLAINER_WORKERS", "1")  # the spy sees only this process's calls
    # Not from the sentence cache, which an earlier build in this process may have filled.
    monkeypatch.setattr(segment, "_known", {})
    paragraph = " ".join(["The minister, Dr. Smith, said the fire was big."] * 3000)
    sentences = split_sentences(paragraph)
    assert sentences == ["The minister, Dr. Smith, said the fire was big."] * 3000
    assert len(seen) > 10
    assert max(seen) <= segment.WINDOW + 100


def test_a_markdown_article_reads_as_its_words_not_its_markup(tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    path.write_text(
        "---\ntitle: T\npublished: 2024-05-02 10:00:00\n---\n## Breaking\n\n"
        "The bridge would *not* reopen before [June](https://example.org/june-2023), "
        "according to **city officials** & <b>staff</b>.\n\n"
        "- First item.\n- Second item <script>alert(1)</script>here.\n\n"
        '> "We will rebuild," the mayor said.\n\n'
        "1990. That was the year `it` began.\n",
        encoding="utf-8",
    )
    article, _ = read_article(path, "articles/m.md")
    assert article is not None
    assert [(s.id, s.text) for s in article.sentences] == [
        ("p1s1", "The bridge would not reopen before June, according to city officials & staff."),
        ("p2s1", "First item."),
        ("p3s1", "Second item here."),
        ("p4s1", '"We will rebuild," the mayor said.'),
        ("p5s1", "1990."),
        ("p5s2", "That was the year it began."),
    ]
    assert article.artifacts == (Artifact(5, "## Breaking"),)


def test_a_paragraph_opening_with_emphasis_or_code_reads_as_its_words() -> None:
    """Only a bullet or number with a space, a rule, ``#`` or ``>`` opens another block; a
    paragraph that opens with ``*Talks*`` or a code span is read like any other."""
    from generator.reading.mdsource import inline_text

    assert inline_text("*Talks* resumed on Monday.") == "Talks resumed on Monday."
    assert inline_text("`sync` was the word used.") == "sync was the word used."
    assert inline_text("1.5 million people live there.") == "1.5 million people live there."
    assert inline_text("# Breaking") == "# Breaking"
    assert inline_text("- not a list") == "- not a list"
