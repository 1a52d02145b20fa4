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

import ctypes
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, TypeVar

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
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=die_with_parent
        ) as executor:
            return list(executor.map(_run, range(len(items))))
    finally:
        _current.clear()
        gc.unfreeze()


class Started(Generic[Result]):
    """Jobs running in worker processes while this process goes on; :meth:`result` waits for
    one of them. :meth:`close` ends the workers (jobs not yet started are dropped)."""

    def __init__(self, executor: ProcessPoolExecutor, futures: list[Future[Result]]) -> None:
        self._executor = executor
        self._futures = futures

    def result(self, index: int) -> Result | None:
        """What job ``index`` returned, or None if its worker failed (it died, say, out of
        memory): the caller then does that work itself."""
        try:
            return self._futures[index].result()
        except Exception:
            return None

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def start_all(job: Callable[[Item], Result], items: Sequence[Item]) -> Started[Result] | None:
    """Start ``job(item)`` for every item on every core and return at once; None where
    :func:`run_all` would run them in order (then nothing was started)."""
    workers = worker_count(len(items))
    if workers < 2:
        return None
    _current[:] = [lambda index: job(items[index])]
    gc.freeze()
    try:
        executor = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent
        )
        # The workers are forked by the first submit: later changes here do not reach them.
        futures = [executor.submit(_run, index) for index in range(len(items))]
    finally:
        gc.unfreeze()
    return Started(executor, futures)


_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Make this worker end when the process that started it does (killed, say, by CI's time
    limit), instead of waiting for work for ever: Linux's parent-death signal where there is
    one, else a thread that watches for the parent to go."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) == 0 and os.getppid() == parent:
            return
    except (OSError, AttributeError):
        pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


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
