"""One article's sentiment towards one actor, from the target sentiment of its mentions.

The per-mention model (trained on NewsMTSC, whose sentences were sampled for sentiment) gives
news mentions a negative lean: on BASIL dev the mean P(negative) of main-entity mentions is
0.41 while annotators call 76% of (article, main entity) pairs neutral. Taking the sign of the
mean score ``P(positive) − P(negative)`` therefore turns most neutral articles negative. The
article label is instead **neutral unless the mean score leaves a dead zone**:
negative below :data:`NEGATIVE_BELOW`, positive above :data:`POSITIVE_ABOVE`. The bounds were
chosen on BASIL dev author feelings (grouped 5-fold cross-validation over event triplets, see
``python benchmarks/eval_target_sentiment.py --basil``); re-calibrating the mention-level class
priors on NewsMTSC (chosen by cross-validation on train) did not improve dev-rw F1m and was
not adopted. The score itself is unchanged (continuous, for intervals and outlet differences).

Examples
--------
>>> from mediacompare.analysis.records import TargetSentiment
>>> mild = [TargetSentiment(-1, 0.45, 0.35, 0.20), TargetSentiment(0, 0.30, 0.50, 0.20)]
>>> s = aggregate_sentiment(mild)
>>> s.label, round(s.score, 3), s.mentions
(0, -0.175, 2)
>>> aggregate_sentiment([TargetSentiment(-1, 0.8, 0.15, 0.05)]).label
-1
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..records import TargetSentiment

__all__ = ["NEGATIVE_BELOW", "POSITIVE_ABOVE", "ActorSentiment", "aggregate_sentiment"]

#: Mean mention score below which an article is negative towards the actor.
NEGATIVE_BELOW = -0.38
#: Mean mention score above which an article is positive towards the actor.
POSITIVE_ABOVE = 0.10


@dataclass(frozen=True)
class ActorSentiment:
    """Article-level sentiment towards one actor.

    Attributes
    ----------
    label : int
        -1, 0 or 1 (neutral inside the dead zone).
    score : float
        Mean of ``P(positive) − P(negative)`` over the mentions.
    negative, neutral, positive : float
        Mean class probabilities over the mentions.
    mentions : int
        Number of scored mentions.
    """

    label: int
    score: float
    negative: float
    neutral: float
    positive: float
    mentions: int


def aggregate_sentiment(
    sentiments: Iterable[TargetSentiment | None],
    negative_below: float = NEGATIVE_BELOW,
    positive_above: float = POSITIVE_ABOVE,
) -> ActorSentiment | None:
    """Combine the mentions' target sentiment of one actor in one article (None if none scored)."""
    scored = [s for s in sentiments if s is not None]
    if not scored:
        return None
    n = len(scored)
    negative = sum(s.negative for s in scored) / n
    neutral = sum(s.neutral for s in scored) / n
    positive = sum(s.positive for s in scored) / n
    score = sum(s.score for s in scored) / n
    label = -1 if score < negative_below else 1 if score > positive_above else 0
    return ActorSentiment(label, score, negative, neutral, positive, n)
