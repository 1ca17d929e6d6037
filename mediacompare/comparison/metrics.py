"""Outlet-level figures: profiles, intervals and tested differences, and run provenance.

Every section (tone, frames, style, actors) hands over per-article values per metric and
outlet; :func:`metric_statistics` returns a 95% interval for every outlet figure and
pairwise / one-vs-rest differences with permutation p-values and Benjamini–Hochberg q-values
adjusted across all comparisons of that section. One mechanism, so every number in a report
explains its uncertainty the same way (see ``docs/statistics.md``).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Literal

from .._resources import version
from ..analysis.records import AnyAnalysis, ArticleAnalysis
from .records import MetricStatistics, OutletProfile, RunInfo

if TYPE_CHECKING:  # pragma: no cover
    from .stats import Difference
    from .words import DistinctiveTerm

__all__ = [
    "MAX_PAIRWISE_OUTLETS",
    "frame_statistics",
    "merge_counts",
    "metric_statistics",
    "outlet_pairs",
    "outlet_profile",
    "run_info",
    "style_statistics",
    "tone_statistics",
    "with_terms",
]

#: Pairwise comparisons grow with the square of the outlets (45 pairs for 10, 378 for 28);
#: beyond this many outlets each outlet is compared with the rest only.
MAX_PAIRWISE_OUTLETS = 10


def outlet_pairs(n_outlets: int) -> Literal["all", "both", "one-vs-rest"]:
    """Which comparisons to make among ``n_outlets``: the one pair, every pair and each outlet
    against the rest, or (more than :data:`MAX_PAIRWISE_OUTLETS`) each against the rest only.

    Examples
    --------
    >>> outlet_pairs(2), outlet_pairs(5), outlet_pairs(30)
    ('all', 'both', 'one-vs-rest')
    """
    if n_outlets <= 2:
        return "all"
    return "both" if n_outlets <= MAX_PAIRWISE_OUTLETS else "one-vs-rest"


EMPTY = MetricStatistics({}, ())


def metric_statistics(
    values: Mapping[str, Mapping[str, Sequence[float]]],
    *,
    sentence_values: Mapping[str, Mapping[str, Sequence[Sequence[float]]]] | None = None,
    tested: Collection[str] | None = None,
    n_perm: int = 2000,
    n_boot: int = 2000,
    seed: int = 0,
) -> MetricStatistics:
    """Intervals and differences for several metrics at once.

    Parameters
    ----------
    values : mapping metric → outlet → per-article values
    sentence_values : mapping metric → outlet → per-article sentence values, optional
        Enables the labelled within-article interval for outlets with few articles.
    tested : collection of str, optional
        Metrics whose outlet differences are tested (default: all); the others only get
        intervals (e.g. a prevalence shown beside the score that is tested).
    n_perm, n_boot, seed : see :func:`mediacompare.comparison.stats.compare_groups`.

    Returns
    -------
    MetricStatistics
        Comparisons chosen by :func:`outlet_pairs`. q-values are adjusted across all metrics
        and comparisons passed.

    Examples
    --------
    >>> st = metric_statistics({"tone": {"A": [1.0, 2.0, 1.5, 1.2, 1.8], "B": [-1.0, -2.0, -1.5, -1.1, -1.9]}})
    >>> st.estimate("tone", "A").method
    'bootstrap over articles'
    >>> [(d.a, d.b, d.verdict) for d in st.differences_for("tone")]
    [('A', 'B', 'likely real')]
    """
    from .stats import compare_metrics, with_q_values  # numpy: not at `import mediacompare`
    from .stats.intervals import estimates_by_outlet

    sentence_values = sentence_values or {}
    estimates = {
        metric: estimates_by_outlet(
            values[metric],
            sentence_values_by_outlet=sentence_values.get(metric),
            n_boot=n_boot,
            seed=seed,
            metric=metric,
        )
        for metric in sorted(values)
    }
    compared = [m for m in sorted(values) if len(values[m]) >= 2 and (tested is None or m in tested)]
    by_pairs: dict[Literal["all", "both", "one-vs-rest"], list[str]] = {}
    for metric in compared:  # one call per kind of comparison: its metrics share resamples
        by_pairs.setdefault(outlet_pairs(len(values[metric])), []).append(metric)
    found: dict[str, list[Difference]] = {}
    for pairs, metrics in by_pairs.items():
        for d in compare_metrics({m: values[m] for m in metrics}, sentence_values_by_metric=sentence_values,
                                 pairs=pairs, n_perm=n_perm, n_boot=n_boot, seed=seed):
            found.setdefault(d.metric, []).append(d)
    differences = [d for metric in compared for d in found.get(metric, ())]
    return MetricStatistics(estimates, tuple(with_q_values(differences)) if differences else ())


def _mean(values: Sequence[float]) -> float:
    return float(sum(values) / len(values)) if values else float("nan")


def outlet_profile(name: str, group: Sequence[AnyAnalysis]) -> OutletProfile:
    sent = [a.sentiment for a in group if isinstance(a, ArticleAnalysis)]
    return OutletProfile(
        name=name,
        n_articles=len(group),
        n_scored=len(sent),
        word_count=sum(a.word_count for a in group),
        compound_mean=_mean([s.compound_mean for s in sent]),
        positive_share=_mean([s.positive_share for s in sent]),
        neutral_share=_mean([s.neutral_share for s in sent]),
        negative_share=_mean([s.negative_share for s in sent]),
        tone=_mean([s.tone.tone for s in sent]),
        polarity=_mean([s.tone.polarity for s in sent]),
        dates=tuple(sorted({a.article.date for a in group if a.article.date})),
    )


def merge_counts(groups: Iterable[Mapping[str, int]]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for counts in groups:
        for term, n in counts.items():
            merged[term] = merged.get(term, 0) + n
    return merged


def run_info(parameters: Mapping[str, Any]) -> RunInfo:
    versions = {}
    for package in ("mediacompare", "nltk", "vaderSentiment", "scikit-learn", "numpy", "jinja2"):
        found = version(package)
        versions[package] = "not installed" if found == "unknown" else found
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    created = (
        datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        if epoch and epoch.isdigit()
        else None
    )
    return RunInfo(versions=versions, parameters=dict(parameters), created=created)


#: Tone metrics tested between outlets, with the sentence-level indicator behind each.
TONE_METRICS = {
    "compound_mean": lambda s: s.compound,
    "negative_share": lambda s: float(s.compound <= -0.05),
    "positive_share": lambda s: float(s.compound >= 0.05),
    "tone": None,
}


def tone_statistics(scored: Sequence[ArticleAnalysis], *, seed: int) -> MetricStatistics:
    values: dict[str, dict[str, list[float]]] = {m: {} for m in TONE_METRICS}
    sentence_values: dict[str, dict[str, list[list[float]]]] = {
        m: {} for m, f in TONE_METRICS.items() if f
    }
    for a in scored:
        outlet, s = a.article.outlet, a.sentiment
        assert s is not None, "tone_statistics takes scored articles only"
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


def frame_statistics(scored: Sequence[ArticleAnalysis], *, seed: int) -> MetricStatistics:
    """Per outlet: mean generic-frame scores and prevalence, policy/custom shares, model scores."""
    values: dict[str, dict[str, list[float]]] = {}
    sentences: dict[str, dict[str, list[tuple[float, ...]]]] = {}

    def add(metric: str, outlet: str, value: float, per_sentence: tuple[float, ...] | None = None) -> None:
        values.setdefault(metric, {}).setdefault(outlet, []).append(float(value))
        if per_sentence is not None:
            sentences.setdefault(metric, {}).setdefault(outlet, []).append(per_sentence)

    for a in scored:
        outlet, frames = a.article.outlet, a.frames
        for name, g in frames.generic.items():
            add(f"generic.{name}", outlet, g.score)
            add(f"generic.{name}.present", outlet, g.present)
        for name, p in frames.policy.items():
            add(f"policy.{name}", outlet, p.share, p.sentence_shares)
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
    return metric_statistics(values, sentence_values=sentences, tested=tested, seed=seed)


def with_terms(profile: OutletProfile, terms: Sequence[DistinctiveTerm]) -> OutletProfile:
    return replace(profile, distinctive_terms=tuple(terms))


#: Style markers compared between outlets (fields of :class:`mediacompare.analysis.style.StyleProfile`).
STYLE_METRICS = (
    "loaded_language",
    "sensationalism",
    "exclamations",
    "intensifiers",
    "superlatives",
    "all_caps",
    "emotive_idioms",
    "hedges",
    "subjectivity",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "headline_body_gap",
    "quoted_share",
)


def style_statistics(scored: Sequence[ArticleAnalysis], *, seed: int) -> MetricStatistics:
    """Per outlet: mean of each style marker with intervals and tested differences."""
    import math

    values: dict[str, dict[str, list[float]]] = {m: {} for m in STYLE_METRICS}
    sentences: dict[str, dict[str, list[tuple[float, ...]]]] = {}
    for a in scored:
        for metric in STYLE_METRICS:
            value = getattr(a.style, metric)
            if value is not None and not (isinstance(value, float) and math.isnan(value)):
                values[metric].setdefault(a.article.outlet, []).append(float(value))
                per_sentence = a.style.sentence_values(metric)
                if per_sentence is not None:
                    sentences.setdefault(metric, {}).setdefault(a.article.outlet, []).append(per_sentence)
    return metric_statistics({m: v for m, v in values.items() if v}, sentence_values=sentences, seed=seed)
