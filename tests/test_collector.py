from __future__ import annotations

import gc

from mediacompare._collector import collector_paused
from mediacompare.comparison import pipeline
from mediacompare.report import render_html, render_json


def test_nested_pauses_restore_the_collector_only_at_the_outermost():
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_disabled_by_the_caller_stays_disabled():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_comparison_runs_paused_but_the_analysis_does_not(two_outlets, monkeypatch):
    seen: dict[str, bool] = {}
    real_analyze, real_scored = pipeline.analyze_all, pipeline.scored_analyses

    def analyze_spy(*args, **kwargs):
        seen["analysis"] = gc.isenabled()
        return real_analyze(*args, **kwargs)

    def scored_spy(analyses):
        seen["comparison"] = gc.isenabled()
        return real_scored(analyses)

    monkeypatch.setattr(pipeline, "analyze_all", analyze_spy)
    monkeypatch.setattr(pipeline, "scored_analyses", scored_spy)
    data = pipeline.compare_corpus(two_outlets)
    assert seen == {"analysis": True, "comparison": False}
    assert gc.isenabled()
    render_html(data), render_json(data)
    assert gc.isenabled()
