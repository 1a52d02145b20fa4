"""Turning untrusted text into page text that shows exactly that text, and nothing more.

Article sentences and facts are data: a ``<script>``, a ``[link](javascript:…)``, a ``# heading``,
a ``|`` table or a ``{{ jinja }}`` in them must reach the reader as the characters they are. The
page templates are Jinja with autoescaping on, so every value interpolated into a template goes
through :func:`escape` unless it is :class:`Markup` made by one of the page helpers.

One escape serves every place a template writes text: a line of Markdown, an element of finished
HTML, a double-quoted attribute. It is HTML escaping in which every character that Markdown or
the site's Markdown extensions (attr_list, tables, admonition) might read as markup becomes a
numeric character reference. Markdown passes references through and the browser reads them back
as the characters, so the same escaped text is inert in Markdown and right in HTML, and the pages
need no escaping extension to build with MkDocs, ProperDocs or Zensical.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markupsafe import Markup

_MARKUP = "\\`*_[]{}#|~^="
"""Characters that mean something to Markdown or its extensions wherever they stand in a line."""
_REFERENCES = str.maketrans(
    {character: f"&#{ord(character)};" for character in _MARKUP}
    | {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
)
_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
"""Line breaks and other control characters: a line break would end a line of Markdown."""
_LINE_START = re.compile(r"[ \t]|[-+:!]|\d+[.)](?= |$)")
"""What makes a line a list item, a definition, an admonition or indented code when the text
begins a line of the page; its last character becomes a reference wherever the text stands."""


def escape(text: Any) -> Markup:
    """``text`` as page text that shows exactly ``text`` (line breaks become spaces): in a line
    of Markdown, in an element of finished HTML and in a double-quoted attribute."""
    if isinstance(text, Markup):
        return text
    value = continued(text)
    start = _LINE_START.match(value)
    if start:
        end = start.end() - 1
        value = Markup(f"{value[:end]}&#{ord(value[end])};{value[end + 1 :]}")
    return value


def continued(text: Any) -> Markup:
    """:func:`escape` for text that follows other text or an element on its line, where what
    would start a list or a block has no meaning: it stays as it is."""
    return Markup(_BREAKS.sub(" ", str(text)).translate(_REFERENCES))


def html_text(text: Any) -> str:
    """``text`` for a place where MkDocs or Material print it as HTML without escaping.

    Navigation titles and front matter ``title``/``description`` reach the page's ``<title>``,
    header, sidebar and ``<meta>`` tags verbatim (MkDocs' theme Jinja has no autoescaping).
    """
    # Double quotes only: Material's attributes are double-quoted, and ' reads better as is.
    return html.escape(str(text), quote=False).replace('"', "&quot;")
