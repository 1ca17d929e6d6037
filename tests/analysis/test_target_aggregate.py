"""Article-level actor sentiment from mention sentiment: the neutral dead zone (issue 11)."""

from __future__ import annotations

import pytest

from mediacompare.analysis.records import TargetSentiment
from mediacompare.analysis.targets import aggregate_sentiment
from mediacompare.analysis.targets.aggregate import NEGATIVE_BELOW, POSITIVE_ABOVE


def test_mildly_negative_mentions_stay_neutral():
    # The mention model's usual news lean: P(neg) ~0.4 on neutral mentions.
    mentions = [TargetSentiment(-1, 0.42, 0.35, 0.23), TargetSentiment(0, 0.35, 0.45, 0.20)]
    summary = aggregate_sentiment(mentions)
    assert summary.label == 0 and summary.score < 0 and summary.mentions == 2


def test_clear_sentiment_passes_the_dead_zone():
    assert aggregate_sentiment([TargetSentiment(-1, 0.8, 0.1, 0.1)]).label == -1
    assert aggregate_sentiment([TargetSentiment(1, 0.1, 0.3, 0.6)]).label == 1


def test_mean_probabilities_and_unscored_mentions():
    summary = aggregate_sentiment([TargetSentiment(1, 0.1, 0.3, 0.6), None,
                                   TargetSentiment(-1, 0.5, 0.3, 0.2)])
    assert summary.mentions == 2
    assert summary.negative == pytest.approx(0.3) and summary.positive == pytest.approx(0.4)
    assert summary.score == pytest.approx(0.1)
    assert aggregate_sentiment([None]) is None and aggregate_sentiment([]) is None


def test_bounds_are_configurable_and_ordered():
    assert NEGATIVE_BELOW < 0 < POSITIVE_ABOVE
    mild = [TargetSentiment(-1, 0.45, 0.35, 0.20)]
    assert aggregate_sentiment(mild, negative_below=0.0).label == -1
