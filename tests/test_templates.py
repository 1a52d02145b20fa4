"""The page templates stay readable: no line longer than the code's, so that a template is read
without scrolling sideways (long lines are split with Jinja whitespace control)."""

from __future__ import annotations

from pathlib import Path

from generator.pages.cards import SideOrder, SideQuotes, side_order

TEMPLATES = Path(__file__).resolve().parents[1] / "generator" / "templates"
LONGEST_LINE = 120


def long_lines(text: str, name: str) -> list[str]:
    """``name:line: length`` for each line of ``text`` longer than :data:`LONGEST_LINE`."""
    return [
        f"{name}:{number}: {len(line)}"
        for number, line in enumerate(text.splitlines(), start=1)
        if len(line) > LONGEST_LINE
    ]


def test_no_template_line_is_longer_than_120_characters() -> None:
    found = [
        problem
        for path in sorted(TEMPLATES.glob("*.j2"))
        for problem in long_lines(path.read_text("utf-8"), path.name)
    ]
    assert found == []


def test_a_long_line_would_be_found() -> None:
    text = "short\n" + "x" * (LONGEST_LINE + 1) + "\n" + "y" * LONGEST_LINE + "\n"
    assert long_lines(text, "page.md.j2") == [f"page.md.j2:2: {LONGEST_LINE + 1}"]


def test_the_quotes_page_names_each_other_part_once() -> None:
    sides = [
        SideQuotes(None, (), "party"),
        SideQuotes(None, (), "host and mediator"),
        SideQuotes(None, (), "Host and mediator"),
        SideQuotes(None, ()),
    ]
    assert side_order(sides) == SideOrder(True, ("host and mediator",), True)
    assert side_order(sides[1:3]) == SideOrder(False, ("host and mediator",), True)
