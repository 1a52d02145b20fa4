"""Sentence segmentation of one paragraph (pySBD's rule set: abbreviations, quotes, numbers).

pySBD takes about half a millisecond per paragraph, which is most of the time a large archive
takes to build. Two things spare it:

- Most wire paragraphs are one or two plain sentences. A paragraph made only of words, spaces
  and unambiguous punctuation, ending in at most one full stop, question or exclamation mark,
  is one sentence to pySBD too; joined by full stops after ordinary words (not abbreviations),
  such sentences are split there by pySBD too (property tests hold the two to the same answer).
  Those paragraphs are not given to pySBD at all (:func:`plain_sentences`).
- Articles are kept exactly as received, so a paragraph's sentences never change: they are
  remembered by the paragraph's hash, in memory and in a small JSON file between processes
  (:func:`load_cache`, :func:`save_cache`). The file holds only offsets, is tied to the pySBD
  version, and anything odd in it is ignored and computed again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pysbd  # type: ignore[import-untyped]  # pySBD ships no type information
from pysbd.exclamation_words import ExclamationWords  # type: ignore[import-untyped]
from pysbd.lang.english import English  # type: ignore[import-untyped]
from pysbd.utils import TextSpan  # type: ignore[import-untyped]

from generator.workers import run_all
from generator.writer import atomic_write

CACHE_VERSION = f"pysbd {pysbd.__version__}; segment 4"
"""Changes whenever segmentation could give other sentences: a cache of another version is
ignored."""

Spans = list[tuple[int, int]]

_PLAIN_SENTENCE = re.compile(
    r"""(?!["'“‘«])[\w ,;:'"“”‘’–—/%&$€£@#+*=-]*(?<!-)[.!?]?""",
)
"""Words and spaces with punctuation pySBD never splits at; not opening with a quote (pySBD takes
a leading quotation as a sentence of its own) and no full stop, question or exclamation mark,
bracket or ellipsis before the one that may end it."""
_DASH_QUOTE = re.compile(r"""-["'“”‘’]""")
"""pySBD also splits after a dash closed by a quotation mark (``-" The``)."""

_QUOTE = re.compile(r"""["“”‘«»]|(?<![^\W\d_])['’]|['’](?![^\W\d_])""")
"""A quotation mark (an apostrophe inside a word is not one): pySBD keeps a quotation whole."""
_FULL_STOP_BOUNDARY = re.compile(r"(?<=[^\W\d_]{2}\.) (?=[A-Z])")
"""A full stop after a word of two letters or more, a space, a capital: where plain sentences
meet, unless that word is an abbreviation."""
_SENTENCE_BOUNDARY = re.compile(r"(?<=[^\W\d_]{2}[.!?]) (?=[A-Z])")
"""The same after a question or exclamation mark too."""
_EXCLAMATION_WORDS = tuple(
    word[:-1] for word in ExclamationWords.EXCLAMATION_WORDS if word.endswith("!")
)
"""Words that pySBD reads with their exclamation mark (``Yahoo!``), anywhere in a word."""
_ABBREVIATIONS = frozenset(a.strip().lower() for a in English.Abbreviation.ABBREVIATIONS)
_LAST_WORD = re.compile(r"(\S+)[.!?]\Z")

_known: dict[str, Spans] = {}
_state = {"changed": False}


class _Segmenter(pysbd.Segmenter):  # type: ignore[misc]  # pySBD ships no type information
    r"""pySBD's segmenter, finding each sentence again in the text by a literal search.

    pySBD compiles a regular expression per sentence (``re.escape(sentence) + r"\s*"``) for
    this, about a third of its time; the search below gives the same sentences.
    """

    def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
        text: str = self.original_text
        spans: list[TextSpan] = []
        prior_end = 0
        # Where the search for each sentence goes on: a match rejected once (it ends before
        # ``prior_end``, which only grows) is rejected again, so repeated sentences ("Wow!")
        # are not searched for from the start each time.
        resume: dict[str, int] = {}
        for sentence in sentences:
            found = _first_match_after(sentence, text, prior_end, resume.get(sentence, 0))
            if found is None:
                resume[sentence] = len(text) + 1
                continue
            start, prior_end, resume[sentence] = found
            spans.append(TextSpan(text[start:prior_end], start, prior_end))
        return spans


def _first_match_after(
    sentence: str, text: str, prior_end: int, position: int = 0
) -> tuple[int, int, int] | None:
    """Like pySBD: the first of the non-overlapping matches of ``sentence`` followed by any
    whitespace in ``text`` that ends after ``prior_end``, searched for from ``position`` (a
    match boundary); with where the next search goes on."""
    while position <= len(text) and (start := text.find(sentence, position)) >= 0:
        end = start + len(sentence)
        while end < len(text) and text[end].isspace():
            end += 1
        position = end if end > start else start + 1
        if end > prior_end:
            return start, end, position
    return None


@functools.cache
def _segmenter() -> pysbd.Segmenter:
    return _Segmenter(language="en", clean=False, char_span=False)


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of ``paragraph``, each stripped, together covering all of its text.

    pySBD handles ``U.S.``, ``Mr.``, decimals and closing quotes after the full stop (``.”``).
    Should it ever drop or alter text, the paragraph is kept whole rather than lose a word.
    """
    text = paragraph.strip()
    if not text:
        return []
    plain = plain_sentences(text)
    if plain is not None:
        return plain
    key = _key(text)
    spans = _known.get(key)
    if spans is None or not _fits(spans, text):
        pieces = _segment(text)
        found = _spans_of(pieces, text)
        if found is None:
            return pieces
        spans = _known[key] = found
        _state["changed"] = True
    return [text[start:end] for start, end in spans]


def segment_ahead(paragraphs: Iterable[str]) -> None:
    """Segment, on every core, those of ``paragraphs`` that are neither plain nor remembered, so
    that :func:`split_sentences` finds them ready (what an archive's first build spends most of
    its time on). A text that is not in fact a paragraph only costs time."""
    todo: dict[str, str] = {}
    for paragraph in paragraphs:
        text = paragraph.strip()
        if text and plain_sentences(text) is None:
            todo.setdefault(_key(text), text)
    pending = [(key, text) for key, text in todo.items() if key not in _known]
    if len(pending) < AHEAD_MIN:
        return  # not worth starting workers: split_sentences will do these
    chunks = [pending[start : start + AHEAD_CHUNK] for start in range(0, len(pending), AHEAD_CHUNK)]
    for found in run_all(_spans_of_texts, chunks):
        _known.update(found)
        _state["changed"] = _state["changed"] or bool(found)


AHEAD_MIN = 200
"""Fewer paragraphs than this to segment are left to :func:`split_sentences`."""
AHEAD_CHUNK = 100


def _spans_of_texts(texts: list[tuple[str, str]]) -> dict[str, Spans]:
    found: dict[str, Spans] = {}
    for key, text in texts:
        spans = _spans_of(_segment(text), text)
        if spans is not None:
            found[key] = spans
    return found


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def plain_sentences(text: str) -> list[str] | None:
    """The sentences of ``text`` when it is plain sentences joined by full stops, each as
    :func:`is_plain_sentence` has it, with no quotation and no abbreviation before a full stop;
    None when only pySBD can tell. A property test holds this to pySBD's answer."""
    if is_plain_sentence(text):
        return [text]
    if _QUOTE.search(text):
        return None
    pieces = _SENTENCE_BOUNDARY.split(text)
    if len(pieces) < 2 or not all(is_plain_sentence(piece) for piece in pieces):
        return None
    for piece in pieces[:-1]:
        found = _LAST_WORD.search(piece)
        word = found.group(1) if found else ""
        if not _ends_a_sentence(word, piece[-1]):
            return None
    return pieces


def _ends_a_sentence(word: str, mark: str) -> bool:
    """Whether ``mark`` after ``word`` ends a sentence for pySBD (between plain sentences)."""
    if mark == ".":
        return _ordinary_word(word)
    return word.isalpha() and not (mark == "!" and word.endswith(_EXCLAMATION_WORDS))


def _ordinary_word(word: str) -> bool:
    """A word after which a full stop ends a sentence: letters, lower-case at the end, and not
    one of pySBD's abbreviations."""
    return word.isalpha() and word[-1].islower() and word.lower() not in _ABBREVIATIONS


def is_plain_sentence(text: str) -> bool:
    """Whether ``text`` is one sentence on its face: no mark inside it that could end one."""
    return _PLAIN_SENTENCE.fullmatch(text) is not None and _DASH_QUOTE.search(text) is None


WINDOW = 2_000
"""pySBD's time grows with the square of a paragraph's length (each abbreviation it meets is
replaced in the whole text): a longer paragraph is given to it in windows of about this many
characters, cut where pySBD splits too (:func:`_windows`)."""
WINDOW_LIMIT = 3_000
"""A window with no such place before this many characters is cut at the first space after
:data:`UNCUT_WINDOW` characters (pySBD may then split one of its sentences in two, where a
stretch that long without a sentence's end is no prose anyway)."""
UNCUT_WINDOW = 700


def _segment(text: str) -> list[str]:
    windows = _windows(text)
    if len(windows) >= PARALLEL_WINDOWS and multiprocessing.parent_process() is None:
        return [piece for pieces in run_all(_segment_window, windows) for piece in pieces]
    return [piece for window in windows for piece in _segment_window(window)]


PARALLEL_WINDOWS = 32
"""A paragraph of this many windows or more (about 60 KB: no prose) is segmented on every core."""


def _segment_window(text: str) -> list[str]:
    try:
        pieces = [piece.strip() for piece in _segmenter().segment(text)]
    except Exception:  # pySBD's regexes are third-party code; never let them crash a build
        return [text]
    pieces = [piece for piece in pieces if piece]
    if "".join(pieces).replace(" ", "") != text.replace(" ", ""):
        return [text]
    return pieces


def _windows(text: str) -> list[str]:
    """``text`` in pieces of about :data:`WINDOW` characters, each cut at a full stop after an
    ordinary word (not an abbreviation), a space and a capital, outside any quotation: where
    :func:`plain_sentences` splits, and pySBD with it."""
    if len(text) <= WINDOW:
        return [text]
    windows: list[str] = []
    start = 0
    while len(text) - start > WINDOW:
        cut = _cut_after(text, start)
        windows.append(text[start:cut].strip())
        start = cut
    windows.append(text[start:].strip())
    return [window for window in windows if window]


def _cut_after(text: str, start: int) -> int:
    """Where the window that begins at ``start`` ends."""
    region = text[start : start + WINDOW_LIMIT]
    inside = _inside_quotations(region)
    for boundary in _FULL_STOP_BOUNDARY.finditer(region, WINDOW):
        stop = boundary.start() - 1  # the full stop
        if inside[stop]:
            continue
        word = region[region.rfind(" ", 0, stop) + 1 : stop]
        if _ordinary_word(word):
            return start + boundary.end()
    if len(text) - start <= WINDOW_LIMIT:
        return len(text)
    # No place where pySBD splits too: this is no prose. Cut short, at a space, since pySBD's
    # time on a window grows with the square of its length.
    space = region.find(" ", UNCUT_WINDOW)
    return start + space if space > 0 else start + WINDOW_LIMIT


_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'", "[": "]", "(": ")", "«": "»"}
"""The quotation marks and brackets inside which pySBD never ends a sentence."""


def _inside_quotations(region: str) -> bytearray:
    """For each character, whether it lies between an opening mark and the next closing one
    (a quotation, brackets, an aside): more than pySBD's own patterns keep whole, never less.
    Linear time: pySBD's patterns, tried from every opening mark, took quadratic time on text
    with thousands of unclosed ones."""
    length = len(region)
    change = [0] * (length + 1)
    following: dict[str, int] = {}
    last = {mark: region.rfind(mark) for mark in "'’"}
    for index in range(length - 1, -1, -1):
        character = region[index]
        closing = _PAIRS.get(character)
        if closing is not None and closing in following and _opens(region, index):
            # A single quotation may close at any later apostrophe (pySBD's pattern backtracks
            # to one): up to the last is more than it keeps whole, never less.
            end = last[closing] if closing in last else following[closing]
            change[index] += 1
            change[end + 1] -= 1
        if character in _CLOSERS:
            following[character] = index
    hyphens = [m.start() for m in re.finditer("-", region)]
    for number in range(len(hyphens) - 3):  # "-- an aside --": no hyphen in between
        here, after = hyphens[number], hyphens[number + 2]
        if hyphens[number + 1] == here + 1 and hyphens[number + 3] == after + 1:
            change[here] += 1
            change[after + 2] -= 1
    covered, depth = bytearray(length), 0
    for index in range(length):
        depth += change[index]
        covered[index] = depth > 0
    return covered


_CLOSERS = frozenset(_PAIRS.values())


def _opens(region: str, index: int) -> bool:
    """A single quotation mark opens only after a space (else it is an apostrophe)."""
    return region[index] not in "'‘" or index == 0 or region[index - 1].isspace()


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


_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u2019\u201d\u00bb)\]*]*\s*\Z")


def _fits(spans: Spans, text: str) -> bool:
    """Whether remembered ``spans`` are sentences of ``text``: together they cover all of it,
    in order, with only spaces between, and each but the last ends as a sentence ends. Spans
    from a damaged or edited cache fail this and the paragraph is segmented again."""
    position = 0
    for number, (start, end) in enumerate(spans, 1):
        if not position <= start < end <= len(text) or text[position:start].strip():
            return False
        if text[start].isspace() or (
            number < len(spans) and not _SENTENCE_END.search(text[start:end])
        ):
            return False
        position = end
    return bool(spans) and not text[position:].strip()


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
