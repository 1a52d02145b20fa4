"""Fuzz the article parser, the YAML loader and the validator with generated inputs.

Each input is a real seed (the shipped article and facts, the bad-input corpus) mutated at random:
bytes flipped, inserted or deleted, lines duplicated, swapped or cut, YAML and Markdown syntax
and text in other scripts spliced in. For the validator, values are swapped instead (unknown
sentences and ids, impossible dates, reversed ranges) so that most inputs still load. A crash
is any exception other than a reported diagnostic. The run is reproducible from its seed;
crashing inputs are saved for a regression test.

    .venv/bin/python benchmarks/fuzz.py [--inputs 10000] [--seed 1] [--save-crashes DIR]

Prints, per target, how many inputs ran and how many crashed; exits 1 if any crashed.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.checks.validate import validate_story  # noqa: E402
from generator.facts.schema import Facts  # noqa: E402
from generator.reading.article import Article, decode_article, parse_article  # noqa: E402
from generator.reading.loading import load_model  # noqa: E402
from generator.reading.storyfiles import StoryFiles  # noqa: E402
from generator.reading.yamlsafe import YamlError, load_yaml  # noqa: E402

SPLICES = [
    b"\t", b": ", b"- ", b"&a ", b"*a", b"!!python/object ", b"'", b'"', b"[", b"]", b"{", b"}",
    b"#", b"|", b">-", b"---\n", b"...\n", b"? ", b"%YAML 1.2\n", b"\xef\xbb\xbf", b"\r\n",
    b"\x00", b"\xff\xfe", b"\xe9", b"p0s0", b"p99s1", b"2023-02-30", b"0000-00-00", b"9999-12-31",
    "Արարատ Միրզոյան".encode(), "Ceyhun Bayramov ə".encode(), "“quoted”".encode(),
    b"<script>alert(1)</script>", b"{{ config }}", b"[^1]", b"`code`", b"  ", b"\n\n\n",
    b"2023-05-01 18:00:14\n", b"#tag\n", b"id: ", b"sources: []", b"when: {start: 2024, end: 2023}",
]  # fmt: skip


VALUES = [
    b"p1s1", b"p0s0", b"p99s1", b"wire#p1s1", b"nowhere#p1s1", b"2023-02-30", b"2023-05",
    b"1990s", b"2024-01-01", b"{start: 2023-05-04, end: 2023-05-01}", b"[]", b"armenia",
    b"nobody", b"'text with \"quotes\"'", b"true", b"null", b"42", b"early", b"[p1s1, p2s1]",
]  # fmt: skip
"""Values that keep a facts file loadable and send the validator down its other paths."""


def _mutate_values(data: bytes, rng: random.Random) -> bytes:
    """Replace a few values of a YAML file, keeping its structure."""
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 3)):
        index = rng.randrange(len(lines))
        key, separator, _ = lines[index].partition(b": ")
        if separator:
            lines[index] = key + separator + rng.choice(VALUES)
    return b"\n".join(lines)


def _mutate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 8)):
        data = _MUTATIONS[rng.randrange(len(_MUTATIONS))](data, rng)
    return data


def _flip(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    index = rng.randrange(len(data))
    return data[:index] + bytes([rng.randrange(256)]) + data[index + 1 :]


def _splice(data: bytes, rng: random.Random) -> bytes:
    index = rng.randrange(len(data) + 1)
    return data[:index] + rng.choice(SPLICES) + data[index:]


def _cut(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 200) :]


def _lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    if len(lines) < 2:
        return data
    first, second = rng.randrange(len(lines)), rng.randrange(len(lines))
    action = rng.randrange(3)
    if action == 0:
        lines[first], lines[second] = lines[second], lines[first]
    elif action == 1:
        lines.insert(first, lines[second])
    else:
        del lines[first]
    return b"\n".join(lines)


def _indent(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    index = rng.randrange(len(lines))
    lines[index] = rng.choice([b" ", b"  ", b"\t", b""]) + lines[index].lstrip()
    return b"\n".join(lines)


_MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [_flip, _splice, _cut, _lines, _indent]


def _seeds(suffixes: tuple[str, ...]) -> list[bytes]:
    found = [
        path.read_bytes()
        for folder in (ROOT / "content", ROOT / "tests" / "bad_input", ROOT / "tests" / "hostile")
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in suffixes and path.stat().st_size < 200_000
    ]
    return found or [b""]


def _loadable(seeds: list[bytes]) -> list[bytes]:
    """The facts files among ``seeds`` that load: the validator's starting points."""
    text = [seed.decode("utf-8", "replace") for seed in seeds]
    return [s.encode() for s in text if load_model(s, "facts.yml", Facts)[0] is not None]


def _article_of(raw: bytes) -> Article | None:
    text, _ = decode_article(raw, "wire.txt")
    return None if text is None else parse_article(text, "wire", "wire.txt")[0]


def _run_parser(raw: bytes) -> bool:
    return _article_of(raw) is not None


def _run_yaml(raw: bytes) -> bool:
    with contextlib.suppress(YamlError):
        load_yaml(raw.decode("utf-8", "replace"), "facts.yml")
        return True
    return False


def _validator(articles: list[Article]) -> Callable[[bytes], bool]:
    def run(raw: bytes) -> bool:
        facts, document, _ = load_model(raw.decode("utf-8", "replace"), "facts.yml", Facts)
        if facts is None or document is None:
            return False
        story = StoryFiles("story", ROOT, None, facts, document, articles=list(articles))
        validate_story(story)
        return True

    return run


Target = Callable[[bytes], bool]
"""Runs one input; True when it got through to the end (parsed, loaded, validated)."""


def _fuzz(
    run: Target, seeds: list[bytes], count: int, rng: random.Random, *, structured: bool = False
) -> tuple[int, list[tuple[bytes, str]]]:
    crashes: list[tuple[bytes, str]] = []
    accepted = 0
    for _ in range(count):
        seed = rng.choice(seeds)
        data = _mutate_values(seed, rng) if structured else _mutate(seed, rng)
        try:
            accepted += run(data)
        except Exception:  # a crash is exactly what this looks for
            crashes.append((data, traceback.format_exc()))
    return accepted, crashes


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzers; print inputs and crashes per target; 1 if anything crashed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="inputs per target")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save-crashes", type=Path)
    arguments = parser.parse_args(argv)
    rng = random.Random(arguments.seed)
    article_seeds = _seeds((".txt", ".md"))
    yaml_seeds = _seeds((".yml",))
    shipped = [a for a in (_article_of(s) for s in article_seeds[:1]) if a is not None]
    targets: dict[str, tuple[Target, list[bytes]]] = {
        "article parser": (_run_parser, article_seeds),
        "YAML loader": (_run_yaml, yaml_seeds),
        "facts loader + validator": (_validator(shipped), _loadable(yaml_seeds)),
    }
    total_crashes = 0
    for name, (run, seeds) in targets.items():
        started = time.perf_counter()
        structured = name.endswith("validator")
        accepted, crashes = _fuzz(run, seeds, arguments.inputs, rng, structured=structured)
        elapsed = time.perf_counter() - started
        total_crashes += len(crashes)
        print(
            f"{name}: {arguments.inputs} inputs ({accepted} got through, the rest were "
            f"reported as diagnostics), {len(crashes)} crashes, {elapsed:.1f} s"
        )
        for index, (data, trace) in enumerate(crashes[:3]):
            print(trace.rstrip().splitlines()[-1])
            if arguments.save_crashes:
                arguments.save_crashes.mkdir(parents=True, exist_ok=True)
                (arguments.save_crashes / f"{name.split()[0]}-{index}.bin").write_bytes(data)
    print(f"total: {arguments.inputs * len(targets)} inputs, {total_crashes} crashes")
    return 1 if total_crashes else 0


if __name__ == "__main__":
    sys.exit(main())
