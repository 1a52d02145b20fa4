"""Quoted words found in a sentence: text in, whether and where it holds the words out.

Curly quotation marks and runs of white space are made plain (:func:`normalise_quote`) before
words are looked for as whole words (:func:`word_matches`), and a match can be asked whether it
lies inside quotation marks (:func:`quoted`): a quote must be the speaker's words, not the
article's.
"""

from __future__ import annotations

import re

_QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‟″«»"} | {c: "'" for c in "‘’‚‛′"})
_SPACE = re.compile(r"\s+")


def normalise_quote(text: str) -> str:
    """Text with curly quotes made straight and runs of white space made one space."""
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS)).strip()


def word_matches(text: str, words: str) -> list[int]:
    """Where ``words`` starts in ``text`` without beginning or ending inside a word."""
    found = []
    start = text.find(words) if words else -1
    while start >= 0:
        end = start + len(words)
        cuts_in = _word_char(text, start - 1) and _word_char(words, 0)
        cuts_out = _word_char(text, end) and _word_char(words, len(words) - 1)
        if not cuts_in and not cuts_out:
            found.append(start)
        start = text.find(words, start + 1)
    return found


def _word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()


def quoted(text: str, start: int, words: str) -> bool:
    """Whether ``words``, found at ``start`` in ``text``, lies inside a quotation: between double
    quotation marks (``text`` has them straight, from :func:`normalise_quote`), or single ones;
    its own opening and closing marks count. A sentence may open inside a quotation an earlier
    one began (``We will sign," he said.``), or end inside one that the next sentence closes."""
    core = words.lstrip("\"'")
    start += len(words) - len(core)
    length = len(core.rstrip("\"'"))
    marks = [i for i, c in enumerate(text) if c == '"']
    inside = bool(marks) and _closes(text, marks[0])
    for index in marks:
        if index >= start:
            break
        inside = not inside
    if inside:
        return True
    end = start + length
    opening = any(
        text[i] == "'" and not _word_char(text, i - 1) and _word_char(text, i + 1)
        for i in range(start)
    )
    closing = any(text[i] == "'" and not _word_char(text, i + 1) for i in range(end, len(text)))
    return opening and closing


def _closes(text: str, index: int) -> bool:
    """Whether the quotation mark at ``index`` ends a quotation: it follows a word or a mark,
    and a space, punctuation or the end follows it."""
    return index > 0 and not text[index - 1].isspace() and not _word_char(text, index + 1)
