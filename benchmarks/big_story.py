"""One story with very many entities: ``python benchmarks/big_story.py [--entities 25000]``.

Writes a valid story whose facts name ``--entities`` people, each introduced by a sentence of
one of its articles (500 entities an article), in a facts file of compact YAML under the 2 MB
limit,, and prints the time to load and check it
(parse, validate, support check) and to render its pages, each in a fresh process, with the
number of pages made. The target: 25,000 entities render in under 10 s.

Figures, not assertions. Each stage's time is printed beside the time of a fixed loop of
Python on this machine just before it, so that runs on a busy machine can be told apart.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PER_ARTICLE = 500
FIRST = (
    "Ana", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana", "Karim",
    "Lena", "Marta", "Nadia", "Omar", "Pavel", "Rosa", "Sami", "Tomas", "Vera",
)  # fmt: skip
SYLLABLES = (
    "ba", "ko", "ri", "ten", "mo", "sal", "vi", "dor", "lu", "nek", "fa", "gri", "zo", "pel",
    "ha", "tur", "mi", "san", "ke", "vol", "da", "rin", "so", "bek",
)  # fmt: skip

_STAGE = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
start = time.perf_counter()
from generator.corpus import load_corpus
from generator.pages.reference import reference_page
from generator.pages.site import render_site
corpus, diagnostics = load_corpus(Path(sys.argv[2]))
loaded = time.perf_counter()
assert corpus is not None, [str(d) for d in diagnostics[:5]]
pages = render_site(corpus, reference_page())
rendered = time.perf_counter()
print(json.dumps({"load": loaded - start, "render": rendered - loaded, "pages": len(pages)}))
"""


def _name(number: int) -> str:
    """A distinct name for each number: a first name and a surname of three syllables."""
    first = FIRST[number % len(FIRST)]
    rest = number // len(FIRST)
    syllables = []
    for _ in range(3):
        rest, index = divmod(rest, len(SYLLABLES))
        syllables.append(SYLLABLES[index])
    return f"{first} {''.join(syllables).capitalize()}"


def write_story(content: Path, entities: int) -> None:
    """A story folder ``big`` under ``content`` with ``entities`` people."""
    story = content / "big"
    (story / "articles").mkdir(parents=True)
    articles = (entities + PER_ARTICLE - 1) // PER_ARTICLE
    listed = []
    entries: list[str] = []
    for article in range(articles):
        article_id = f"a{article:03d}"
        listed.append({"id": article_id, "source": "Synthetic wire"})
        lines = []
        numbers = range(article * PER_ARTICLE, min(entities, (article + 1) * PER_ARTICLE))
        for paragraph, number in enumerate(numbers, 1):
            lines.append(f"{_name(number)} attended the meeting as an adviser.")
            entries.append(
                f"- {{id: p{number}, type: person, name: {_name(number)}, "
                f"sources: [{article_id}#p{paragraph}s1]}}"
            )
        lines.append("#Synthetic\n2023-05-01 10:00:00")
        (story / "articles" / f"{article_id}.txt").write_text("\n".join(lines) + "\n")
    summary = f"summary:\n- {{text: {_name(0)} attended the meeting., sources: [a000#p1s1]}}\n"
    facts = summary + "entities:\n" + "\n".join(entries) + "\n"
    story_info = {"title": "A very large story", "articles": listed}
    (story / "story.yml").write_text(json.dumps(story_info, indent=1))
    (story / "facts.yml").write_text(facts)


def _machine_speed() -> float:
    start = time.perf_counter()
    total = 0
    for number in range(2_000_000):
        total += number % 7
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=25_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        write_story(content, arguments.entities)
        for label in ("no cache", "cache"):
            speed = _machine_speed()
            command = [sys.executable, "-c", _STAGE, str(ROOT), str(content)]
            run = subprocess.run(command, capture_output=True, text=True)
            if run.returncode != 0:
                print(run.stderr[-2000:], file=sys.stderr)
                return 1
            figures = json.loads(run.stdout)
            print(
                f"{arguments.entities:,} entities ({label}): "
                f"load and check {figures['load']:.1f} s, "
                f"render {figures['render']:.1f} s, {figures['pages']:,} pages "
                f"(machine loop {speed:.2f} s)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
