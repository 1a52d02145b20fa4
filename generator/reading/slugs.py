"""Readable, stable, ASCII, URL-safe ids made from names in any script.

``slug("Արարատ Միրզոյան")`` is ``ararat-mirzoyan``, ``slug("Xankəndi")`` is ``xankendi``. Names are
transliterated with AnyAscii (it knows Armenian, Azerbaijani ``ə``, Cyrillic and most other scripts
letter by letter, so two different names keep different slugs) and then folded by python-slugify.
The same text always gives the same slug: it is a pure function of its input.
"""

from __future__ import annotations

import hashlib
import re

from anyascii import anyascii
from slugify import slugify

MAX_LENGTH = 80
"""Longest slug produced; matches the longest id the facts schema accepts."""

_FALLBACK_PREFIX = "item-"
_APOSTROPHES = re.compile(r"['`]")


def slug(text: str, *, keep_underscores: bool = False) -> str:
    """``text`` as an id of lower-case ASCII letters, digits and single hyphens.

    Path syntax such as ``../`` or ``/`` never survives (``../etc`` → ``etc``). Text with no letter
    or digit in any script gets ``item-`` and a short hash of the text, so it is still stable.
    With ``keep_underscores`` an underscore is kept, as article file names may use one.
    """
    pattern = r"[^-a-z0-9_]+" if keep_underscores else r"[^-a-z0-9]+"
    # Transliterations mark aspiration and soft signs with apostrophes (Փ → P'); like Django's
    # slugify, drop them so they never split a word (Փաշինյան → pashinyan, O'Brien → obrien).
    ascii_text = _APOSTROPHES.sub("", anyascii(text))
    result = slugify(
        ascii_text,
        max_length=MAX_LENGTH,
        word_boundary=True,
        regex_pattern=pattern,
    )
    if keep_underscores:
        # A run of separators with an underscore in it is one underscore: ``a_-b`` → ``a_b``.
        result = re.sub(r"-*_[-_]*", "_", result).strip("_-")
    if result:
        return result
    return _FALLBACK_PREFIX + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def is_slug(text: str, *, keep_underscores: bool = False) -> bool:
    """Whether ``text`` is already its own slug (a valid id as written)."""
    return slug(text, keep_underscores=keep_underscores) == text
