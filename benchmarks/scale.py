"""How the site scales: ``make bench-scale``.

Writes a synthetic corpus (``benchmarks/synthetic.py``: N stories × M articles with entities,
events, quotes, citations and a changelog, all valid) into a temporary copy of the project and
prints, for N × M = 1,000 articles by default:

- generation (parse, validate, render) in a fresh process, first with no cache at all, then with
  the ``.cache/explainer`` a previous run leaves (sentences, compiled templates), each the median
  of ``--repeat`` runs; wall time, CPU time of all processes (stories render in a worker per
  core) and articles per second;
- the full ``mkdocs build``: wall and CPU time, pages built, peak memory of the build process;
  built ``--repeat`` times (3 by default), each run printed with the machine's speed just
  before it, then the median;
- the generator's share of that build;
- plain Material building the same pages without the plugin (``explainer render --out``, then
  ``mkdocs build``), and the plugin's build as a share of its time;
- regeneration after one facts file changes (what ``mkdocs serve`` does after a save);
- the curve: ``mkdocs build`` time at about 100, 300 and 1,000 pages;
- the machine's speed before and after, as the time of a fixed loop of Python: a shared virtual
  machine runs at different speeds from one minute to the next, and this tells the runs apart.

Figures, not assertions. Wall time depends on what else the machine runs; CPU time less so.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from synthetic import write_corpus  # noqa: E402

CURVE = ((2, 30), (5, 40), (15, 50))
"""(stories, articles per story) of about 100, 300 and 1,000 pages."""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.org/explainers/"}


def make_project(target: Path, stories: int, articles: int) -> Path:
    """A copy of mkdocs.yml, theme/ and the hand-written pages, with a synthetic corpus."""
    target.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", target / "theme")
    write_corpus(target, stories, articles)
    shutil.copytree(ROOT / "content" / "pages", target / "content" / "pages")
    return target


def measure(command: list[str], cwd: Path) -> dict[str, float]:
    """Run ``command`` in a child process: wall and CPU seconds, peak memory in MB."""
    report = subprocess.run(
        [sys.executable, __file__, "--measure", "--", *command],
        cwd=cwd,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(report.stdout.splitlines()[-1])
    return result


def _measure_here(command: list[str]) -> None:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=ENV, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = usage.ru_maxrss / 1024
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": peak}))


def _generate_here(content: Path) -> None:
    from generator.pipeline import SiteAddress, build

    start, cpu = time.perf_counter(), _cpu_of_all()
    result = build(content, site=SiteAddress("https://example.org/explainers/"))
    seconds, cpu = time.perf_counter() - start, _cpu_of_all() - cpu
    assert result.pages is not None, [str(d) for d in result.diagnostics[:5]]
    print(json.dumps({"seconds": seconds, "cpu": cpu, "pages": len(result.pages)}))


def _cpu_of_all() -> float:
    """CPU seconds of this process and of the workers it has waited for."""
    own, workers = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def generation(project: Path, *, cache: bool, repeat: int = 1) -> dict[str, float]:
    """Generation in a fresh process (imports excluded), with or without the cache a previous
    run left: the run of median wall time out of ``repeat``."""
    runs = []
    for _ in range(repeat):
        if not cache:
            shutil.rmtree(project / ".cache", ignore_errors=True)
        report = subprocess.run(
            [sys.executable, __file__, "--generate", str(project / "content")],
            env=ENV,
            check=True,
            capture_output=True,
            text=True,
        )
        runs.append(json.loads(report.stdout.splitlines()[-1]))
    median: dict[str, float] = sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]
    return median


def incremental(project: Path, repeats: int = 5) -> tuple[float, float]:
    """Median wall and CPU seconds to regenerate after one facts file changes, warm process."""
    from generator.pipeline import SiteAddress, build

    site = SiteAddress("https://example.org/explainers/")
    content = project / "content"
    build(content, site=site)
    facts = next(content.glob("*/facts.yml"))
    walls, cpus = [], []
    for index in range(repeats):
        facts.write_text(facts.read_text("utf-8") + f"\n# edit {index}\n", "utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        build(content, site=site)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return sorted(walls)[len(walls) // 2], sorted(cpus)[len(cpus) // 2]


def mkdocs_build(
    project: Path, repeat: int = 1, config: str = "mkdocs.yml"
) -> tuple[dict[str, float], int]:
    """The full ``mkdocs build`` (median of ``repeat`` runs), and the number of pages it wrote."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", config]
    runs = []
    for _ in range(repeat):
        speed = _machine_speed()
        runs.append({**measure(command, project), "speed": speed})
    if repeat > 1:
        each = (
            f"{run['wall']:.2f} s wall / {run['cpu']:.2f} s CPU (loop {run['speed']:.2f} s)"
            for run in runs
        )
        print("  runs: " + ", ".join(each))
    figures = {key: _median([r[key] for r in runs]) for key in runs[0] if key != "speed"}
    site = (project / config).parent / "site"
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    return figures, len(pages)


def plain_material(project: Path, repeat: int) -> tuple[dict[str, float], int]:
    """``mkdocs build`` of the same pages without the plugin: the project that ``explainer
    render --out`` writes, built by MkDocs and Material alone."""
    subprocess.run(
        [sys.executable, "-m", "generator", "render", "content", "--out", "plain"],
        cwd=project,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return mkdocs_build(project, repeat, "plain/mkdocs.yml")


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def main(argv: list[str] | None = None) -> int:
    """Build the corpora and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--articles", type=int, default=50, help="articles per story")
    parser.add_argument("--no-curve", action="store_true", help="skip the 100/300/1,000 curve")
    parser.add_argument(
        "--repeat", type=int, default=3, help="full builds to take the median of (default 3)"
    )
    arguments = parser.parse_args(argv)
    print(f"machine speed: {_machine_speed():.2f} s for {LOOP:,} steps of a Python loop")
    with tempfile.TemporaryDirectory() as folder:
        _report(Path(folder), arguments.stories, arguments.articles, arguments.repeat)
        if not arguments.no_curve:
            _curve(Path(folder))
    print(f"machine speed afterwards: {_machine_speed():.2f} s for the same loop")
    return 0


LOOP = 10_000_000


def _machine_speed() -> float:
    """Seconds for a fixed loop of Python on one core (lower is faster)."""
    start, total = time.perf_counter(), 0
    for step in range(LOOP):
        total += step
    return time.perf_counter() - start


def _report(folder: Path, stories: int, articles: int, repeat: int) -> None:
    project = make_project(folder / "main", stories, articles)
    total = stories * articles
    print(f"corpus: {stories} stories × {articles} articles = {total} articles")
    cold = generation(project, cache=False, repeat=repeat)
    warm = generation(project, cache=True, repeat=repeat)
    print(f"generation: {_workers()} worker process(es) render the stories")
    print(
        f"generation, fresh process, no cache: {cold['seconds']:.2f} s wall "
        f"({total / cold['seconds']:.0f} articles/s), {cold['cpu']:.2f} s CPU, "
        f"{cold['pages']:.0f} pages"
    )
    print(
        f"generation, fresh process, with the previous run's cache: {warm['seconds']:.2f} s wall "
        f"({total / warm['seconds']:.0f} articles/s), {warm['cpu']:.2f} s CPU"
    )
    figures, pages = mkdocs_build(project, repeat)
    print(
        f"mkdocs build{' (median)' if repeat > 1 else ''}: {figures['wall']:.2f} s wall, "
        f"{figures['cpu']:.2f} s CPU, "
        f"{pages} pages, peak memory {figures['peak_mb']:.0f} MB"
    )
    print(f"generator share of the build (CPU): {warm['cpu'] / figures['cpu']:.0%}")
    plain, plain_pages = plain_material(project, repeat)
    print(
        f"plain Material, the same pages without the plugin (explainer render --out, then "
        f"mkdocs build): {plain['wall']:.2f} s wall, {plain['cpu']:.2f} s CPU, {plain_pages} "
        f"pages; the plugin's build, generation included, takes "
        f"{figures['wall'] / plain['wall']:.2f} of its wall time and "
        f"{figures['cpu'] / plain['cpu']:.2f} of its CPU time"
    )
    wall, cpu = incremental(project)
    print(
        f"regeneration after one facts file changes ({articles}-article story): "
        f"{wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU"
    )


def _workers() -> int:
    from generator.workers import MIN_JOBS, worker_count

    return worker_count(MIN_JOBS)


def _curve(folder: Path) -> None:
    print("curve (mkdocs build):")
    for stories, articles in CURVE:
        project = make_project(folder / f"curve-{stories}-{articles}", stories, articles)
        generation(project, cache=True)  # leaves .cache/explainer, as any earlier build would
        figures, pages = mkdocs_build(project)
        print(
            f"  {pages:5d} pages ({stories} × {articles} articles): {figures['wall']:.2f} s wall, "
            f"{figures['cpu']:.2f} s CPU, peak {figures['peak_mb']:.0f} MB"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        _measure_here(sys.argv[3:])
    elif sys.argv[1:2] == ["--generate"]:
        _generate_here(Path(sys.argv[2]))
    else:
        raise SystemExit(main())
