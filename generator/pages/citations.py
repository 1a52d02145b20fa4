"""Cite once per block: a run of lines that end in the same citations shows them once, last.

A good reference list does not repeat "[1][2]" after every line of a list whose lines all rest
on the same sentences: the run cites them once, at its end. The rule works on a rendered page,
whatever template made it: each line (a paragraph, a list item, an HTML list item) that ends in
exactly the citations of the next written line loses them; blank lines do not break a run,
anything else (a heading, an attribute list, a line with other or no citations) does.
"""

from __future__ import annotations

import re

_CLUSTER = re.compile(
    r"(?P<cluster>(?:\s*<a class=\"cite[^\"]*\"[^>]*>[^<]*</a>)+)\s*(?P<close></li>|</p>)?\s*$"
)


def cite_once_per_block(markdown: str) -> str:
    """``markdown`` with each citation cluster repeated on the next line removed from the first."""
    lines = markdown.split("\n")
    previous: tuple[int, str] | None = None
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _CLUSTER.search(line)
        cluster = match.group("cluster").strip() if match else None
        if previous is not None and cluster is not None and previous[1] == cluster:
            lines[previous[0]] = _without_cluster(lines[previous[0]])
        previous = (index, cluster) if cluster is not None else None
    return "\n".join(lines)


def _without_cluster(line: str) -> str:
    match = _CLUSTER.search(line)
    assert match is not None
    return line[: match.start()] + (match.group("close") or "")
