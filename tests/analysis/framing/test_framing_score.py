"""score_frames: one call for generic, policy and custom frames."""

from __future__ import annotations

import pickle

import pytest

from mediacompare.analysis.framing import (
    GENERIC_FRAMES,
    POLICY_FRAMES,
    ArticleFrames,
    parse_codebook,
    score_frames,
)
from mediacompare.analysis.framing.generic import score_generic
from mediacompare.analysis.framing.policy import score_policy
from mediacompare.text import sentences

TEXT = (
    "Critics accused the minister of lying about the $3 billion cost.\n"
    "Residents who lost their homes said the flood was devastating.\n"
    "Troops and missiles were sent to the border."
)


def test_keys_and_types():
    frames = score_frames(sentences(TEXT))
    assert isinstance(frames, ArticleFrames)
    assert tuple(frames.generic) == GENERIC_FRAMES
    assert tuple(frames.policy) == POLICY_FRAMES
    assert frames.custom == {}
    assert frames.n_sentences == 3
    assert frames.primary_policy in POLICY_FRAMES


def test_shared_matcher_gives_same_results_as_separate_scorers():
    ss = sentences(TEXT)
    frames = score_frames(ss)
    assert frames.generic == score_generic(ss)
    assert (frames.policy, frames.primary_policy) == score_policy(ss)


def test_title_counts_for_generic_items_only():
    body = sentences("The council met on Tuesday.")
    plain = score_frames(body)
    titled = score_frames(body, title="Critics slam the mayor")
    co2 = {i.id: i for i in titled.generic["conflict"].items}["co2"]
    assert co2.answer and co2.evidence[0].in_title
    assert not {i.id: i for i in plain.generic["conflict"].items}["co2"].answer
    assert titled.policy == plain.policy


def test_custom_frames_included():
    cb = parse_codebook('[frames.border]\nterms = ["border"]\n')
    frames = score_frames(sentences(TEXT), codebook=cb)
    assert frames.custom["border"].n_sentences == 1
    assert frames.custom["border"].share == pytest.approx(1 / 3)


def test_results_pickle_for_process_pools():
    frames = score_frames(sentences(TEXT))
    assert pickle.loads(pickle.dumps(frames)) == frames


def test_per_article_only_no_hidden_state():
    first = score_frames(sentences(TEXT))
    score_frames(sentences("Completely different text about churches and God."))
    assert score_frames(sentences(TEXT)) == first
