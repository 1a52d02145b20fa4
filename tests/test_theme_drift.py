"""The Material partials that ``theme/partials/`` overrides are copies whose only edits are the
plugin's ``{% cache %}`` tags: each must equal the installed Material's own once they are taken
out. A Material release that
changes one of them fails here, naming the lines, instead of changing the site silently."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material
import pytest

THEME = Path(__file__).resolve().parents[1] / "theme" / "partials"
MATERIAL = Path(material.__file__).parent / "templates" / "partials"

_LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)
"""Material's "generated, do not edit" note, or the override's note saying what it changes."""
_CACHE_TAGS = re.compile(r"^[ \t]*\{%-? ?(?:cache\b.*?|endcache ?)-?%\}[ \t]*\n", re.M | re.S)
"""The plugin's ``{% cache %}`` blocks, wrapped around parts that do not depend on the page."""


def _as_material_wrote_it(name: str) -> str:
    text = _CACHE_TAGS.sub("", _LEADING_COMMENT.sub("", (THEME / name).read_text("utf-8")))
    # A cache tag may close on the line of the text it wraps ("{% cache 'top' -%}<button…").
    return re.sub(r"\{%-? ?(?:cache\b[^%]*|endcache ?)-?%\}", "", text)


@pytest.mark.parametrize("name", sorted(p.name for p in THEME.glob("*.html")))
def test_an_overridden_partial_is_materials_own_but_for_its_edits(name: str) -> None:
    upstream = MATERIAL / name
    assert upstream.is_file(), f"Material no longer has partials/{name}: remove the override"
    theirs = _LEADING_COMMENT.sub("", upstream.read_text("utf-8"))
    ours = _as_material_wrote_it(name)
    drift = list(difflib.unified_diff(theirs.splitlines(), ours.splitlines(), lineterm="", n=1))
    assert not drift, (
        f"theme/partials/{name} has drifted from Material {material.__version__}'s; merge "
        "Material's change into the override:\n" + "\n".join(drift)
    )


def test_the_check_finds_a_change_material_makes() -> None:
    """The comparison is not blind: one changed line of Material's shows as drift."""
    theirs = _LEADING_COMMENT.sub("", (MATERIAL / "top.html").read_text("utf-8"))
    changed = theirs.replace('type="button"', 'type="submit"', 1)
    assert changed != theirs
    assert _as_material_wrote_it("top.html") == theirs
    assert _as_material_wrote_it("top.html") != changed
