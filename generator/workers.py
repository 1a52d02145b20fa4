"""Independent jobs on every core: a large archive's stories are rendered, and the paragraphs
of a first build segmented, in worker processes (``EXPLAINER_WORKERS=N`` sets how many; by
default one per core, and ``1`` keeps everything in the one process).

Workers are forked, so they start with everything the parent holds (the loaded corpus, the
compiled templates) and only their results travel back. Forking is safe only in a process with
one thread: ``mkdocs serve`` runs its server in threads, and there the jobs run in order (after
the first build it redoes only the story that changed, which a worker would not speed up). The
results are the same either way, in the same order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_JOBS = 4
"""Fewer jobs than this run in order: a worker costs a few milliseconds to start."""

_current: list[Callable[[int], Any]] = []


def run_all(job: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``[job(item) for item in items]``, on every core when that is safe and worth it."""
    workers = worker_count(len(items))
    if workers < 2:
        return [job(item) for item in items]
    _current[:] = [lambda index: job(items[index])]
    gc.freeze()  # the workers' collector then leaves the inherited objects, and their pages, alone
    try:
        # An executor, not a Pool: a worker that dies (out of memory) fails the build instead
        # of leaving it waiting forever.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as executor:
            return list(executor.map(_run, range(len(items))))
    finally:
        _current.clear()
        gc.unfreeze()


def _run(index: int) -> Any:
    return _current[0](index)


def worker_count(jobs: int) -> int:
    """How many worker processes ``jobs`` independent jobs would run in here and now."""
    if jobs < MIN_JOBS or threading.active_count() > 1 or not hasattr(os, "fork"):
        return 1
    wanted = os.environ.get("EXPLAINER_WORKERS", "")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    limit = int(wanted) if wanted.isdigit() else (cores or 1)
    return max(1, min(limit, jobs))
