"""Sentence segmentation of one paragraph (pySBD's rule set: abbreviations, quotes, numbers).

pySBD takes about a millisecond per paragraph, which is most of the time a large archive takes
to build. Articles are kept exactly as received, so a paragraph's sentences never change: they
are remembered by the paragraph's hash, in memory and in a small JSON file between processes
(:func:`load_cache`, :func:`save_cache`). The file holds only offsets, is tied to the pySBD
version, and anything odd in it is ignored and computed again.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

import pysbd  # type: ignore[import-untyped]  # pySBD ships no type information

from generator.writer import atomic_write

CACHE_VERSION = f"pysbd {pysbd.__version__}; segment 1"
"""Changes whenever segmentation could give other sentences: a cache of another version is
ignored."""

Spans = list[tuple[int, int]]

_known: dict[str, Spans] = {}
_state = {"changed": False}


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
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    spans = _known.get(key)
    if spans is None or not _fits(spans, text):
        pieces = _segment(text)
        found = _spans_of(pieces, text)
        if found is None:
            return pieces
        spans = _known[key] = found
        _state["changed"] = True
    return [text[start:end] for start, end in spans]


def _segment(text: str) -> list[str]:
    try:
        pieces = [piece.strip() for piece in _segmenter().segment(text)]
    except Exception:  # pySBD's regexes are third-party code; never let them crash a build
        return [text]
    pieces = [piece for piece in pieces if piece]
    if "".join(pieces).replace(" ", "") != text.replace(" ", ""):
        return [text]
    return pieces


def _spans_of(pieces: list[str], text: str) -> Spans | None:
    spans: Spans = []
    position = 0
    for piece in pieces:
        start = text.find(piece, position)
        if start < 0:
            return None
        position = start + len(piece)
        spans.append((start, position))
    return spans


def _fits(spans: Spans, text: str) -> bool:
    return all(0 <= start < end <= len(text) for start, end in spans)


def load_cache(path: Path) -> None:
    """Remember the sentences stored in ``path`` (a missing or foreign file is ignored)."""
    try:
        stored = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(stored, dict) or stored.get("version") != CACHE_VERSION:
        return
    paragraphs = stored.get("paragraphs")
    if isinstance(paragraphs, dict):
        for key, spans in paragraphs.items():
            if _valid(spans):
                _known.setdefault(str(key), [(int(a), int(b)) for a, b in spans])


def _valid(spans: Any) -> bool:
    return isinstance(spans, list) and all(
        isinstance(s, list) and len(s) == 2 and all(type(n) is int for n in s) for s in spans
    )


def save_cache(path: Path) -> None:
    """Store what was segmented since the last save (nothing is written if nothing is new)."""
    if not _state["changed"]:
        return
    body = json.dumps({"version": CACHE_VERSION, "paragraphs": _known}, separators=(",", ":"))
    try:
        atomic_write(path, body.encode("utf-8"))
    except OSError:
        return  # a read-only checkout builds as well, only slower
    _state["changed"] = False
