"""Corpus level: actors merged across articles, coverage per outlet, sources and quotes.

Built in ``compare`` from the per-article partials (mentions, their target sentiment, quotes),
so it runs after a parallel per-article analysis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..quotes import QuoteStats, quote_stats
from .resolve import ActorCoverage, ActorIndex, actor_coverage, resolve_actors

if TYPE_CHECKING:  # pragma: no cover
    from ...analysis.records import ArticleAnalysis
    from ..records import MetricStatistics

__all__ = ["ActorComparison", "compare_actors", "TOP_ACTORS"]

#: Actors (by mentions across the corpus) whose sentiment gets intervals and tests.
TOP_ACTORS = 12


@dataclass(frozen=True)
class ActorComparison:
    """Actors and sources across outlets.

    Attributes
    ----------
    index : ActorIndex
        The merged actors ("Vladimir Putin" = "Mr Putin" = "Putin").
    coverage : tuple of ActorCoverage
        Actor × outlet: mentions, share of the outlet's actor mentions, names, labels.
    quotes : mapping outlet → QuoteStats
        Share of text in quotes, distinct sources, speakers, verb profile.
    sentiment : MetricStatistics
        For the :data:`TOP_ACTORS` most mentioned actors, metric ``actor:<id>``: per article,
        the mean target sentiment (P(positive) − P(negative)) of its mentions, with intervals
        and tested differences between outlets.
    """

    index: ActorIndex
    coverage: tuple[ActorCoverage, ...]
    quotes: Mapping[str, QuoteStats]
    sentiment: MetricStatistics

    @property
    def top_actors(self) -> tuple[str, ...]:
        """Ids of the most mentioned actors, most mentioned first."""
        ranked = sorted(self.index, key=lambda a: (-a.mentions, a.id))
        return tuple(a.id for a in ranked[:TOP_ACTORS])


def compare_actors(analyses: Sequence[ArticleAnalysis], *, seed: int = 0) -> ActorComparison:
    """Merge actors across articles and summarise coverage, sentiment and quotes per outlet.

    Examples
    --------
    >>> from mediacompare.analysis.pipeline import analyze
    >>> from mediacompare.model import Article
    >>> a = analyze(Article(id="a", outlet="X", text='Vladimir Putin spoke. "We win," Mr Putin said.'))
    >>> cmp = compare_actors([a])
    >>> [x.id for x in cmp.index], cmp.quotes["X"].sources
    (['Vladimir Putin'], 1)
    """
    from ..metrics import metric_statistics

    mentions = {a.article.id: a.actors for a in analyses}
    outlet_of = {a.article.id: a.article.outlet for a in analyses}
    index = resolve_actors(mentions)
    coverage = actor_coverage(index, mentions, outlet_of, {a.article.id: a.references for a in analyses})

    quotes: dict[str, QuoteStats] = {}
    for a in analyses:
        article_id = a.article.id

        def speaker(q, article_id=article_id):
            return index.actor_id(article_id, q.speaker_actor) if q.speaker_actor else None

        stats = quote_stats(a.quotes, len(a.article.text), speaker_id=speaker)
        outlet = a.article.outlet
        quotes[outlet] = quotes[outlet] + stats if outlet in quotes else stats

    ranked = sorted(index, key=lambda x: (-x.mentions, x.id))[:TOP_ACTORS]
    top = {x.id for x in ranked}
    values: dict[str, dict[str, list[float]]] = {}
    mention_values: dict[str, dict[str, list[list[float]]]] = {}
    for a in analyses:
        per_actor: dict[str, list[float]] = {}
        for mention in a.actors:
            actor = index.actor_id(a.article.id, mention)
            if actor in top and mention.sentiment is not None:
                per_actor.setdefault(actor, []).append(mention.sentiment.score)
        for actor, scores_ in per_actor.items():
            metric = f"actor:{actor}"
            values.setdefault(metric, {}).setdefault(a.article.outlet, []).append(
                sum(scores_) / len(scores_)
            )
            mention_values.setdefault(metric, {}).setdefault(a.article.outlet, []).append(scores_)
    sentiment = metric_statistics(values, sentence_values=mention_values, seed=seed)
    return ActorComparison(index, coverage, dict(sorted(quotes.items())), sentiment)
