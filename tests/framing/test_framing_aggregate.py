"""Outlet-level frame profiles from mergeable per-article totals."""

from __future__ import annotations

import pytest

from mediacompare.framing import FrameTotals, frame_profile, parse_codebook, score_frames
from mediacompare.text import sentences

DOCS = [
    "Critics accused the mayor of lying. Rivals clashed. Opponents disagreed.",
    "Troops and missiles moved to the border. Artillery fired.",
    "The plan costs $3 billion. Taxes rise. Jobs will be lost as the economy shrinks.",
]


def test_totals_merge_in_any_grouping():
    frames = [score_frames(sentences(d)) for d in DOCS]
    t = [FrameTotals.of(f) for f in frames]
    assert ((t[0] + t[1]) + t[2]).profile() == (t[0] + (t[1] + t[2])).profile()
    assert frame_profile(frames) == (t[0] + t[1] + t[2]).profile()


def test_profile_means():
    frames = [score_frames(sentences(d)) for d in DOCS]
    p = frame_profile(frames)
    assert p.n_articles == 3
    assert p.generic_mean_score["conflict"] == pytest.approx(
        sum(f.generic["conflict"].score for f in frames) / 3
    )
    assert p.generic_present_rate["economic"] == pytest.approx(
        sum(f.generic["economic"].present for f in frames) / 3
    )
    assert sum(p.policy_mean_share.values()) == pytest.approx(1.0)
    assert sum(p.primary_policy_counts.values()) == 3


def test_empty_group_and_custom_frames():
    assert frame_profile([]).n_articles == 0
    assert frame_profile([]).generic_mean_score["conflict"] == 0.0
    cb = parse_codebook('[frames.border]\nterms = ["border"]\n')
    p = frame_profile([score_frames(sentences(d), codebook=cb) for d in DOCS])
    assert p.custom_present_rate == {"border": pytest.approx(1 / 3)}
