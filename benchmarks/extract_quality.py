"""Extraction quality and speed on the labelled articles in ``tests/extract_corpus/``.

Prints, per article and in total: entity precision/recall/F1, role accuracy, date accuracy,
quote-speaker accuracy, and articles per second once the model is loaded.

    .venv/bin/python benchmarks/extract_quality.py [--mistakes]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from generator.extract.evaluate import Score, labelled_articles, score
from generator.extract.extraction import extract
from generator.extract.gazetteer import load_gazetteer
from generator.extract.nlp import load_pipeline

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "extract_corpus"
ROUNDS = 5


def main() -> None:
    """Score every labelled article, then time extraction over the whole set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mistakes", action="store_true", help="list every mismatch")
    arguments = parser.parse_args()
    started = time.perf_counter()
    load_pipeline()
    gazetteer = load_gazetteer()
    print(f"model and gazetteer loaded in {time.perf_counter() - started:.2f} s")
    articles = list(labelled_articles(CORPUS))
    total, others = Score(), Score()
    print(f"{'article':28} {'P':>5} {'R':>5} {'F1':>5} {'roles':>6} {'dates':>6} {'quotes':>6}")
    for labelled in articles:
        result = score(extract(labelled.article), labelled.gold, gazetteer)
        _row(labelled.name, result)
        total.add(result)
        if labelled.name != "seed":
            others.add(result)
        if arguments.mistakes:
            for mistake in result.mistakes:
                print(f"    {mistake}")
    _row("all but the seed", others)
    _row("total", total)
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for labelled in articles:
            extract(labelled.article)
    elapsed = time.perf_counter() - started
    print(
        f"speed: {ROUNDS * len(articles) / elapsed:.1f} articles/s after load "
        f"({ROUNDS * len(articles)} extractions in {elapsed:.2f} s)"
    )


def _row(name: str, result: Score) -> None:
    print(
        f"{name:28} {result.precision:5.2f} {result.recall:5.2f} {result.f1:5.2f} "
        f"{result.role_accuracy:6.2f} {result.date_accuracy:6.2f} {result.quote_accuracy:6.2f}"
    )


if __name__ == "__main__":
    main()
