"""The text a reader sees in a Markdown article: ``*not*`` is "not", ``[June](https://…)`` is
"June", a list item or a quotation is a paragraph of its own without its bullet or ``>``.

A Markdown article's sentences are cited, quoted and shown like a wire story's, so they must be
the words of the article, not its markup; Python-Markdown reads the inline markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown  # type: ignore[import-untyped]  # no type information installed

_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE_MARKER = re.compile(r"(?:>\s?)+")
_BLOCK_START = re.compile(r"[-*+#>`]|\d{1,9}[.)]")
"""What would make Python-Markdown read a line as a block other than a paragraph."""


def body_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Paragraphs ``(first line number, text)`` of a Markdown body given as numbered lines with
    blank lines between paragraphs: a list item starts a paragraph, bullets and ``>`` are
    dropped and inline markup is read."""
    paragraphs: list[tuple[int, list[str]]] = []
    fresh = True
    for number, raw in lines:
        line = raw.strip()
        if not line:
            fresh = True
            continue
        line = _QUOTE_MARKER.sub("", line, count=1) if line.startswith(">") else line
        item = _LIST_ITEM.match(line)
        if item is not None:  # a bullet goes; a number stays, as a reader sees it ("2. The")
            line, fresh = (line if line[0].isdigit() else line[item.end() :]), True
        if fresh:
            paragraphs.append((number, []))
            fresh = False
        paragraphs[-1][1].append(line)
    found = [(number, inline_text(" ".join(words))) for number, words in paragraphs]
    return [(number, text) for number, text in found if text]


def inline_text(text: str) -> str:
    """``text`` with its inline Markdown read: emphasis, links, code and HTML give their words."""
    if _BLOCK_START.match(text):
        text = "\\" + text if not text[0].isdigit() else _escape_number(text)
    _converter.reset()
    html = _converter.convert(text)
    reader = _TextOf()
    reader.feed(html)
    reader.close()
    return " ".join("".join(reader.parts).split())


def _escape_number(text: str) -> str:
    """``1. The`` would open a numbered list: ``1\\. The`` is the same words in a paragraph."""
    match = re.match(r"\d+", text)
    assert match is not None
    return text[: match.end()] + "\\" + text[match.end() :]


_converter = markdown.Markdown()


class _TextOf(HTMLParser):
    """The words of HTML: its text, an image's ``alt``; not what a script or style holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self.hidden += 1
        elif tag == "img":
            self.parts.append(dict(attrs).get("alt") or "")
        elif tag == "br":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self.hidden:
            self.hidden -= 1
