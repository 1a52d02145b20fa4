"""Sentence segmentation of one paragraph (pySBD's rule set: abbreviations, quotes, numbers)."""

from __future__ import annotations

import functools

import pysbd  # type: ignore[import-untyped]  # pySBD ships no type information


@functools.cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of ``paragraph``, each stripped, together covering all of its text.

    pySBD handles ``U.S.``, ``Mr.``, decimals and closing quotes after the full stop (``.”``).
    Should it ever drop or alter text, the paragraph is kept whole rather than lose a word.
    """
    text = paragraph.strip()
    if not text:
        return []
    try:
        pieces = [piece.strip() for piece in _segmenter().segment(text)]
    except Exception:  # pySBD's regexes are third-party code; never let them crash a build
        return [text]
    pieces = [piece for piece in pieces if piece]
    if "".join(pieces).replace(" ", "") != text.replace(" ", ""):
        return [text]
    return pieces
