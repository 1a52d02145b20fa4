"""The search index of a site rebuilt in part (``mkdocs serve --dirty``).

A dirty build puts only the pages whose source changed through the templates, and Material's
search plugin then merges their entries into those of the last build by taking out the old
entries of the first rebuilt page only (all of them, when that page is the home page, whose
address is the start of every other). The index is made here instead from the last build's
index for the pages not built again, and this build's entries for the pages that were.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def page_of(entry: dict[str, Any]) -> str:
    """The address of the page a search entry belongs to (its location without the anchor)."""
    return str(entry.get("location", "")).split("#", 1)[0]


def read_entries(index_file: Path) -> list[dict[str, Any]] | None:
    """The entries of a search index file; None when there is none or it cannot be read."""
    try:
        index = json.loads(index_file.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    docs = index.get("docs") if isinstance(index, dict) else None
    return docs if isinstance(docs, list) else None


def merged(
    previous: Iterable[dict[str, Any]],
    current: Iterable[dict[str, Any]],
    rebuilt: set[str],
    pages: set[str],
) -> list[dict[str, Any]]:
    """The entries of the pages that still exist: from ``current`` for the ``rebuilt`` ones
    (each page's last run of entries there), from ``previous`` for the others."""
    kept = [e for e in previous if page_of(e) in pages and page_of(e) not in rebuilt]
    return kept + _last_runs([e for e in current if page_of(e) in rebuilt])


def _last_runs(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For each page, only its last contiguous run of entries (a page's entries are added
    together, so an earlier run is an earlier build's)."""
    runs: list[tuple[str, list[dict[str, Any]]]] = []
    for entry in entries:
        if runs and runs[-1][0] == page_of(entry):
            runs[-1][1].append(entry)
        else:
            runs.append((page_of(entry), [entry]))
    last = {page: number for number, (page, _) in enumerate(runs)}
    return [e for number, (page, run) in enumerate(runs) if last[page] == number for e in run]


def merge_into(
    index_file: Path, previous: list[dict[str, Any]], rebuilt: set[str], pages: set[str]
) -> bool:
    """Rewrite the search index file with :func:`merged` entries, keeping its configuration;
    False when there is no index to rewrite."""
    try:
        index = json.loads(index_file.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(index, dict) or not isinstance(index.get("docs"), list):
        return False
    index["docs"] = merged(previous, index["docs"], rebuilt, pages)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return True
