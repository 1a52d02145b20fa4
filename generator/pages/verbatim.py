"""Finished HTML that a page carries through Markdown untouched.

Much of a generated page is HTML already: an article's text, one ``<span>`` per sentence; the
story's menu; every link the page helpers write, citations included. Markdown would only parse
it to hand it back unchanged, and on a large archive that is most of the build. Such HTML comes
in two forms:

- a block, between the lines ``<!-- explainer:verbatim -->`` and ``<!-- /explainer:verbatim -->``;
- a link, ``<a …>…</a>`` with text and no element inside, within a line of Markdown. Text that
  a page shows is escaped (:func:`generator.pages.mdtext.escape`), so a ``<`` on a generated
  page always starts an element that a template or a helper wrote.

A block that search leaves out (a page's list of sources, the story's menu) opens with
``<!-- explainer:verbatim late -->``: the plugin puts it back only into the finished page
(:func:`restore_late`, from MkDocs' ``on_post_page``), so that the search plugin, which reads
every page's content to index it, does not read a third of the site's HTML only to leave it out.

The MkDocs plugin lifts both out before Markdown (:func:`lift`) and puts them back after
(:func:`restore`), turning their relative links to ``.md`` files into the built pages' addresses
as MkDocs does for Markdown links. Written to a folder by ``explainer render`` the same Markdown
stays valid: the pieces are raw HTML, their attribute values and text made of characters
that Markdown leaves alone (``mdtext.escape``).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

_BLOCK = re.compile(
    r"^<!-- explainer:verbatim(?P<late> late)? -->\n(?P<html>.*?)^<!-- /explainer:verbatim -->$",
    re.S | re.M,
)
_INLINE = re.compile(r"<a [^>]*>[^<]*</a>")
_ID = re.compile(r'\bid="([^"]+)"')
_LINK = re.compile(r'\bhref="(?P<path>[^":?#]+\.md)(?P<anchor>#[^"]*)?"')

_TOKEN = "explainer" + secrets.token_hex(8)
"""Placeholders are made of letters and digits, which Markdown leaves alone; the random part
keeps any text on the page from being taken for one."""
_BLOCK_PLACEHOLDER = re.compile(rf"<p>{_TOKEN}b(\d+)b</p>")
_LATE_PLACEHOLDER = re.compile(rf"<p>{_TOKEN}l(\d+)l</p>")
_LATE_MARK = re.compile(rf"<!-- {_TOKEN}l(\d+)l -->")
_INLINE_PLACEHOLDER = re.compile(rf"{_TOKEN}i(\d+)i")


def lift(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with each block and link replaced by a placeholder; the pieces."""
    pieces: list[str] = []

    def block(match: re.Match[str]) -> str:
        pieces.append(match.group("html"))
        kind = "l" if match.group("late") else "b"
        # Blank lines around: the placeholder is a paragraph of its own whatever is next to it.
        return f"\n{_TOKEN}{kind}{len(pieces) - 1}{kind}\n"

    def inline(match: re.Match[str]) -> str:
        pieces.append(match.group(0))
        return f"{_TOKEN}i{len(pieces) - 1}i"

    return _INLINE.sub(inline, _BLOCK.sub(block, markdown)), pieces


def restore(html: str, pieces: list[str], link: Callable[[str, str], str] | None = None) -> str:
    """The page's HTML with each placeholder replaced by its piece, a late block's by a comment
    that :func:`restore_late` replaces.

    ``link(path, anchor)`` gives the address of a relative link to a ``.md`` file in a piece
    (``anchor`` is ``""`` or ``"#…"``); without it, links are left as written.
    """
    html = _LATE_PLACEHOLDER.sub(lambda match: f"<!-- {_TOKEN}l{match.group(1)}l -->", html)
    return _restore(html, pieces, link, _INLINE_PLACEHOLDER, _BLOCK_PLACEHOLDER)


def has_late(html: str) -> bool:
    """Whether :func:`restore` left a late block out of ``html``."""
    return _LATE_MARK.search(html) is not None


def restore_late(
    html: str, pieces: list[str], link: Callable[[str, str], str] | None = None
) -> str:
    """The finished page with each late block that :func:`restore` left out put back."""
    return _restore(html, pieces, link, _LATE_MARK)


def _restore(
    html: str,
    pieces: list[str],
    link: Callable[[str, str], str] | None,
    *placeholders: re.Pattern[str],
) -> str:
    finished: dict[str, str] = {}  # a page cites the same sentence many times

    def address(match: re.Match[str]) -> str:
        assert link is not None
        return f'href="{link(match.group("path"), match.group("anchor") or "")}"'

    def piece(match: re.Match[str]) -> str:
        html = pieces[int(match.group(1))]
        if link is None or ".md" not in html:
            return html
        if html not in finished:
            finished[html] = _LINK.sub(address, html)
        return finished[html]

    for placeholder in reversed(placeholders):
        html = placeholder.sub(piece, html)
    return html


def anchor_ids(pieces: list[str]) -> set[str]:
    """The ``id`` attributes in the pieces: anchors that links may point at."""
    return {found for piece in pieces if 'id="' in piece for found in _ID.findall(piece)}


def finish_links(markdown: str, link: Callable[[str, str], str]) -> str:
    """``markdown`` with each relative link to a ``.md`` file in its finished HTML (blocks and
    links) replaced by ``link(path, anchor)``, for an engine that leaves raw HTML alone."""

    def address(match: re.Match[str]) -> str:
        return f'href="{link(match.group("path"), match.group("anchor") or "")}"'

    def block(match: re.Match[str]) -> str:
        start, end = match.span("html")
        whole = match.group(0)
        offset = match.start()
        return (
            whole[: start - offset]
            + _LINK.sub(address, match.group("html"))
            + whole[end - offset :]
        )

    markdown = _BLOCK.sub(block, markdown)
    return _INLINE.sub(lambda match: _LINK.sub(address, match.group(0)), markdown)
