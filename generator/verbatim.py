"""Blocks of finished HTML that a page carries through Markdown untouched.

An article page is mostly its text, one ``<span>`` per sentence, already escaped as HTML by its
template. Markdown would only parse it to hand it back unchanged, and on a large archive that is
a large share of the build. The template marks such a block with ``<!-- explainer:verbatim -->``
and ``<!-- /explainer:verbatim -->``; the MkDocs plugin lifts it out before Markdown
(:func:`lift`) and puts it back after (:func:`restore`). Written to a folder by ``explainer
render`` the same Markdown stays valid: the block is raw HTML between two comments.
"""

from __future__ import annotations

import re

_BLOCK = re.compile(
    r"^<!-- explainer:verbatim -->\n(?P<html>.*?)^<!-- /explainer:verbatim -->$", re.S | re.M
)
_ID = re.compile(r'\bid="([^"]+)"')


def _placeholder(index: int) -> str:
    # Generated text is escaped, so "explainer-verbatim-0" can only come from here.
    return f"explainer-verbatim-{index}"


def lift(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with each verbatim block replaced by a placeholder paragraph; the blocks."""
    blocks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        blocks.append(match.group("html"))
        return _placeholder(len(blocks) - 1)

    return _BLOCK.sub(keep, markdown), blocks


def restore(html: str, blocks: list[str]) -> str:
    """The page's HTML with each placeholder paragraph replaced by its block."""
    for index, block in enumerate(blocks):
        html = html.replace(f"<p>{_placeholder(index)}</p>", block, 1)
    return html


def anchor_ids(blocks: list[str]) -> set[str]:
    """The ``id`` attributes in the blocks: anchors that links may point at."""
    return {found for block in blocks for found in _ID.findall(block)}
