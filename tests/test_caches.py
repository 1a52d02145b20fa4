"""A damaged cache is a cache miss: never a crash, never wrong text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from jinja2.bccache import bc_magic

from generator.pages.templating import _BytecodeCache


@pytest.mark.parametrize("damage", ["truncated", "foreign"])
def test_a_damaged_template_cache_is_compiled_again(tmp_path: Path, damage: str) -> None:
    """A cache file cut inside the checksum after Jinja's header (as a restored CI cache may
    be), or holding another checksum, is compiled again instead of failing the build."""
    (tmp_path / "page.j2").write_text("Updated {{ day }}")
    cache = tmp_path / "cache"

    def render() -> str:
        loader = jinja2.FileSystemLoader(str(tmp_path))
        env = jinja2.Environment(loader=loader, bytecode_cache=_BytecodeCache(cache))
        return env.get_template("page.j2").render(day="4 May 2023")

    assert render() == "Updated 4 May 2023"
    for path in cache.iterdir():
        data = path.read_bytes()
        damaged = data[: len(bc_magic) + 3] if damage == "truncated" else bc_magic + b"\x80junk"
        path.write_bytes(damaged)
    assert render() == "Updated 4 May 2023"


_SENTENCES_OF = """
import json, sys
from pathlib import Path
from generator.reading import segment

text, damaged = sys.argv[1], json.loads(sys.argv[2])
cache = Path(sys.argv[3])
if damaged is not None:
    body = {"version": segment.CACHE_VERSION, "paragraphs": {segment._key(text): damaged}}
    cache.write_text(json.dumps(body))
    segment.load_cache(cache)
print(json.dumps(segment.split_sentences(text)))
"""

PARAGRAPH = 'The U.S. side said: "We are close." Talks resumed on Monday. More may follow.'


def _sentences(text: str, damaged: object, cache: Path) -> list[str]:
    script = [sys.executable, "-c", _SENTENCES_OF, text, json.dumps(damaged), str(cache)]
    run = subprocess.run(script, capture_output=True, text=True, check=True, timeout=60)
    return list(json.loads(run.stdout))


@pytest.mark.parametrize(
    "damaged",
    [
        [[0, 10], [10, 77]],  # in range, tiling, but cut inside a word
        [[0, 36], [40, 77]],  # a gap that drops words
        [[0, 36], [30, 77]],  # overlapping
        [[36, 77], [0, 35]],  # out of order
        [[0, 36]],  # stops short
        [],
    ],
)
def test_wrong_but_in_range_sentence_spans_are_segmented_again(
    tmp_path: Path, damaged: list[list[int]]
) -> None:
    """``sentences.json`` with spans that fit the paragraph but are not its sentences (an
    edited or damaged cache) must not cut sentences: the paragraph is segmented again."""
    assert len(PARAGRAPH) == 77
    clean = _sentences(PARAGRAPH, None, tmp_path / "none.json")
    assert clean == [
        'The U.S. side said: "We are close."',
        "Talks resumed on Monday.",
        "More may follow.",
    ]
    assert _sentences(PARAGRAPH, damaged, tmp_path / "sentences.json") == clean
