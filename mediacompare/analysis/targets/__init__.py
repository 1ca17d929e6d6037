"""Target-dependent (actor-level) sentiment: how a sentence treats one mentioned target.

>>> from mediacompare.analysis.targets import TargetSentimentClassifier
>>> s = "The senator praised Ms Lee for her brave and honest work."
>>> TargetSentimentClassifier.pretrained().predict([(s, 20, 26)]).tolist()
[1]
"""

from __future__ import annotations

from .aggregate import ActorSentiment, aggregate_sentiment
from .classifier import LABELS, TargetSentimentClassifier
from .mentions import score_mentions
from .vectorizer import SpanError, TargetFeatures

__all__ = [
    "ActorSentiment",
    "LABELS",
    "SpanError",
    "TargetFeatures",
    "TargetSentimentClassifier",
    "aggregate_sentiment",
    "score_mentions",
]
