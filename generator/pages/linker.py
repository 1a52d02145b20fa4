r"""Finding the names of a story's entities and terms in prose, however many it has.

One regular expression of every name (``(?<!\w)(?:name|name|...)(?!\w)``) tries each name at
each position of the text: with the thousands of entities of an archive's story, each page's
prose would cost thousands of comparisons per character. :class:`NameFinder` gives the same
matches (leftmost, then longest, not overlapping, at word boundaries) by looking each word of
the text up among the names that start with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

_WORD = re.compile(r"\w+")


class Found(NamedTuple):
    """A name found in a text: where it starts and ends, and the name."""

    start: int
    end: int
    name: str


class NameFinder:
    """Every name of ``names`` found in a text, as :func:`re.finditer` finds them with an
    alternation of the names, longest first, between ``(?<!\\w)`` and ``(?!\\w)``."""

    def __init__(self, names: Iterable[str]) -> None:
        # By first word: the lengths of the names that start with it (longest first), and
        # the names. A story may have thousands of "Ana ..." to tell apart at one place.
        self._by_first_word: dict[str, tuple[list[int], set[str]]] = {}
        others = []
        for name in sorted(set(names), key=lambda n: (-len(n), n)):
            first = _WORD.match(name)
            if first is None:
                others.append(name)  # starts with a sign: matched by a small expression
                continue
            lengths, same_start = self._by_first_word.setdefault(first.group(0), ([], set()))
            if not lengths or lengths[-1] != len(name):
                lengths.append(len(name))
            same_start.add(name)
        alternatives = "|".join(re.escape(name) for name in others)
        self._others = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if others else None

    def finditer(self, text: str) -> Iterator[Found]:
        """The names in ``text``, left to right, none overlapping."""
        found = [*self._by_words(text), *self._by_signs(text)]
        found.sort(key=lambda f: (f.start, -(f.end - f.start)))
        end = 0
        for match in found:
            if match.start >= end:
                yield match
                end = match.end

    def _by_words(self, text: str) -> Iterator[Found]:
        for word in _WORD.finditer(text):  # each run of word characters starts a word
            candidates = self._by_first_word.get(word.group(0))
            if candidates is None:
                continue
            position = word.start()
            lengths, same_start = candidates
            for length in lengths:
                end = position + length
                if end > len(text) or _is_word_at(text, end):
                    continue
                if text[position:end] in same_start:
                    yield Found(position, end, text[position:end])
                    break

    def _by_signs(self, text: str) -> Iterator[Found]:
        if self._others is not None:
            for match in self._others.finditer(text):
                yield Found(match.start(), match.end(), match.group(0))


def _is_word_at(text: str, position: int) -> bool:
    return position < len(text) and (text[position].isalnum() or text[position] == "_")
