"""Extraction quality and speed on the labelled articles of ``tests/extract_corpus/``.

Three sets, side by side:

- **tuned**: the seed article and the five articles the rules were first written against
  (``tests/extract_corpus/*.yml``);
- **dev**: the development set (``dev/``), 57 articles written for the project from public
  reports in other outlets' conventions; rules may be designed from it;
- **test**: the held-out test set (``test/``), written apart from the rules and from the
  development set and frozen (its hash is pinned in ``tests/test_extract.py``). Only its
  aggregate figures are printed: never design a rule from it.

For each: entity precision, recall and F1 (with types), role accuracy, date accuracy,
quote-speaker accuracy (no speaker where the label has none counts as right), speaker precision
(of the speakers given, the share right), and a reliability table (confidence bucket → items,
share right) of the drafted entities and of the quotes given a speaker. Then articles per
second once the model is loaded.

    .venv/bin/python benchmarks/extract_quality.py [--mistakes dev|tuned] [--articles dev]
        [--no-test] [--calibrate]

``--calibrate`` fits the confidence table of :mod:`generator.extract.confidence` on the dev set,
prints it, and prints the reliability of the method cross-validated by article: each article's
items get the confidences of a table fitted on the other articles.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from generator.extract.calibration import cross_validated, fit
from generator.extract.evaluate import Labelled, Score, labelled_articles, score
from generator.extract.extraction import extract
from generator.extract.gazetteer import load_gazetteer
from generator.extract.nlp import load_pipeline

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "extract_corpus"
SETS = {"tuned": CORPUS, "dev": CORPUS / "dev", "test": CORPUS / "test"}
SHOWN = ("tuned", "dev")
"""The sets whose articles and mistakes may be printed: never the test set's."""
ROUNDS = 3
ROWS = (
    ("entity precision", "precision"),
    ("entity recall", "recall"),
    ("entity F1", "f1"),
    ("role accuracy", "role_accuracy"),
    ("date accuracy", "date_accuracy"),
    ("quote-speaker accuracy", "quote_accuracy"),
    ("speaker precision", "speaker_precision"),
)


def main(argv: list[str] | None = None) -> int:
    """Score every set, print the figures side by side, then time extraction."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mistakes", choices=SHOWN, help="list every mismatch of a set")
    parser.add_argument("--articles", choices=SHOWN, help="figures per article of a set")
    parser.add_argument(
        "--no-test", action="store_true", help="leave the test set out (while working on rules)"
    )
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="fit the confidence table on dev; print it and its leave-one-article-out reliability",
    )
    arguments = parser.parse_args(argv)
    sets = {n: f for n, f in SETS.items() if not (arguments.no_test and n == "test")}
    started = time.perf_counter()
    load_pipeline()
    gazetteer = load_gazetteer()
    print(f"model and gazetteer loaded in {time.perf_counter() - started:.2f} s")
    articles = {name: list(labelled_articles(folder)) for name, folder in sets.items()}
    totals, outcomes = {}, []
    for name, labelled in articles.items():
        totals[name] = Score()
        for one in labelled:
            result = score(extract(one.article), one.gold, gazetteer)
            totals[name].add(result)
            if name == "dev":
                outcomes.append(result.outcomes)
            if arguments.articles == name:
                _article_row(one, result)
    counts = "  ".join(f"{name} {len(labelled):>3}" for name, labelled in articles.items())
    print(f"articles: {counts}")
    gap = "dev−test" if "test" in sets else ""
    print(f"{'':26}" + "".join(f"{name:>8}" for name in sets) + f"{gap:>10}")
    for label, attribute in ROWS:
        values = [getattr(totals[name], attribute) for name in sets]
        difference = f"{values[1] - values[2]:+10.2f}" if gap else ""
        print(f"{label:26}" + "".join(f"{v:8.2f}" for v in values) + difference)
    print("reliability (confidence → items, share right):")
    rows = {name: totals[name].reliability() for name in sets}
    for index, (bucket, _, _) in enumerate(rows["dev"]):
        cells = "".join(f"{rows[n][index][1]:>6} {rows[n][index][2]:4.2f}" for n in sets)
        print(f"  {bucket:24}{cells}")
    if arguments.calibrate:
        _calibrate(outcomes)
    if arguments.mistakes:
        for mistake in totals[arguments.mistakes].mistakes:
            print(f"  {mistake}")
    _speed([one for name in SHOWN for one in articles[name]])
    return 0


def _calibrate(articles: list[list[tuple[str, bool]]]) -> None:
    """Print the table fitted on every dev article, then the reliability of the method with each
    article's confidences fitted without it."""
    table = fit(outcome for article in articles for outcome in article)
    counts: dict[str, list[int]] = {}
    for rule, right in (outcome for article in articles for outcome in article):
        counts.setdefault(rule, [0, 0])
        counts[rule][0] += right
        counts[rule][1] += 1
    print("calibration on dev (rule | right | confidence):")
    for rule in sorted(table, key=lambda r: (-table[r], r)):
        right, total = counts.get(rule, [0, 0])
        shown = f"{right}/{total}" if total else "—"
        print(f"  | {rule:44} | {shown:>7} | {table[rule]:.2f} |")
    held_out = Score(confidences=cross_validated(articles))
    print("cross-validated reliability on dev (each article fitted without it):")
    for bucket, items, share in held_out.reliability():
        print(f"  {bucket:24}{items:>6} {share:4.2f}")
    high = [right for value, right in held_out.confidences if value >= 0.8]
    print(f"  confidence ≥ 0.8          {len(high):>6} {sum(high) / max(len(high), 1):4.2f}")


def _article_row(labelled: Labelled, result: Score) -> None:
    figures = " ".join(f"{getattr(result, attribute):5.2f}" for _, attribute in ROWS)
    print(f"  {labelled.name:30} {figures}")


def _speed(articles: list[Labelled]) -> None:
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for labelled in articles:
            extract(labelled.article)
    elapsed = time.perf_counter() - started
    print(
        f"speed: {ROUNDS * len(articles) / elapsed:.1f} articles/s after load "
        f"({ROUNDS * len(articles)} extractions in {elapsed:.2f} s)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
