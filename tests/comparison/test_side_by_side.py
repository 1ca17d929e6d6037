"""The comparison's independent sections run side by side (``comparison/side_by_side.py``):
the same results as one after the other, and a report that pickles."""

from __future__ import annotations

import os
import pickle
from dataclasses import replace

import pytest

from mediacompare.analysis.pipeline import analyze_all
from mediacompare.comparison import pipeline, side_by_side
from mediacompare.comparison.pipeline import compare_corpus
from mediacompare.comparison.side_by_side import run_side_by_side
from mediacompare.report.render import render_json

forking = pytest.mark.skipif(not side_by_side._can_fork(), reason="sections run side by side only where processes fork")

PARENT = os.getpid()


def _pid() -> int:
    return os.getpid()


def _dies_in_a_worker() -> str:
    if os.getpid() != PARENT:
        os._exit(1)  # a worker killed mid-way (out of memory, say)
    return "done here"


@forking
def test_results_in_order_with_the_first_call_here():
    pids = run_side_by_side([_pid, _pid, lambda: "three"], jobs=3)
    assert pids[0] == PARENT and pids[1] != PARENT and pids[2] == "three"


def test_one_job_runs_every_call_here():
    assert run_side_by_side([_pid, _pid], jobs=1) == [PARENT, PARENT]


def test_no_room_for_a_copy_runs_every_call_here(monkeypatch):
    monkeypatch.setattr(side_by_side, "_room_for_copies", lambda copies: False)
    assert run_side_by_side([_pid, _pid], jobs=2) == [PARENT, PARENT]


def test_room_for_copies_compares_available_memory_with_this_process():
    assert not side_by_side._room_for_copies(10**9)  # a billion copies never fit


@forking
def test_a_dead_worker_s_call_is_run_here():
    assert run_side_by_side([lambda: 1, _dies_in_a_worker], jobs=2) == [1, "done here"]


@pytest.fixture
def analyses(two_outlets):
    speakers = ["Ann Lee", "Bob Ray", "Cy Young", "Di Fox", "Ed Poe"]
    articles = [
        replace(a, id=f"{a.id}-{i}", text=f"{a.text} {name} said the talks would go on, in report {i}.")
        for i, name in enumerate(speakers)
        for a in two_outlets
    ]
    return analyze_all(articles)


def _report(data) -> str:
    """The JSON report with every sentence, ``jobs`` left out of the recorded parameters."""
    return render_json(replace(data, info=replace(data.info, parameters={**data.info.parameters, "jobs": 0})),
                       detail="sentences")


@forking
def test_side_by_side_comparison_equals_the_serial_one(analyses, monkeypatch):
    monkeypatch.setattr(pipeline, "SIDE_BY_SIDE_FROM", 1)
    used = []

    def spy(calls, *, jobs):
        used.append(jobs)
        return run_side_by_side(calls, jobs=jobs)

    monkeypatch.setattr(pipeline, "run_side_by_side", spy)
    serial = compare_corpus(analyses, jobs=1)
    parallel = compare_corpus(analyses, jobs=2)
    assert used == [1, 2]
    assert _report(parallel) == _report(serial)


def test_small_corpora_and_dask_compare_in_one_process():
    assert pipeline._side_by_side_jobs(10, 2, "auto") == 1  # below SIDE_BY_SIDE_FROM
    assert pipeline._side_by_side_jobs(pipeline.SIDE_BY_SIDE_FROM, 2, "processes") == 2
    assert pipeline._side_by_side_jobs(10_000, 2, "dask") == 1  # the cluster's cores are elsewhere


def test_a_comparison_pickles(analyses):
    data = compare_corpus(analyses)
    assert _report(pickle.loads(pickle.dumps(data))) == _report(data)
