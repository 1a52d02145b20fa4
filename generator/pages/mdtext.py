"""Turning untrusted text into Markdown that shows exactly that text, and nothing more.

Article sentences and facts are data: a ``<script>``, a ``[link](javascript:…)``, a ``# heading``,
a ``|`` table or a ``{{ jinja }}`` in them must reach the reader as the characters they are. The
page templates are Jinja with autoescaping on, so every value interpolated into a template goes
through :func:`escape` unless it is :class:`Markup` made by one of the helpers in ``render``.
"""

from __future__ import annotations

import html
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
_ATTRIBUTE_UNSAFE = re.compile(r"[<>&\"{}\[\]*_`\\~^|]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def escape(text: Any) -> Markup:
    """``text`` as inline Markdown that renders to exactly ``text`` (line breaks become spaces)."""
    if isinstance(text, Markup):
        return text
    value = _LINE_BREAKS.sub(" ", str(text))
    return Markup(value.translate(_ESCAPES))


def html_text(text: Any) -> str:
    """``text`` for a place where MkDocs or Material print it as HTML without escaping.

    Navigation titles and front matter ``title``/``description`` reach the page's ``<title>``,
    header, sidebar and ``<meta>`` tags verbatim (MkDocs' theme Jinja has no autoescaping).
    """
    # Double quotes only: Material's attributes are double-quoted, and ' reads better as is.
    return html.escape(str(text), quote=False).replace('"', "&quot;")


def attribute(text: str) -> str:
    """``text`` inside a double-quoted attribute, shown exactly as written: an attr_list's or
    a raw HTML element's in Markdown, or finished HTML (as the text of an element too).

    Inline Markdown runs before attr_list reads its braces, so a ``[x](javascript:…)`` or a
    ``*`` left in the value would become markup and break the attribute list (it then shows as
    text, with a live link in it). Such characters become numeric character references, which
    Markdown passes through and the browser reads back as the character.
    """
    value = _CONTROL.sub(" ", text)
    return _ATTRIBUTE_UNSAFE.sub(lambda match: f"&#{ord(match.group())};", value)


def url(address: str) -> str:
    """An http(s) address safe as a Markdown link destination."""
    return address.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
