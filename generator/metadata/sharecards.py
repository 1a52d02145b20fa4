"""Share cards: the preview image a link to the site shows (Open Graph, Twitter cards).

Each story gets ``<story>/card.png`` and the site ``card.png``: 1200×630 pixels, the title, the
day the story was last updated ("As of 4 May 2023") and the site's name, drawn at build time
with Pillow in Noto Sans, which the ``fontpkg-noto-sans`` package ships (OFL 1.1): no system
font, no request. Noto Sans has Latin, Greek, Cyrillic and Vietnamese; a letter of another
script (Armenian, Georgian, Arabic, CJK) shows as an empty box.

A card is drawn only when what it shows changes: each is kept in ``.cache/explainer/cards/``
under the hash of its text, the drawing's version, Pillow's and the font's; a kept file that
Pillow cannot read back whole is drawn again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import importlib.resources
import io
import json
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generator.corpus import Corpus
from generator.pages.storyview import StoryView
from generator.writer import atomic_write

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
DRAWING = "2"
"""The drawing's version: change it when the layout below changes, and every card is redrawn."""
FONT_PACKAGE = "fontpkg_noto_sans"
FONT_FILE = ("files", "NotoSans[wdth,wght].ttf")
BACKGROUND, ACCENT = "#1f2a6b", "#ffb300"
TEXT, MUTED = "#ffffff", "#c5cae9"
TITLE_SIZES = (72, 64, 56, 50, 44)
"""The title's sizes, largest first: the first at which it fits in four lines is used."""


@dataclass(frozen=True)
class ShareCard:
    """What a card shows."""

    title: str
    dated: str
    """The day the story stands as of, as the pages write it ("4 May 2023"), or nothing."""
    site_name: str

    def key(self) -> str:
        """The hash of everything the card's pixels depend on."""
        versions = [importlib.metadata.version(n) for n in ("pillow", "fontpkg-noto-sans")]
        text = json.dumps([DRAWING, *versions, self.title, self.dated, self.site_name])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def card_path(story_slug: str | None) -> str:
    """Where a story's card (or the site's, for ``None``) lives in the site."""
    return f"{story_slug}/card.png" if story_slug else "card.png"


def corpus_cards(corpus: Corpus, site_name: str, cache: Path | None) -> dict[str, bytes]:
    """The site's card and each story's, by their path in the site."""
    views = [StoryView(story) for story in corpus.stories]
    latest = max((v.latest_update() or "" for v in views), default="")
    newest = next((v for v in views if (v.latest_update() or "") == latest), None)
    site = ShareCard(site_name, newest.latest_update_label() if newest else "", site_name)
    cards = {card_path(None): card_png(site, cache)}
    for view in views:
        card = ShareCard(view.story.info.title, view.latest_update_label(), site_name)
        cards[card_path(view.story.slug)] = card_png(card, cache)
    return cards


def card_png(card: ShareCard, cache: Path | None = None) -> bytes:
    """The card as PNG: from ``cache/cards/`` when it was drawn before, else drawn (and kept)."""
    kept = cache / "cards" / f"{card.key()}.png" if cache is not None else None
    if kept is not None:
        with contextlib.suppress(OSError):
            data = kept.read_bytes()
            if _whole(data):
                return data
    data = draw(card)
    if kept is not None:
        with contextlib.suppress(OSError):
            atomic_write(kept, data)
    return data


def _whole(data: bytes) -> bool:
    """Whether ``data`` is a card Pillow reads to the end, every chunk's checksum right."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            size = image.size
            image.verify()
    except Exception:  # Pillow raises many kinds of error on a damaged file
        return False
    return size == (WIDTH, HEIGHT)


def draw(card: ShareCard) -> bytes:
    """The card's pixels as PNG: the site's name, the title and the day, on the site's indigo."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    canvas = ImageDraw.Draw(image)
    canvas.rectangle((0, 0, 16, HEIGHT), fill=ACCENT)
    if card.site_name != card.title:  # the site's own card has its name as the title
        canvas.text((MARGIN, 64), card.site_name, font=_font(34, 600), fill=MUTED)
    size, lines = _fit(card.title)
    title_font = _font(size, 700)
    line_height = round(size * 1.2)
    top = 150 + (4 * round(TITLE_SIZES[0] * 1.2) - len(lines) * line_height) // 2
    for number, line in enumerate(lines):
        canvas.text((MARGIN, top + number * line_height), line, font=title_font, fill=TEXT)
    if card.dated:
        canvas.text((MARGIN, HEIGHT - 110), f"As of {card.dated}", font=_font(36, 500), fill=ACCENT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _fit(title: str) -> tuple[int, list[str]]:
    """The largest title size at which ``title`` fits in four lines, and its lines (the
    smallest size's first five lines, the last cut with an ellipsis, when none does)."""
    width = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        lines = _wrap(title, _font(size, 700), width)
        if len(lines) <= 4:
            return size, lines
    font = _font(TITLE_SIZES[-1], 700)
    lines = _wrap(title, font, width)[:5]
    last = lines[-1]
    while last and font.getlength(last + "…") > width:
        last = last[:-1]
    return TITLE_SIZES[-1], [*lines[:-1], last.rstrip() + "…"]


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """``text`` in lines no wider than ``width``, broken between words (inside a word too
    long for a line)."""
    lines: list[str] = []
    line = ""
    for word in " ".join(text.split()).split(" "):
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while font.getlength(line) > width:
            cut = max(n for n in range(1, len(line) + 1) if font.getlength(line[:n]) <= width)
            lines.append(line[:cut])
            line = line[cut:]
    return [*lines, line] if line else lines


@functools.lru_cache(maxsize=16)
def _font(size: int, weight: int) -> ImageFont.FreeTypeFont:
    """Noto Sans at ``size`` pixels and ``weight`` (100–900), laid out without HarfBuzz, so
    that a card is the same on every machine."""
    font = ImageFont.truetype(io.BytesIO(_font_bytes()), size, layout_engine=ImageFont.Layout.BASIC)
    axes = [axis["name"] for axis in font.get_variation_axes()]
    values = {b"Width": 100, b"Weight": weight, "Width": 100, "Weight": weight}
    font.set_variation_by_axes([values.get(name, 100) for name in axes])
    return font


@functools.cache
def _font_bytes() -> bytes:
    return importlib.resources.files(FONT_PACKAGE).joinpath(*FONT_FILE).read_bytes()
