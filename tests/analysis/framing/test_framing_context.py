"""Quotes (scare quotes, single quotes), policy context rules, evidence tie-breaks, CV helper."""

from __future__ import annotations

import numpy as np
import pytest

from mediacompare.analysis.framing.generic import quoted_spans, scare_quote_spans, score_generic
from mediacompare.analysis.framing.policy import score_policy
from mediacompare.analysis.framing.tuning import best_threshold, cv_presence
from mediacompare.text import sentences


def _item(text: str, item_id: str):
    frames = score_generic(sentences(text))
    return next(i for f in frames.values() for i in f.items if i.id == item_id)


def _texts(text: str) -> list[list[str]]:
    return [
        [s.text[a - s.start : b - s.start] for a, b in quoted_spans(s)] for s in sentences(text)
    ]


def test_scare_quotes_are_not_empathy():
    scare = 'Officials called it a "tragic" mistake. Critics said the "devastating" cuts were fine.'
    plain = "Officials called it a tragic mistake. Critics said the devastating cuts were fine."
    assert _item(plain, "hi2").answer is True
    assert _item(scare, "hi2").answer is False
    s = sentences('He called the flood "tragic" on Monday.')[0]
    assert [s.text[a - s.start : b - s.start] for a, b in scare_quote_spans(s)] == ['"tragic"']


def test_quoted_speech_is_not_a_scare_quote():
    s = sentences('"It was tragic," she said.')[0]
    assert scare_quote_spans(s) == []


def test_single_quotes_are_quotes_and_apostrophes_are_not():
    assert _texts("He said ‘we lost it all’ and left.") == [["‘we lost it all’"]]
    assert _texts("He said 'we lost it all' and left.") == [["'we lost it all'"]]
    assert _texts("Russia’s farmers' fields don't flood.") == [[]]
    assert _texts("‘We can’t stay,’ she said.") == [["‘We can’t stay,’"]]


def test_single_quoted_speech_is_not_the_writers_voice():
    # hi2's `unquoted = ["question"]` pattern: a rhetorical question in the writer's voice
    quoted = "She asked ‘what will we eat?’ twice. He asked 'who will help us?' again."
    unquoted = "What will we eat? Who will help us?"
    assert _item(unquoted, "hi2").answer is True
    assert _item(quoted, "hi2").answer is False


def test_gun_control_headline_gets_a_policy_frame():
    text = "Parkland survivors keep fighting for gun control a year after the shooting."
    profile, primary = score_policy(sentences(text))
    assert primary == "policy_prescription"
    (ev,) = profile["policy_prescription"].evidence
    assert [c.text for c in ev.cues] == ["gun control"]


def test_issue_vocabulary_is_political():
    profile, _ = score_policy(sentences("The GOP and the NRA met."))
    assert profile["political"].share == pytest.approx(1.0)


def test_conference_of_the_parties_does_not_fire_alone():
    profile, primary = score_policy(sentences("The Conference of the Parties opened in Madrid."))
    assert primary is None
    assert profile["political"].n_sentences == 0
    profile, _ = score_policy(sentences("The parties voted against the bill."))
    assert profile["political"].n_sentences == 1


def test_ambiguous_cue_needs_company():
    assert score_policy(sentences("Americans went to the beach."))[1] is None
    profile, _ = score_policy(sentences("Most Americans back the protest, a poll found."))
    assert profile["public_opinion"].share == pytest.approx(1.0)


def test_sentence_tie_broken_by_cue_count():
    # political: "vote" + "senators" (weight 2, 2 cues); legality: "court" (weight 2, 1 cue)
    profile, primary = score_policy(sentences("Senators vote on the court."))
    assert primary == "political"
    assert profile["political"].share == pytest.approx(1.0)
    assert profile["legality"].share == 0.0


def test_primary_tie_broken_by_evidence_not_codebook_order():
    # one sentence each, same weight, same cue count: the earlier evidence wins, even though
    # economic comes first in the codebook
    text = "The jail closed. Prices fell."
    profile, primary = score_policy(sentences(text))
    assert profile["crime_punishment"].share == profile["economic"].share == pytest.approx(0.5)
    assert profile["crime_punishment"].weight == profile["economic"].weight
    assert primary == "crime_punishment"


def test_best_threshold_prefers_higher_on_ties_and_handles_no_scores():
    assert best_threshold(np.array([0.0, 0.5, 1.0]), np.array([0, 1, 1])) == 0.5
    assert best_threshold(np.array([0.0, 0.5, 1.0]), np.array([0, 0, 1])) == 1.0
    assert best_threshold(np.zeros(3), np.array([0, 1, 0])) == 1.0


def test_cv_presence_never_uses_the_test_fold():
    scores = np.array([0.2, 0.2, 0.8, 0.8])
    labels = np.array([1, 1, 0, 0])  # fold 2 alone would want threshold 0.8
    folds = [([0, 1], [2, 3]), ([2, 3], [0, 1])]
    out = cv_presence(scores, labels, folds)
    # test fold [2, 3] is judged by 0.2 (chosen on [0, 1]); test fold [0, 1] by 0.8 (chosen on
    # [2, 3], where no threshold helps and the higher one wins): tuned on itself, each fold
    # would be perfect, out of fold each is wrong
    assert out.tolist() == [0, 0, 1, 1]
    two = cv_presence(np.column_stack([scores, scores]), np.column_stack([labels, labels]), folds)
    assert two.shape == (4, 2) and two[:, 0].tolist() == out.tolist()
