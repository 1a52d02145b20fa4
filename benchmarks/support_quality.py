"""How well the support check finds unsupported claims: development and test sets side by side.

Each set (``tests/support_corpus/dev`` and ``…/test``) is a content folder of small stories and a
``labels.yml`` that labels claims, by story and facts-file line, as supported or not, the way a
careful fact-checker would. The test set was written apart from the check's rules and is frozen
(its hash is pinned in ``tests/test_support.py``): never design a rule from it. Claims whose
words are all in the cited sentence but whose meaning is wrong ("semantic:") are counted apart:
a rule about words is not expected to catch them.

Run: ``.venv/bin/python benchmarks/support_quality.py``.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.corpus import load_corpus  # noqa: E402 (after the path is set)

SETS = ("dev", "test")


@dataclass
class Figures:
    """Counts of one set: flagged and labelled unsupported claims, by (story, line)."""

    caught: int = 0
    missed: int = 0
    false_alarms: int = 0
    supported: int = 0
    semantic_caught: int = 0
    semantic: int = 0

    def precision(self) -> float:
        flagged = self.caught + self.false_alarms
        return self.caught / flagged if flagged else 1.0

    def recall(self) -> float:
        wanted = self.caught + self.missed
        return self.caught / wanted if wanted else 1.0


def evaluate(folder: Path) -> tuple[Figures, Counter[str], Counter[str]]:
    """The check's figures on one labelled set, and misses and false alarms by claim kind."""
    labels = yaml.safe_load((folder / "labels.yml").read_text("utf-8"))
    _, diagnostics = load_corpus(folder)
    flagged = {
        (Path(d.path).parent.name, d.line) for d in diagnostics if d.code == "unsupported-claim"
    }
    figures, missed, alarms = Figures(), Counter[str](), Counter[str]()
    for label in labels.get("unsupported") or []:
        key = (label["story"], label["line"])
        if str(label.get("why", "")).startswith("semantic:"):
            figures.semantic += 1
            figures.semantic_caught += key in flagged
            continue
        if key in flagged:
            figures.caught += 1
        else:
            figures.missed += 1
            missed[label["kind"]] += 1
    for label in labels.get("supported") or []:
        figures.supported += 1
        if (label["story"], label["line"]) in flagged:
            figures.false_alarms += 1
            alarms[label["kind"]] += 1
    return figures, missed, alarms


def main() -> int:
    corpus = ROOT / "tests" / "support_corpus"
    rows = []
    for name in SETS:
        if (corpus / name / "labels.yml").is_file():
            rows.append((name, *evaluate(corpus / name)))
    print("set   unsupported caught  missed  false alarms / supported  precision  recall  "
          "semantic caught")  # fmt: skip
    for name, figures, _, _ in rows:
        print(
            f"{name:5} {figures.caught + figures.missed:11} {figures.caught:6} {figures.missed:7}"
            f"  {figures.false_alarms:5} / {figures.supported:<9}      {figures.precision():.2f}"
            f"     {figures.recall():.2f}  {figures.semantic_caught} of {figures.semantic}"
        )
    for name, _, missed, alarms in rows:
        print(f"{name}: missed by kind {dict(missed)}; false alarms by kind {dict(alarms)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
