"""95% intervals for outlet-level figures (bootstrap over articles, or within articles).

An outlet-level figure (mean sentiment, a frame score, a style marker, a prevalence) is the
mean of per-article values. Its interval answers "if this outlet had published a different
set of articles like these, how different could the figure be?" — so the unit that is
resampled is the article. With too few articles that question cannot be answered; we then
fall back to resampling sentences inside each article, which only describes how the figure
depends on the particular sentences of these articles, and the method string says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from ...model import FrozenMapping
from ._resample import (
    bca_interval_of_mean,
    bootstrap_means,
    expanded_percentile_interval,
    percentile_interval,
    rng_for,
    stratified_bootstrap_means,
)

__all__ = [
    "METHOD_ARTICLES",
    "METHOD_BINOMIAL",
    "METHOD_NONE",
    "METHOD_NO_VARIATION",
    "METHOD_SENTENCES",
    "METHOD_TOO_FEW",
    "Estimate",
    "estimates_by_outlet",
    "outlet_estimate",
]

#: Interval from resampling articles (the outlet had at least ``min_articles`` articles).
METHOD_ARTICLES = "bootstrap over articles"
#: Interval from resampling sentences inside each article (too few articles; narrower than an
#: article-level interval would be, because it ignores article-to-article variation).
METHOD_SENTENCES = "within-article (sentence-level)"
#: Every article has the same 0/1 value (e.g. a frame found in none of them): the bootstrap
#: would give a zero-width interval, so the exact (Clopper–Pearson) binomial interval is used.
METHOD_BINOMIAL = "exact binomial (all articles agree)"
#: No interval: fewer than two values.
METHOD_NONE = "none (n<2)"
#: No interval: 2..min_articles-1 articles and no sentence values to fall back on.
METHOD_TOO_FEW = "none (too few articles)"
#: No interval: too few articles, and every sentence has the same value (e.g. a style marker
#: with no cue at all): resampling sentences would give a zero-width interval.
METHOD_NO_VARIATION = "none (same value in every sentence)"


@dataclass(frozen=True)
class Estimate:
    """An outlet-level figure with its 95% interval and how the interval was obtained.

    Attributes
    ----------
    value : float
        Mean of the per-article values (NaN when there are none).
    ci_low, ci_high : float
        Interval bounds; NaN when no interval could be computed (see ``method``).
    n : int
        Number of articles with a finite value.
    method : str
        One of :data:`METHOD_ARTICLES`, :data:`METHOD_SENTENCES`, :data:`METHOD_NONE`,
        :data:`METHOD_TOO_FEW`. Reports must print it next to sentence-level intervals.
    n_sentences : int or None
        Sentences resampled (sentence-level method only).
    confidence : float
        Nominal coverage of the interval.

    Examples
    --------
    >>> e = Estimate(0.1, -0.2, 0.4, 12, METHOD_ARTICLES)
    >>> e.has_interval, round(e.half_width, 2)
    (True, 0.3)
    """

    value: float
    ci_low: float
    ci_high: float
    n: int
    method: str
    n_sentences: int | None = None
    confidence: float = 0.95

    @property
    def has_interval(self) -> bool:
        """True when both bounds are finite."""
        return math.isfinite(self.ci_low) and math.isfinite(self.ci_high)

    @property
    def bounds(self) -> tuple[float, float] | None:
        """``(ci_low, ci_high)``, or None without an interval (for display)."""
        return (self.ci_low, self.ci_high) if self.has_interval else None

    @property
    def half_width(self) -> float:
        """Half the interval width (NaN without an interval)."""
        return (self.ci_high - self.ci_low) / 2.0


def _finite(values: Sequence[float] | np.ndarray) -> np.ndarray:
    x = np.asarray(values, dtype=float).ravel()
    return x[np.isfinite(x)]


def _interval(x: np.ndarray, boot: np.ndarray, confidence: float, kind: str) -> tuple[float, float]:
    if kind == "expanded":
        return expanded_percentile_interval(boot, len(x), confidence)
    if kind == "bca":
        bca = bca_interval_of_mean(x, boot, confidence)
        if bca is not None:
            return bca
    return percentile_interval(boot, confidence)


def outlet_estimate(
    article_values: Sequence[float] | np.ndarray,
    *,
    sentence_values: Sequence[Sequence[float] | np.ndarray] | None = None,
    min_articles: int = 5,
    n_boot: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
    interval: Literal["expanded", "bca", "percentile"] = "expanded",
    key: str = "",
) -> Estimate:
    """Mean of one outlet's per-article values with a bootstrap interval.

    Parameters
    ----------
    article_values : array-like of float
        One value per article (NaNs are dropped: articles where the figure is undefined).
    sentence_values : sequence of array-like, optional
        Per-article arrays of sentence values whose mean is the article's value (sentence
        compound scores for ``compound_mean``; 0/1 indicators for a prevalence). Used only
        when there are fewer than ``min_articles`` articles.
    min_articles : int
        Articles needed for the bootstrap over articles (default 5).
    n_boot : int
        Bootstrap resamples.
    seed : int
        Seed; the same inputs and seed give the same interval.
    confidence : float
        Nominal coverage (0.95).
    interval : {"expanded", "bca", "percentile"}
        Expanded percentile (default; Hesterberg 2015: percentiles widened to Student-t
        tails, which keeps small samples near 95% coverage), BCa (falls back to percentile
        when undefined) or plain percentile. In simulations with skewed scores (300 samples
        each) the expanded interval covered 87–95% at n = 5–10 and 92–96% at n = 20–40,
        where the plain percentile interval covered 80–88% at n = 5–10.
    key : str
        Extra seed material (e.g. the outlet name) so outlets get independent streams.

    Returns
    -------
    Estimate

    Notes
    -----
    * ``n >= min_articles``: bootstrap over articles (:data:`METHOD_ARTICLES`); if every
      article has the same 0/1 value, the exact binomial interval (:data:`METHOD_BINOMIAL`).
    * fewer articles but sentence values: sentences are resampled inside each article, the
      outlet value is the mean of the article means (:data:`METHOD_SENTENCES`). The interval
      is centred on the reported value and is *too narrow* as a statement about the outlet.
    * otherwise no interval (:data:`METHOD_NONE` for n<2, :data:`METHOD_TOO_FEW` else, and
      :data:`METHOD_NO_VARIATION` when every sentence has the same value).

    Examples
    --------
    >>> e = outlet_estimate([0.1, 0.3, -0.2, 0.5, 0.0, 0.2])
    >>> e.method, round(e.value, 3), bool(e.ci_low < e.value < e.ci_high)
    ('bootstrap over articles', 0.15, True)
    >>> outlet_estimate([0.4, 0.1], sentence_values=[[0.5, 0.3], [0.2, 0.0, 0.1]]).method
    'within-article (sentence-level)'
    >>> outlet_estimate([0.4]).method
    'none (n<2)'
    """
    x = _finite(article_values)
    n = len(x)
    value = float(x.mean()) if n else math.nan
    nan = math.nan
    if n >= max(min_articles, 2):
        if np.ptp(x) == 0.0:
            if value in (0.0, 1.0):  # a prevalence no article deviates from: exact binomial
                edge = ((1.0 - confidence) / 2.0) ** (1.0 / n)  # Clopper-Pearson bound
                lo, hi = (0.0, 1.0 - edge) if value == 0.0 else (edge, 1.0)
                return Estimate(value, lo, hi, n, METHOD_BINOMIAL, confidence=confidence)
            return Estimate(value, value, value, n, METHOD_ARTICLES, confidence=confidence)
        boot = bootstrap_means(x, n_boot, rng_for(seed, "outlet", key))
        lo, hi = _interval(x, boot, confidence, interval)
        return Estimate(value, lo, hi, n, METHOD_ARTICLES, confidence=confidence)

    groups = [g for g in (_finite(s) for s in (sentence_values or ())) if len(g)]
    n_sent = sum(len(g) for g in groups)
    if groups and n_sent >= 2 and n >= 1 and np.ptp(np.concatenate(groups)) == 0.0:
        return Estimate(value, nan, nan, n, METHOD_NO_VARIATION, n_sent, confidence=confidence)
    if groups and n_sent >= 2 and n >= 1:
        centre = float(np.mean([g.mean() for g in groups]))
        boot = stratified_bootstrap_means(groups, n_boot, rng_for(seed, "sentences", key))
        lo, hi = percentile_interval(boot, confidence)
        # Centre on the reported value (a no-op when article values are sentence means).
        shift = value - centre
        return Estimate(
            value, lo + shift, hi + shift, n, METHOD_SENTENCES, n_sent, confidence=confidence
        )
    method = METHOD_NONE if n < 2 else METHOD_TOO_FEW
    return Estimate(value, nan, nan, n, method, confidence=confidence)


def estimates_by_outlet(
    values_by_outlet: Mapping[str, Sequence[float] | np.ndarray],
    *,
    sentence_values_by_outlet: Mapping[str, Sequence[Sequence[float]]] | None = None,
    min_articles: int = 5,
    n_boot: int = 2000,
    seed: int = 0,
    metric: str = "",
) -> Mapping[str, Estimate]:
    """:func:`outlet_estimate` for every outlet (sorted), each with its own random stream.

    Examples
    --------
    >>> est = estimates_by_outlet({"B": [0.1, 0.2, 0.4, 0.3, 0.2], "A": [0.5]})
    >>> [(o, e.method) for o, e in est.items()]
    [('A', 'none (n<2)'), ('B', 'bootstrap over articles')]
    """
    sentences = sentence_values_by_outlet or {}
    return FrozenMapping(
        {
            outlet: outlet_estimate(
                values_by_outlet[outlet],
                sentence_values=sentences.get(outlet),
                min_articles=min_articles,
                n_boot=n_boot,
                seed=seed,
                key=f"{metric}\x1f{outlet}",
            )
            for outlet in sorted(values_by_outlet)
        }
    )
