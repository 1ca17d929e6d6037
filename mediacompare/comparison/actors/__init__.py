"""Actors across the corpus: merged identities, per-outlet coverage, who gets a voice.

:func:`resolve_actors` merges the per-article names into one :class:`ActorIndex` ("Vladimir
Putin" = "Putin" = "Mr Putin"); :func:`compare_actors` builds the per-outlet view (mentions,
names and labels, sentiment with intervals, quotes); :class:`ActorSentimentVectorizer` turns
a corpus into actor × article sentiment features.
"""

from __future__ import annotations

from .outlets import TOP_ACTORS, ActorComparison, compare_actors
from .resolve import DOMINANCE, Actor, ActorCoverage, ActorIndex, actor_coverage, resolve_actors

__all__ = [
    "DOMINANCE",
    "TOP_ACTORS",
    "Actor",
    "ActorComparison",
    "ActorCoverage",
    "ActorIndex",
    "ActorSentimentVectorizer",
    "actor_coverage",
    "compare_actors",
    "resolve_actors",
]


def __getattr__(name: str):
    if name == "ActorSentimentVectorizer":  # imports scikit-learn: only on first use
        from .features import ActorSentimentVectorizer

        return ActorSentimentVectorizer
    raise AttributeError(f"module 'mediacompare.comparison.actors' has no attribute {name!r}")
