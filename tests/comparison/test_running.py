"""Per-outlet running summaries: one pass, chunked, or merged from partials give the same."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from mediacompare.comparison.running import OutletSummary, RunningMean


def _rows(n, seed=3):
    rng = random.Random(seed)
    return [{"outlet": f"O{rng.randrange(3)}", "tone": rng.gauss(0, 2) if rng.random() > 0.1 else None,
             "frame": rng.choice(["a", "b", "b", None])} for _ in range(n)]


def test_running_mean_matches_numpy():
    values = [random.Random(1).uniform(-5, 5) for _ in range(500)]
    m = RunningMean()
    for x in values:
        m.add(x)
    assert m.mean == pytest.approx(np.mean(values))
    assert m.sd == pytest.approx(np.std(values, ddof=1))
    low, high = m.interval()
    assert high - low == pytest.approx(2 * 1.959964 * np.std(values, ddof=1) / math.sqrt(500), rel=1e-6)
    assert RunningMean().interval() is None and math.isnan(RunningMean().sd)


def test_merged_partials_equal_one_pass():
    rows = _rows(1000)
    whole = OutletSummary(["tone"], ["frame"])
    whole.add(rows)
    parts = [OutletSummary(["tone"], ["frame"]) for _ in range(4)]
    for i, part in enumerate(parts):
        part.add(rows[i * 250 : (i + 1) * 250])
    merged = parts[0].merge(parts[1]).merge(parts[2].merge(parts[3]))
    for a, b in zip(whole.rows(), merged.rows(), strict=True):
        assert a.keys() == b.keys()
        for key, value in a.items():
            assert b[key] == (pytest.approx(value) if isinstance(value, float) else value), key


def test_missing_values_are_not_counted_and_labels_give_top_share():
    s = OutletSummary(["tone"], ["frame"])
    s.add([{"outlet": "A", "tone": None, "frame": "x"}, {"outlet": "A", "tone": float("nan"), "frame": "y"},
           {"outlet": "A", "tone": 2.0, "frame": "y"}, {"outlet": None, "tone": True, "frame": None}])
    none, a = s.rows()  # sorted by name: "(no outlet)" first
    assert (a["articles"], a["tone_n"], a["tone_mean"], a["frame_top"], a["frame_top_share"]) == (3, 1, 2.0, "y", 2 / 3)
    assert none["outlet"] == "(no outlet)" and none["tone_mean"] is None and none["frame_top"] is None


def test_merge_refuses_different_columns():
    with pytest.raises(ValueError, match="different columns"):
        OutletSummary(["a"]).merge(OutletSummary(["b"]))
