"""What comparison produces: outlet profiles, similarity, statistics and the comparison itself.

Plain frozen records, built by ``comparison/pipeline.py`` from per-article analyses and read
by ``report/``. Nothing here imports numpy, scikit-learn or the report stage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..analysis.records import AnyAnalysis, ArticleAnalysis
from ..model import InputProblem

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from .actors.outlets import ActorComparison
    from .coverage import CoverageComparison
    from .stats import Difference, Distinguishability, Estimate
    from .words import DistinctiveTerm

__all__ = [
    "DIFFERENT_STORIES_THRESHOLD",
    "SAME_STORY_THRESHOLD",
    "ComparisonData",
    "MetricStatistics",
    "OutletProfile",
    "RunInfo",
    "Similarity",
    "StoryVerdict",
    "counted_analyses",
]


#: Mean cross-outlet story similarity at or above which articles read as the same story:
#: the lowest threshold with precision >= 0.90 on 200 hand-labelled pairs of articles from
#: different outlets on the same AllSides topic and day (Baly et al. 2020) is 0.199 (bootstrap
#: 90% interval 0.163-0.263; recall 0.68, specificity 0.94), rounded to 0.20. Youden's J would
#: give 0.156; we prefer fewer false "same story" calls. See ``benchmarks/same_story_threshold.py``.
SAME_STORY_THRESHOLD = 0.20


#: Below this, different stories: Youden's J between same-topic/different-day and
#: different-topic article pairs of the same corpus (see the benchmark script).
DIFFERENT_STORIES_THRESHOLD = 0.085


@dataclass(frozen=True)
class StoryVerdict:
    """Whether the articles look like the same story, with the number behind it.

    Attributes
    ----------
    level : str
        ``"same story"``, ``"related coverage"``, ``"different stories"`` or ``"single article"``.
    score : float
        Mean story similarity (:func:`story_similarity`) over pairs of articles from different
        outlets (over all pairs if every article comes from one outlet); NaN when there is
        no pair.
    explanation : str
        One plain-language sentence: what the number means and the thresholds.
    pairs : int
        How many article pairs the score averages.
    thresholds : tuple of float
        ``(different stories below, same story at or above)``.
    """

    level: str
    score: float
    explanation: str
    pairs: int = 0
    thresholds: tuple[float, float] = (DIFFERENT_STORIES_THRESHOLD, SAME_STORY_THRESHOLD)


@dataclass(frozen=True)
class MetricStatistics:
    """Estimates (metric → outlet → Estimate) and differences with section-wide q-values."""

    estimates: Mapping[str, Mapping[str, Estimate]]
    differences: tuple[Difference, ...]

    def estimate(self, metric: str, outlet: str) -> Estimate | None:
        """The estimate of ``metric`` for ``outlet`` (None when not computed)."""
        return self.estimates.get(metric, {}).get(outlet)

    def differences_for(self, metric: str) -> tuple[Difference, ...]:
        """The comparisons of one metric, in the order computed."""
        return tuple(d for d in self.differences if d.metric == metric)


@dataclass(frozen=True)
class OutletProfile:
    """What one outlet's articles look like, aggregated over its scored articles.

    Sentiment figures are means over articles of the per-article values (each article counts
    once, whatever its length). An article repeating another one (a near-duplicate) counts
    under its original only — except for an outlet whose articles are *all* such copies
    (syndication): its figures are then its copies' own and ``copies_of`` names the outlets
    they copy. Such an outlet stays out of tests, similarity and charts.
    """

    name: str
    n_articles: int
    n_scored: int
    word_count: int
    compound_mean: float
    positive_share: float
    neutral_share: float
    negative_share: float
    tone: float
    polarity: float
    dates: tuple[str, ...] = ()
    distinctive_terms: tuple[DistinctiveTerm, ...] = ()
    copies_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Similarity:
    """Cosine similarities of TF-IDF vectors between articles and between outlets."""

    article_ids: tuple[str, ...]
    articles: np.ndarray
    outlet_names: tuple[str, ...]
    outlets: np.ndarray
    verdict: StoryVerdict


@dataclass(frozen=True)
class RunInfo:
    """Provenance of a comparison: versions, parameters and (reproducible) creation time."""

    versions: Mapping[str, str]
    parameters: Mapping[str, Any]
    created: str | None


def counted_analyses(
    analyses: Sequence[AnyAnalysis], duplicate_of: Mapping[str, str | None]
) -> list[ArticleAnalysis]:
    """The analyses outlet figures, word choice and tests count: scored, and each text once
    (a near-duplicate counts under its original only)."""
    return [a for a in scored_analyses(analyses) if duplicate_of.get(a.article.id) is None]


def scored_analyses(analyses: Sequence[AnyAnalysis]) -> list[ArticleAnalysis]:
    """The analyses that were scored (every :class:`SkippedArticle` left out)."""
    return [a for a in analyses if isinstance(a, ArticleAnalysis)]


@dataclass(frozen=True)
class ComparisonData:
    """Everything a comparison found, as plain data: what the report stage reads.

    Users hold the subclass :class:`mediacompare.Comparison`, which adds DataFrames and
    reports; this class imports nothing from ``report/``.

    ``notes`` explain the run in the report (skipped and repeated articles, data problems);
    ``warnings`` are the data problems among them a reader must not miss (an article with
    quotation marks but no quote found): the command line also prints them on stderr.
    """

    analyses: tuple[AnyAnalysis, ...]
    profiles: tuple[OutletProfile, ...]
    similarity: Similarity
    pairwise_terms: Mapping[tuple[str, str], tuple[DistinctiveTerm, ...]]
    problems: tuple[InputProblem, ...]
    info: RunInfo
    notes: tuple[str, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())
    tone_stats: MetricStatistics | None = None
    frame_stats: MetricStatistics | None = None
    actors: ActorComparison | None = None
    coverage: CoverageComparison | None = None
    style_stats: MetricStatistics | None = None
    distinguishability: tuple[Distinguishability, ...] = ()
    self_references: tuple[str, ...] = ()

    @property
    def scored(self) -> list[ArticleAnalysis]:
        """The analyses that were scored, in input order (see :class:`SkippedArticle`)."""
        return scored_analyses(self.analyses)

    @property
    def counted(self) -> list[ArticleAnalysis]:
        """The scored analyses behind outlet figures and tests (see :func:`counted_analyses`)."""
        return counted_analyses(self.analyses, self.coverage.duplicate_of if self.coverage else {})

    # ------------------------------------------------------------------ lookups
    @property
    def outlet_names(self) -> tuple[str, ...]:
        """Outlet names, sorted."""
        return tuple(p.name for p in self.profiles)

    def profile(self, outlet: str) -> OutletProfile:
        """The profile of ``outlet`` (KeyError if absent)."""
        for p in self.profiles:
            if p.name == outlet:
                return p
        raise KeyError(outlet)

    def analysis(self, article_id: str) -> AnyAnalysis:
        """The analysis of the article with id ``article_id`` (KeyError if absent)."""
        for a in self.analyses:
            if a.article.id == article_id:
                return a
        raise KeyError(article_id)
