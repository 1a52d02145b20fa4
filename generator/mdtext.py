"""Turning untrusted text into Markdown that shows exactly that text, and nothing more.

Article sentences and facts are data: a ``<script>``, a ``[link](javascript:…)``, a ``# heading``,
a ``|`` table or a ``{{ jinja }}`` in them must reach the reader as the characters they are. The
page templates are Jinja with autoescaping on, so every value interpolated into a template goes
through :func:`escape` unless it is :class:`Markup` made by one of the helpers in ``render``.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

# Every ASCII punctuation character is backslash-escaped; pymdownx.escapeall (enabled in
# mkdocs.yml) makes each such escape yield the character itself. &, < and > become entities.
_PUNCTUATION = "!\"#$%'()*+,-./:;=?@[\\]^_`{|}~"
_ESCAPES = str.maketrans(
    {character: "\\" + character for character in _PUNCTUATION}
    | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
)
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def escape(text: Any) -> Markup:
    """``text`` as inline Markdown that renders to exactly ``text`` (line breaks become spaces)."""
    if isinstance(text, Markup):
        return text
    value = _LINE_BREAKS.sub(" ", str(text))
    return Markup(value.translate(_ESCAPES))


def attribute(text: str) -> str:
    """A value safe inside a double-quoted attr_list attribute."""
    return re.sub(r"[\"\\{}<>&\n\r]", " ", text)


def url(address: str) -> str:
    """An http(s) address safe as a Markdown link destination."""
    return address.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
