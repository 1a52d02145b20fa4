"""Article parser: wire text or Markdown with front matter -> paragraphs and sentences with ids.

The wire format is one paragraph per line. Short stray lines (a machine-translated sub-heading
such as ``– honest-``) are kept out of the body and reported; a trailing ``#hashtag`` line gives
the tags and a trailing ``YYYY-MM-DD HH:MM:SS`` line the publication time. Markdown articles carry
``title``, ``published``, ``source``, ``url``, ``language`` and ``tags`` in YAML front matter and
separate paragraphs with blank lines. Sentence ids (``p3s2``: third paragraph, second sentence)
count body paragraphs only, so they are what facts files cite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from generator.diagnostics import Diagnostic, Severity
from generator.reading import mdsource
from generator.reading.frontmatter import ArticleMeta, read_front_matter
from generator.reading.segment import split_sentences

MAX_ARTICLE_BYTES = 1_000_000
"""Largest article accepted; a long feature is about 60 KB."""

_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?")
_LOOKS_LIKE_TIMESTAMP = re.compile(r"\d{2,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T][\d:]+)?")
_HASHTAG_LINE = re.compile(r"#[^\s#]+(\s+#[^\s#]+)*")
_TERMINAL = tuple(".!?\"”’'»):…")
_ARTIFACT_MAX_WORDS = 4
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Sentence:
    """One body sentence, cited by facts as ``<article id>#<sentence id>``."""

    id: str
    text: str
    paragraph: int
    line: int


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: its 1-based number, the source line it starts on, its sentences."""

    number: int
    line: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Artifact:
    """A line that is not part of the body (stray heading, translation residue)."""

    line: int
    text: str


@dataclass(frozen=True)
class Article:
    """A parsed article. ``id`` is its file name without extension."""

    id: str
    path: str
    format: str
    paragraphs: tuple[Paragraph, ...]
    published: datetime | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    artifacts: tuple[Artifact, ...] = ()
    published_line: int = 1
    """Line of the publication time (the timestamp line, or front matter 'published')."""
    _index: dict[str, Sentence] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for paragraph in self.paragraphs:
            for sentence in paragraph.sentences:
                self._index[sentence.id] = sentence

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every body sentence in reading order."""
        return tuple(s for p in self.paragraphs for s in p.sentences)

    def sentence(self, sentence_id: str) -> Sentence | None:
        """The sentence with this id, or None."""
        return self._index.get(sentence_id)


def decode_article(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes -> text: UTF-8 (a byte-order mark is dropped), CRLF and CR become LF."""
    if len(raw) > MAX_ARTICLE_BYTES:
        return None, [
            _error(
                path,
                1,
                "article-too-large",
                f"article is {len(raw):,} bytes; the limit is {MAX_ARTICLE_BYTES:,} bytes. "
                "Is this really one article?",
            )
        ]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        message = "the article is UTF-16 text; save it as UTF-8"
        return None, [_error(path, 1, "article-encoding", message)]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        message = "file contains NUL bytes: it is not text, or not UTF-8; save the article as UTF-8"
        return None, [_error(path, line, "article-binary", message)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Diagnostic(
                path,
                line,
                column,
                "article-encoding",
                f"byte 0x{raw[error.start]:02x} is not valid UTF-8; save the article as UTF-8",
            )
        ]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def parse_article(
    text: str, article_id: str, path: str, now: datetime | None = None
) -> tuple[Article, list[Diagnostic]]:
    """Parse an article's text; return it with every problem found (artifacts are warnings)."""
    if text.startswith("---\n"):
        return _parse_markdown(text, article_id, path, now)
    return _parse_wire(text, article_id, path, now)


def _parse_wire(
    text: str, article_id: str, path: str, now: datetime | None
) -> tuple[Article, list[Diagnostic]]:
    lines = [(number, line.strip()) for number, line in enumerate(text.split("\n"), start=1)]
    lines = [(number, line) for number, line in lines if line]
    diagnostics: list[Diagnostic] = []
    published = None
    published_line = 1
    if lines and _LOOKS_LIKE_TIMESTAMP.fullmatch(lines[-1][1]):
        number, stamp = lines.pop()
        published = _parse_timestamp(stamp, path, number, diagnostics)
        published_line = number
    tags: tuple[str, ...] = ()
    if lines and _HASHTAG_LINE.fullmatch(lines[-1][1]):
        tags = tuple(tag.lstrip("#") for tag in lines.pop()[1].split())
    body: list[tuple[int, str]] = []
    artifacts: list[Artifact] = []
    for number, line in lines:
        if _is_artifact(line):
            artifacts.append(Artifact(number, line))
            diagnostics.append(_artifact_warning(path, number, line))
        else:
            body.append((number, line))
    meta = ArticleMeta(published=published, tags=tags, published_line=published_line)
    return _finish(article_id, path, "wire", body, meta, artifacts, diagnostics, now)


def _is_artifact(line: str) -> bool:
    if not any(character.isalpha() for character in line):
        return True
    return len(line.split()) <= _ARTIFACT_MAX_WORDS and not line.endswith(_TERMINAL)


def _artifact_warning(path: str, number: int, line: str) -> Diagnostic:
    return Diagnostic(
        path,
        number,
        1,
        "article-artifact",
        f"line {_shown(line)} looks like a stray heading or translation artifact; "
        "it is kept out of the body sentences",
        Severity.NOTE,
    )


def _shown(line: str, limit: int = 80) -> str:
    """``line`` quoted for a message, its middle left out if it is long."""
    if len(line) <= limit:
        return repr(line)
    half = limit // 2
    return f"{line[:half]!r} … {line[-half:]!r} ({len(line):,} characters)"


def _parse_timestamp(
    stamp: str, path: str, number: int, diagnostics: list[Diagnostic]
) -> datetime | None:
    if _TIMESTAMP.fullmatch(stamp):
        try:
            return datetime.fromisoformat(stamp)
        except ValueError:
            pass
    diagnostics.append(
        _error(
            path,
            number,
            "article-timestamp",
            f"publication time {stamp!r} is not a real 'YYYY-MM-DD HH:MM:SS' time",
        )
    )
    return None


def _finish(
    article_id: str,
    path: str,
    format_: str,
    body: list[tuple[int, str]],
    meta: ArticleMeta,
    artifacts: list[Artifact],
    diagnostics: list[Diagnostic],
    now: datetime | None,
) -> tuple[Article, list[Diagnostic]]:
    paragraphs = tuple(
        _paragraph(number, line, text) for number, (line, text) in enumerate(body, start=1)
    )
    if not paragraphs:
        diagnostics.append(
            _error(path, 1, "article-empty", "the article has no body text; paste the article in")
        )
    if meta.published is None and not _has_code(diagnostics, "article-timestamp"):
        diagnostics.append(
            _error(
                path,
                max((line for line, _ in body), default=1),
                "article-no-date",
                "no publication time; end the article with a 'YYYY-MM-DD HH:MM:SS' line "
                "(or give 'published' in the front matter)",
            )
        )
    if meta.published is not None and now is not None and meta.published > now:
        diagnostics.append(
            _error(
                path,
                meta.published_line,
                "article-future-date",
                f"publication time {meta.published.isoformat(' ')} is in the future; "
                "check the date",
            )
        )
    article = Article(
        id=article_id,
        path=path,
        format=format_,
        paragraphs=paragraphs,
        published=meta.published,
        title=meta.title,
        source=meta.source,
        url=meta.url,
        language=meta.language,
        tags=meta.tags,
        artifacts=tuple(artifacts),
        published_line=meta.published_line,
    )
    return article, diagnostics


def _paragraph(number: int, line: int, text: str) -> Paragraph:
    text = _CONTROL.sub(" ", text)
    sentences = tuple(
        Sentence(f"p{number}s{index}", sentence, number, line)
        for index, sentence in enumerate(split_sentences(text), start=1)
    )
    return Paragraph(number, line, sentences)


def _has_code(diagnostics: list[Diagnostic], code: str) -> bool:
    return any(d.code == code for d in diagnostics)


def _error(path: str, line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, 1, code, message)


def _parse_markdown(
    text: str, article_id: str, path: str, now: datetime | None
) -> tuple[Article, list[Diagnostic]]:
    closing = text.find("\n---\n", 3)
    if closing < 0 and text.endswith("\n---"):
        closing = len(text) - 4
    if closing < 0:
        return _finish(
            article_id,
            path,
            "markdown",
            [],
            ArticleMeta(),
            [],
            [
                _error(
                    path, 1, "article-front-matter", "front matter opened by '---' is never closed"
                )
            ],
            now,
        )
    header = text[4 : closing + 1]
    meta, diagnostics = read_front_matter(header, path)
    body_start_line = header.count("\n") + 3
    body, artifacts = _markdown_body(text[closing + 5 :], body_start_line)
    return _finish(article_id, path, "markdown", body, meta, artifacts, diagnostics, now)


def _markdown_body(body: str, first_line: int) -> tuple[list[tuple[int, str]], list[Artifact]]:
    """The body's paragraphs as a reader sees them (:mod:`generator.reading.mdsource`); a heading
    that opens a paragraph is an artifact, kept out of the sentences."""
    lines: list[tuple[int, str]] = []
    artifacts: list[Artifact] = []
    opening = True
    for number, raw in enumerate(body.split("\n"), start=first_line):
        line = raw.strip()
        if opening and line.startswith("#") and not _HASHTAG_LINE.fullmatch(line):
            artifacts.append(Artifact(number, line))
            continue
        lines.append((number, line))
        opening = not line
    return mdsource.body_lines(lines), artifacts
