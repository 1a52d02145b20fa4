"""Names found in prose: the same matches as one regular expression of every name."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pages.linker import NameFinder

# Names and texts from a small alphabet, so that names overlap, nest and touch word characters.
PIECE = st.sampled_from(
    ["Ara", "Arat", "Ararat", "Mirzoyan", "US", "U.S.", "-", " ", "'s", "_", "(", "é", "1"]
)
NAME = st.lists(PIECE, min_size=1, max_size=4).map("".join).filter(lambda n: len(n) >= 3)
TEXT = st.lists(PIECE, max_size=30).map("".join)


def _by_regex(names: list[str], text: str) -> list[tuple[int, int, str]]:
    """What the renderer did before: one alternation, longest names first."""
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=lambda n: (-len(n), n)))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


@settings(deadline=None, max_examples=400)
@given(st.lists(NAME, min_size=1, max_size=8), TEXT)
def test_names_are_found_as_the_regular_expression_finds_them(names: list[str], text: str) -> None:
    found = [tuple(match) for match in NameFinder(names).finditer(text)]
    assert found == _by_regex(names, text)


def test_the_longest_name_at_a_place_wins_and_words_are_whole() -> None:
    finder = NameFinder(["Ararat", "Ararat Mirzoyan", "Mirzoyan", "(the talks)"])
    text = "Ararat Mirzoyan met Mirzoyanov (the talks) and Ararat's aide."
    assert [match.name for match in finder.finditer(text)] == [
        "Ararat Mirzoyan",
        "(the talks)",
        "Ararat",
    ]
