"""Corpus-level comparison: outlet profiles, similarity and word choice from per-article analyses.

Everything that needs more than one article lives here and is computed from mergeable
per-article partials (sentence scores, term counts), so it can run after a map-reduce.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analyze import AnalysisOptions, analyze_all
from .errors import NothingUsableError
from .model import Article, ArticleAnalysis, Corpus, InputProblem

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

    from .actors.outlets import ActorComparison
    from .contrast import DistinctiveTerm
    from .outlet_stats import MetricStatistics
    from .stats import Distinguishability
    from .vectorize import StoryVerdict

#: Pairwise word-choice tables grow with the square of the outlets; beyond this many outlets
#: only each-against-the-rest is computed.
MAX_PAIRWISE_OUTLETS = 10

__all__ = ["OutletProfile", "Similarity", "RunInfo", "Comparison", "compare"]


@dataclass(frozen=True)
class OutletProfile:
    """What one outlet's articles look like, aggregated over its scored articles.

    Sentiment figures are means over articles of the per-article values (each article counts
    once, whatever its length).
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


@dataclass(frozen=True)
class Comparison:
    """The result of comparing articles from several outlets.

    Use :attr:`articles` / :attr:`outlets` / :attr:`sentences` / :attr:`terms` for pandas
    DataFrames, :meth:`to_html` / :meth:`to_markdown` / :meth:`to_json` / :meth:`save` for
    reports. In Jupyter the object renders as the HTML report.
    """

    analyses: tuple[ArticleAnalysis, ...]
    profiles: tuple[OutletProfile, ...]
    similarity: Similarity
    pairwise_terms: Mapping[tuple[str, str], tuple[DistinctiveTerm, ...]]
    problems: tuple[InputProblem, ...]
    info: RunInfo
    notes: tuple[str, ...] = field(default=())
    tone_stats: MetricStatistics | None = None
    frame_stats: MetricStatistics | None = None
    actors: ActorComparison | None = None
    distinguishability: tuple[Distinguishability, ...] = ()

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

    def analysis(self, article_id: str) -> ArticleAnalysis:
        """The analysis of the article with id ``article_id`` (KeyError if absent)."""
        for a in self.analyses:
            if a.article.id == article_id:
                return a
        raise KeyError(article_id)

    # ------------------------------------------------------------------ DataFrames
    @property
    def articles(self) -> pd.DataFrame:
        """One row per article: metadata and sentiment scores."""
        from .tables import articles_frame

        return articles_frame(self)

    @property
    def outlets(self) -> pd.DataFrame:
        """One row per outlet: counts and mean scores."""
        from .tables import outlets_frame

        return outlets_frame(self)

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: article, offsets, text and VADER scores."""
        from .tables import sentences_frame

        return sentences_frame(self)

    @property
    def terms(self) -> pd.DataFrame:
        """Distinctive terms of each outlet against all others (log-odds z-scores)."""
        from .tables import terms_frame

        return terms_frame(self)

    # ------------------------------------------------------------------ reports
    def to_html(self) -> str:
        """The full, self-contained HTML report."""
        from .report import render_html

        return render_html(self)

    def to_markdown(self) -> str:
        """The report as GitHub-flavoured Markdown."""
        from .report import render_markdown

        return render_markdown(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON report as plain Python data."""
        from .report import report_data

        return report_data(self)

    def to_json(self, indent: int | None = 2) -> str:
        """The JSON report (see the README for its schema)."""
        from .report import render_json

        return render_json(self, indent=indent)

    def save(self, path: str | os.PathLike[str], format: str | None = None) -> Path:
        """Write the report to ``path`` (format from the suffix unless given) atomically."""
        from .report import save_report

        return save_report(self, Path(path), format)

    def _repr_html_(self) -> str:
        from .report import render_html

        return render_html(self, fragment=True)

    def __repr__(self) -> str:
        return (
            f"<Comparison: {len(self.analyses)} articles from {len(self.profiles)} outlets "
            f"({', '.join(self.outlet_names)}); {self.similarity.verdict.level}>"
        )


# ---------------------------------------------------------------------- building


def _mean(values: Sequence[float]) -> float:
    return float(sum(values) / len(values)) if values else float("nan")


def _outlet_profile(name: str, group: Sequence[ArticleAnalysis]) -> OutletProfile:
    scored = [a for a in group if a.sentiment is not None]
    sent = [a.sentiment for a in scored]
    return OutletProfile(
        name=name,
        n_articles=len(group),
        n_scored=len(scored),
        word_count=sum(a.word_count for a in group),
        compound_mean=_mean([s.compound_mean for s in sent]),
        positive_share=_mean([s.positive_share for s in sent]),
        neutral_share=_mean([s.neutral_share for s in sent]),
        negative_share=_mean([s.negative_share for s in sent]),
        tone=_mean([s.tone.tone for s in sent]),
        polarity=_mean([s.tone.polarity for s in sent]),
        dates=tuple(sorted({a.article.date for a in group if a.article.date})),
    )


def _merge_counts(groups: Iterable[Mapping[str, int]]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for counts in groups:
        for term, n in counts.items():
            merged[term] = merged.get(term, 0) + n
    return merged


def _run_info(parameters: Mapping[str, Any]) -> RunInfo:
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for package in ("mediacompare", "nltk", "vaderSentiment", "scikit-learn", "numpy", "jinja2"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "not installed"
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    created = (
        datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        if epoch and epoch.isdigit()
        else None
    )
    return RunInfo(versions=versions, parameters=dict(parameters), created=created)


def _as_analyses(
    data: Corpus | Sequence[Article] | Sequence[ArticleAnalysis],
    options: AnalysisOptions | None,
    jobs: int,
    backend: str,
    progress,
) -> tuple[tuple[ArticleAnalysis, ...], tuple[InputProblem, ...]]:
    problems = tuple(getattr(data, "problems", ()))
    items = list(data)
    if items and all(isinstance(x, ArticleAnalysis) for x in items):
        return tuple(items), problems
    if not all(isinstance(x, Article) for x in items):
        raise TypeError(
            "compare() takes the result of mediacompare.load(), Articles or ArticleAnalyses"
        )
    return analyze_all(items, options=options, jobs=jobs, backend=backend, progress=progress), problems


def compare(
    data: Corpus | Sequence[Article] | Sequence[ArticleAnalysis],
    *,
    options: AnalysisOptions | None = None,
    jobs: int = 1,
    backend: str = "auto",
    top_terms: int = 15,
    min_term_count: int = 2,
    seed: int = 0,
    progress=None,
) -> Comparison:
    """Compare articles by outlet: tone, word choice and similarity.

    Parameters
    ----------
    data : Corpus, sequence of Article or of ArticleAnalysis
        Usually the result of :func:`mediacompare.load`. Analyses are reused as they are.
    options : AnalysisOptions, optional
    jobs, backend : see :func:`mediacompare.analyze.analyze_all`.
    top_terms : int
        Distinctive terms kept per outlet.
    min_term_count : int
        A term must occur at least this often in an outlet to count as distinctive of it.
    seed : int
        Seed of every resampling (bootstrap intervals, permutation tests): same seed, same report.

    Returns
    -------
    Comparison

    Examples
    --------
    >>> from mediacompare.model import Article
    >>> cmp = compare([
    ...     Article(id="a", outlet="Left", text="Protesters marched peacefully. Police stood by."),
    ...     Article(id="b", outlet="Right", text="Rioters clashed with police. Shops were looted."),
    ... ])
    >>> cmp.outlet_names
    ('Left', 'Right')
    >>> cmp.profile("Right").compound_mean < cmp.profile("Left").compound_mean
    True
    """
    from .actors.outlets import compare_actors
    from .contrast import distinctive_terms, pairwise_distinctive_terms
    from .stats import distinguishability
    from .vectorize import (
        TermCountTfidf,
        article_similarity,
        outlet_similarity,
        story_similarity,
        story_verdict,
    )

    analyses, problems = _as_analyses(data, options, jobs, backend, progress)
    if not analyses:
        raise NothingUsableError(
            "no articles to compare"
            + "".join(f"\n  {p}" for p in problems)
            + "\nGive at least one readable article (see `mediacompare inspect`)."
        )
    notes = []
    by_outlet: dict[str, list[ArticleAnalysis]] = {}
    for a in analyses:
        by_outlet.setdefault(a.article.outlet, []).append(a)
    names = sorted(by_outlet)
    scored = [a for a in analyses if a.scored]
    for a in analyses:
        if a.skipped_reason:
            notes.append(f"{a.article.id}: {a.skipped_reason}")

    counts_by_outlet = {
        name: _merge_counts(a.term_counts for a in by_outlet[name] if a.scored) for name in names
    }
    scored_names = [n for n in names if counts_by_outlet[n]]
    terms = distinctive_terms(
        {n: counts_by_outlet[n] for n in scored_names}, top=top_terms, min_count=min_term_count
    )
    pairwise = pairwise_distinctive_terms(
        {n: counts_by_outlet[n] for n in scored_names}, top=top_terms, min_count=min_term_count
    ) if 2 < len(scored_names) <= MAX_PAIRWISE_OUTLETS else {}
    if len(names) < 2:
        notes.append(
            f"Only one outlet ({names[0]}): this is a profile; comparison needs articles "
            "from at least two outlets."
        )

    profiles = tuple(
        _with_terms(_outlet_profile(name, by_outlet[name]), terms.get(name, ())) for name in names
    )

    import numpy as np

    if scored:
        vectorizer = TermCountTfidf()
        matrix = vectorizer.fit_transform([a.term_counts for a in scored])
        sims = article_similarity(matrix)
        outlet_names, outlet_sims = outlet_similarity(matrix, [a.article.outlet for a in scored])
        # The verdict uses the statistic its thresholds were calibrated on (sublinear TF cosine,
        # no IDF: stable for two articles as for thousands); TF-IDF feeds the heatmaps.
        verdict = story_verdict(
            story_similarity([a.term_counts for a in scored]), [a.article.outlet for a in scored]
        )
        ids = tuple(a.article.id for a in scored)
    else:
        sims, outlet_names, outlet_sims, ids = np.zeros((0, 0)), (), np.zeros((0, 0)), ()
        verdict = story_verdict(sims, [])
    similarity = Similarity(
        article_ids=ids,
        articles=sims,
        outlet_names=tuple(outlet_names),
        outlets=outlet_sims,
        verdict=verdict,
    )
    tone_stats = _tone_statistics(scored, seed=seed)
    frame_stats = _frame_statistics(scored, seed=seed)
    actors = compare_actors(scored, seed=seed)
    pairs = (
        tuple(
            distinguishability(
                matrix, [a.article.outlet for a in scored], a, b,
                feature_names=vectorizer.get_feature_names_out(), seed=seed,
            )
            for i, a in enumerate(scored_names)
            for b in scored_names[i + 1 :]
        )
        if len(scored_names) >= 2
        else ()
    )
    info = _run_info(
        {"top_terms": top_terms, "min_term_count": min_term_count, "jobs": jobs,
         "backend": backend, "seed": seed}
    )
    return Comparison(
        analyses=analyses,
        profiles=profiles,
        similarity=similarity,
        pairwise_terms=pairwise,
        problems=problems,
        info=info,
        notes=tuple(notes),
        tone_stats=tone_stats,
        frame_stats=frame_stats,
        actors=actors,
        distinguishability=pairs,
    )


#: Tone metrics tested between outlets, with the sentence-level indicator behind each.
TONE_METRICS = {
    "compound_mean": lambda s: s.compound,
    "negative_share": lambda s: float(s.compound <= -0.05),
    "positive_share": lambda s: float(s.compound >= 0.05),
    "tone": None,
}


def _tone_statistics(scored: Sequence[ArticleAnalysis], *, seed: int) -> MetricStatistics:
    from .outlet_stats import metric_statistics

    values: dict[str, dict[str, list[float]]] = {m: {} for m in TONE_METRICS}
    sentence_values: dict[str, dict[str, list[list[float]]]] = {
        m: {} for m, f in TONE_METRICS.items() if f
    }
    for a in scored:
        outlet, s = a.article.outlet, a.sentiment
        article_values = {
            "compound_mean": s.compound_mean,
            "negative_share": s.negative_share,
            "positive_share": s.positive_share,
            "tone": s.tone.tone,
        }
        for metric, per_sentence in TONE_METRICS.items():
            values[metric].setdefault(outlet, []).append(article_values[metric])
            if per_sentence:
                sentence_values[metric].setdefault(outlet, []).append(
                    [per_sentence(x) for x in a.sentence_sentiment]
                )
    return metric_statistics(values, sentence_values=sentence_values, seed=seed)


def _frame_statistics(scored: Sequence[ArticleAnalysis], *, seed: int) -> MetricStatistics:
    """Per outlet: mean generic-frame scores and prevalence, policy/custom shares, model scores."""
    from .outlet_stats import metric_statistics

    values: dict[str, dict[str, list[float]]] = {}

    def add(metric: str, outlet: str, value: float) -> None:
        values.setdefault(metric, {}).setdefault(outlet, []).append(float(value))

    for a in scored:
        outlet, frames = a.article.outlet, a.frames
        if frames is not None:
            for name, g in frames.generic.items():
                add(f"generic.{name}", outlet, g.score)
                add(f"generic.{name}.present", outlet, g.present)
            for name, p in frames.policy.items():
                add(f"policy.{name}", outlet, p.share)
            for name, c in frames.custom.items():
                add(f"custom.{name}", outlet, c.share)
                add(f"custom.{name}.present", outlet, c.present)
        for name, probability in a.frame_model_scores.items():
            add(f"model.{name}", outlet, probability)
    policy_used = {
        m for m, by_outlet in values.items()
        if m.startswith("policy.") and any(any(v) for v in by_outlet.values())
    }
    tested = {
        m for m in values
        if not m.endswith(".present") and (not m.startswith("policy.") or m in policy_used)
    }
    return metric_statistics(values, tested=tested, seed=seed)


def _with_terms(profile: OutletProfile, terms: Sequence[DistinctiveTerm]) -> OutletProfile:
    from dataclasses import replace

    return replace(profile, distinctive_terms=tuple(terms))
