"""Outlet-level aggregates built from per-article analyses: profiles, statistics, provenance.

Everything here reads mergeable per-article results; :func:`mediacompare.compare.compare`
orchestrates it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from .model import ArticleAnalysis

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from .contrast import DistinctiveTerm
    from .outlet_stats import MetricStatistics
    from .vectorize import StoryVerdict

__all__ = [
    "OutletProfile",
    "Similarity",
    "RunInfo",
    "outlet_profile",
    "merge_counts",
    "run_info",
    "tone_statistics",
    "frame_statistics",
]


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


def _mean(values: Sequence[float]) -> float:
    return float(sum(values) / len(values)) if values else float("nan")


def outlet_profile(name: str, group: Sequence[ArticleAnalysis]) -> OutletProfile:
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


def merge_counts(groups: Iterable[Mapping[str, int]]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for counts in groups:
        for term, n in counts.items():
            merged[term] = merged.get(term, 0) + n
    return merged


def run_info(parameters: Mapping[str, Any]) -> RunInfo:
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


#: Tone metrics tested between outlets, with the sentence-level indicator behind each.
TONE_METRICS = {
    "compound_mean": lambda s: s.compound,
    "negative_share": lambda s: float(s.compound <= -0.05),
    "positive_share": lambda s: float(s.compound >= 0.05),
    "tone": None,
}


def tone_statistics(scored: Sequence[ArticleAnalysis], *, seed: int) -> MetricStatistics:
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


def frame_statistics(scored: Sequence[ArticleAnalysis], *, seed: int) -> MetricStatistics:
    """Per outlet: mean generic-frame scores and prevalence, policy/custom shares, model scores."""
    from .outlet_stats import metric_statistics

    values: dict[str, dict[str, list[float]]] = {}
    sentences: dict[str, dict[str, list[tuple[float, ...]]]] = {}

    def add(metric: str, outlet: str, value: float, per_sentence: tuple[float, ...] | None = None) -> None:
        values.setdefault(metric, {}).setdefault(outlet, []).append(float(value))
        if per_sentence is not None:
            sentences.setdefault(metric, {}).setdefault(outlet, []).append(per_sentence)

    for a in scored:
        outlet, frames = a.article.outlet, a.frames
        if frames is not None:
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


#: Style markers compared between outlets (fields of :class:`mediacompare.style.StyleProfile`).
STYLE_METRICS = (
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

    from .outlet_stats import metric_statistics

    values: dict[str, dict[str, list[float]]] = {m: {} for m in STYLE_METRICS}
    sentences: dict[str, dict[str, list[tuple[float, ...]]]] = {}
    for a in scored:
        if a.style is None:
            continue
        for metric in STYLE_METRICS:
            value = getattr(a.style, metric)
            if value is not None and not (isinstance(value, float) and math.isnan(value)):
                values[metric].setdefault(a.article.outlet, []).append(float(value))
                per_sentence = a.style.sentence_values(metric)
                if per_sentence is not None:
                    sentences.setdefault(metric, {}).setdefault(a.article.outlet, []).append(per_sentence)
    return metric_statistics({m: v for m, v in values.items() if v}, sentence_values=sentences, seed=seed)
