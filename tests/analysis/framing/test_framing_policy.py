"""Policy-frame lexicons: shares, primary frame, evidence."""

from __future__ import annotations

import pytest

from mediacompare.analysis.framing import POLICY_FRAMES, policy_codebook
from mediacompare.analysis.framing.policy import score_policy
from mediacompare.text import sentences

TEXT = (
    "Russian missiles struck the airfield overnight. "
    "The repairs will cost $40 million, officials said. "
    "The sky was blue. "
    "A court ruled the lawsuit could go ahead."
)


def test_every_frame_documented():
    cb = policy_codebook()
    assert tuple(cb.frames) == POLICY_FRAMES
    for spec in cb.frames.values():
        assert spec.label and spec.description and spec.cues and spec.blind_spots


def test_shares_sum_to_one_over_frame_bearing_sentences():
    profile, primary = score_policy(sentences(TEXT))
    assert set(profile) == set(POLICY_FRAMES)
    assert sum(p.share for p in profile.values()) == pytest.approx(1.0)
    assert all(0.0 <= p.share <= 1.0 for p in profile.values())
    # three frame-bearing sentences, one each for security, economic, legality
    assert profile["security_defense"].share == pytest.approx(1 / 3)
    assert profile["economic"].share == pytest.approx(1 / 3)
    assert profile["legality"].share == pytest.approx(1 / 3)
    assert primary in {"security_defense", "economic", "legality"}
    # per frame-bearing sentence credits, whose mean is the share (for within-article intervals)
    for p in profile.values():
        assert len(p.sentence_shares) == 3
        assert sum(p.sentence_shares) / 3 == pytest.approx(p.share)


def test_primary_is_largest_share():
    text = "Troops advanced. Artillery fired at the front line. The war goes on. Prices rose."
    profile, primary = score_policy(sentences(text))
    assert primary == "security_defense"
    assert profile["security_defense"].share == pytest.approx(0.75)


def test_evidence_offsets_and_cues():
    profile, _ = score_policy(sentences(TEXT))
    (ev,) = profile["legality"].evidence
    assert TEXT[ev.start : ev.end] == "A court ruled the lawsuit could go ahead."
    assert [c.text for c in ev.cues] == ["court", "ruled", "lawsuit"]
    for frame in profile.values():
        assert frame.n_sentences == len(frame.evidence)
        for e in frame.evidence:
            for cue in e.cues:
                assert TEXT[cue.start : cue.end] == cue.text


def test_ties_split_the_sentence():
    profile, _ = score_policy(sentences("The court heard the pollution case."))
    # court (legality, weight 2) vs pollution (health, 1) + case: legality wins outright
    assert profile["legality"].share == pytest.approx(1.0)
    profile, _ = score_policy(sentences("Voters saw the soldiers."))
    shares = {k: v.share for k, v in profile.items() if v.share}
    assert sum(shares.values()) == pytest.approx(1.0)


def test_no_frame_bearing_sentence():
    profile, primary = score_policy(sentences("Hello there. Nice day."))
    assert primary is None
    assert all(p.share == 0.0 and p.n_sentences == 0 for p in profile.values())
    assert score_policy(())[1] is None
