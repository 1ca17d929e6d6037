"""Independent sections of the comparison, run side by side in forked processes.

Two sections of the comparison do not need each other's results: distinguishability with the
tested tone, frame and style statistics on one side, actors and coverage on the other. Under
``--jobs 2`` they use both cores. Each section draws its random numbers from its own generator
seeded with the run's seed, so running it in another process changes nothing in its result.

Only processes started by ``fork`` are used: they see the parent's analyses without pickling
them (a thousand analyses take seconds to pickle); only each section's result, which is small,
is sent back. The price is memory: reading the analyses touches their reference counts, so the
worker ends up with a private copy of most of the parent's pages (550 MB of its 830 MB for
1,000 AllSides articles). The sections therefore run one after the other, with the same results,
where free memory could not hold such a copy, where ``fork`` is not the safe choice (macOS,
Windows) and for small corpora, where a process costs more than it saves.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["SIDE_BY_SIDE_FROM", "run_side_by_side"]

#: Fewer counted articles than this and the sections run one after the other: the whole
#: comparison then takes about a second, not much more than starting a process.
SIDE_BY_SIDE_FROM = 200

#: The calls of the running :func:`run_side_by_side`, inherited by its forked workers.
_CALLS: Sequence[Callable[[], Any]] = ()


def run_side_by_side(calls: Sequence[Callable[[], Any]], *, jobs: int) -> list[Any]:
    """The results of ``calls`` (functions of no arguments), in order.

    With ``jobs`` > 1 where processes can be forked, ``calls[0]`` runs in this process while
    the others run in at most ``jobs - 1`` forked worker processes; otherwise they run here,
    one after the other (also when free memory could not hold a copy of this process for each
    worker). The results are the same either way as long as the calls do not depend on each
    other (a call's changes to shared objects stay in its own process). If a worker dies
    (killed, out of memory), the workers' calls are run here instead.

    Parameters
    ----------
    calls : sequence of callables
        Each returns a picklable result.
    jobs : int
        Processes to use in all, this one included; ``-1`` or ``0``: one per CPU.

    Returns
    -------
    list
        ``[call() for call in calls]``.

    Examples
    --------
    >>> run_side_by_side([lambda: 1, lambda: "two"], jobs=2)
    [1, 'two']
    """
    global _CALLS
    if jobs in (-1, 0):
        jobs = os.cpu_count() or 1
    workers = min(jobs, len(calls)) - 1
    if workers < 1 or not _can_fork() or not _room_for_copies(workers):
        return [call() for call in calls]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from threadpoolctl import threadpool_limits

    _CALLS = calls
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_call, i) for i in range(1, len(calls))]
            with threadpool_limits(1):  # the processes share the cores: one BLAS thread each
                first = calls[0]()
            try:
                rest = [f.result() for f in futures]
            except BrokenProcessPool:  # a worker died (out of memory, killed): do its part here
                rest = [call() for call in calls[1:]]
        return [first, *rest]
    finally:
        _CALLS = ()


def _call(index: int) -> Any:
    """Run the ``index``-th call of the :func:`run_side_by_side` that forked this worker
    (with one BLAS thread, as the parent's call)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        return _CALLS[index]()


def _can_fork() -> bool:
    """True where forking a process that holds threads (BLAS) is safe: Linux and the BSDs,
    not macOS (whose system libraries may crash in a forked child) or Windows."""
    import multiprocessing

    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


def _room_for_copies(copies: int) -> bool:
    """Whether the memory available now could hold ``copies`` copies of this process."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:  # Linux: free + reclaimable
            available = next(int(line.split()[1]) * 1024 for line in meminfo
                             if line.startswith("MemAvailable:"))
        with open("/proc/self/statm", encoding="ascii") as statm:
            resident = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, StopIteration, ValueError, IndexError):
        return False  # no way to tell: do not risk running out of memory
    return available > copies * resident
