"""The text a reader sees in a Markdown article: ``*not*`` is "not", ``[June](https://…)`` is
"June", a list item or a quotation is a paragraph of its own without its bullet or ``>``.

A Markdown article's sentences are cited, quoted and shown like a wire story's, so they must be
the words of the article, not its markup; Python-Markdown reads the inline markup.
"""

from __future__ import annotations

import multiprocessing
import re
from html.parser import HTMLParser

import markdown  # type: ignore[import-untyped]  # no type information installed

from generator.workers import run_all

_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE_MARKER = re.compile(r"(?:>\s?)+")
_BLOCK_START = re.compile(r"[-*+](?=\s)|(?:[-*_] ?){3,}\Z|[#>]|\d{1,9}[.)](?=\s)")
"""What would make Python-Markdown read a line as a block other than a paragraph: a bullet or a
number and a space, a rule, a heading's ``#``, a quotation's ``>``. (``*Talks*``, ```code```
and ``1.5 million`` open a paragraph.)"""


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
    chunks = _chunks(defuse(text))
    # A piece cut at white space starts with it: four spaces would open a code block.
    pieces = [piece.lstrip() for piece, _ in chunks]
    if len(chunks) >= PARALLEL_CHUNKS and multiprocessing.parent_process() is None:
        texts = run_all(_read_inline, pieces)  # about 120 KB or more: no prose
    else:
        texts = [_read_inline(piece) for piece in pieces]
    read = "".join(words + after for words, (_, after) in zip(texts, chunks, strict=True))
    return " ".join(read.split())


def _read_inline(text: str) -> str:
    if _ACTIVE.search(_ESCAPED.sub("", text)) is None:
        # No markup left (what nothing closes is escaped): the text is its words.
        return _ESCAPED.sub(lambda m: _UNESCAPED.get(m.group(0)) or m.group(0)[1], text)
    _converter.reset()
    html = _converter.convert(text)
    if "klzzwxh:" in html:  # Python-Markdown can leave a stashed entity by strong emphasis
        stash = _converter.htmlStash.rawHtmlBlocks
        html = _PLACEHOLDER.sub(lambda m: str(stash[int(m.group(1))]), html)
    reader = _TextOf()
    reader.feed(html)
    reader.close()
    return "".join(reader.parts)


_PLACEHOLDER = re.compile(r"\x02?klzzwxh:(\d+)\x03")
"""Python-Markdown's placeholder for stashed HTML (``markdown.util.HTML_PLACEHOLDER``); its
opening character may be lost next to ``</strong>``."""


_ESCAPED = re.compile(r"\\[\\`*_{}\[\]()>#+\-.!]|&lt;|&#91;|&#40;")
"""What Python-Markdown reads as one character: a backslash escape (a backslash before another
character stays), and the references :func:`defuse` writes."""
_UNESCAPED = {"&lt;": "<", "&#91;": "[", "&#40;": "("}
_ACTIVE = re.compile(r"[`*_\[<&\\]")
"""Characters that may start inline markup, once the escapes are taken out."""

_CHUNK = 2000
PARALLEL_CHUNKS = 32
"""A paragraph of this many pieces or more is read on every core."""
"""Python-Markdown's inline reading takes time quadratic in a paragraph's markup (each match
rebuilds the text): a paragraph longer than this is read in pieces, cut at white space outside
any link, code span or character reference."""


def _chunks(text: str) -> list[tuple[str, str]]:
    """``text`` in pieces of about :data:`_CHUNK` characters, cut at white space where no markup
    is open; a piece that has no such place by twice that length is cut at the last escape,
    punctuation or character reference, or where it stands. Each piece comes with what
    separates it from the next: a space where it was cut at white space, else nothing."""
    if len(text) <= 2 * _CHUNK:
        return [(text, "")]
    pieces: list[tuple[str, str]] = []
    code = _code_spans(text)
    start, depth, index, length = 0, 0, 0, len(text)
    fallback = -1
    while index < length:
        character = text[index]
        if index - start >= 2 * _CHUNK:
            # Nothing real stays open this long: cut at the last safe place, or here.
            cut = fallback if fallback > start else index
            pieces.append((text[start:cut], ""))
            start, fallback, depth = cut, -1, 0
        if index in code:
            index = code[index]
            fallback = index if depth == 0 else fallback
            continue
        if character == "\\":
            index += 2
            fallback = index if depth == 0 else fallback  # between two escapes
            continue
        if character in "[(":
            depth += 1
        elif character in "])" and depth:
            depth -= 1
            fallback = index + 1 if depth == 0 else fallback
        elif depth == 0 and index - start >= _CHUNK:
            if character.isspace():
                pieces.append((text[start:index], " "))
                start, fallback = index, -1
            elif character == "&" or (character not in ";#" and not character.isalnum()):
                fallback = index
        index += 1
    pieces.append((text[start:], ""))
    return pieces


def _escape_number(text: str) -> str:
    """``1. The`` would open a numbered list: ``1\\. The`` is the same words in a paragraph."""
    match = re.match(r"\d+", text)
    assert match is not None
    return text[: match.end()] + "\\" + text[match.end() :]


_converter = markdown.Markdown()
_MAX_NESTING = 8


def defuse(text: str) -> str:
    """``text`` with each ``[``, ``(`` and ``<`` that nothing closes written as a character
    reference (``&#91;``, ``&#40;``, ``&lt;``).

    Python-Markdown looks for the end of a link or a tag from every ``[``, ``(`` and ``<``: on
    text with thousands that are never closed it takes quadratic time (16 KB of ``[`` took a
    minute). Such a character starts no markup, so escaping it changes no word of the text;
    code spans are left as they are (a backslash shows there). Linear time.
    """
    escape: set[int] = set()
    code = _code_spans(text)
    unclosed_tags = _unclosed_tag_openings(text)
    stacks: dict[str, list[int]] = {"[": [], "(": []}
    closers = {"]": "[", ")": "("}
    bracketed: list[tuple[int, int]] = []
    index, length = 0, len(text)
    while index < length:
        character = text[index]
        if index in code:
            index = code[index]
            continue
        if character == "\\":
            index += 2
            continue
        if character in stacks:
            if len(stacks[character]) >= _MAX_NESTING:
                escape.add(index)
            else:
                stacks[character].append(index)
        elif character in closers and stacks[closers[character]]:
            opening = stacks[closers[character]].pop()
            if character == "]" and not stacks["["]:
                bracketed.append((opening, index))
        elif character == "<" and index in unclosed_tags:
            escape.add(index)
        index += 1
    escape.update(stacks["["], stacks["("])
    escape.update(_brackets_of_no_link(text, bracketed, escape))
    if not escape:
        return text
    # A character reference reads the same, and stays one inside what Python-Markdown takes for
    # an HTML tag, where a backslash would show.
    return "".join(_REFERENCE[c] if i in escape else c for i, c in enumerate(text))


_REFERENCE = {"<": "&lt;", "[": "&#91;", "(": "&#40;"}
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]*\]:", re.MULTILINE)
"""A link reference definition, which Python-Markdown reads at the start of a line."""


def _brackets_of_no_link(
    text: str, bracketed: list[tuple[int, int]], escaped: set[int]
) -> list[int]:
    """The opening of each outermost ``[…]`` that no ``(`` or ``[`` follows (one that stays
    open is escaped): without a definition of a reference in the text, it is no link, and
    Python-Markdown would look for one from it, an image's ``![a]`` too."""
    if _DEFINITION.search(text):
        return []
    return [
        opening
        for opening, closing in bracketed
        if closing + 1 >= len(text) or text[closing + 1] not in "([" or closing + 1 in escaped
    ]


_BACKTICKS = markdown.inlinepatterns.BacktickInlineProcessor(markdown.inlinepatterns.BACKTICK_RE)


def _code_spans(text: str) -> dict[int, int]:
    """Where each code span starts and ends, as Python-Markdown finds them (it reads code
    spans before any other inline markup; a backslash before a backtick keeps it literal)."""
    spans: dict[int, int] = {}
    index = 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
        elif text[index] == "`":
            content_start, content_end = _BACKTICKS.find_code_spans(index, text)
            if content_end is None:
                index = content_start
                continue
            fence = content_start - index
            spans[index] = content_end + fence
            index = content_end + fence
        else:
            index += 1
    return spans


def _unclosed_tag_openings(text: str) -> set[int]:
    """Each ``<`` after which another ``<`` comes before any ``>`` (or none comes at all)."""
    found: set[int] = set()
    closed = False
    for index in range(len(text) - 1, -1, -1):
        if text[index] == ">":
            closed = True
        elif text[index] == "<":
            if not closed:
                found.add(index)
            closed = False
    return found


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
