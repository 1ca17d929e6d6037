"""Outlet-level statistics for any report section: intervals and tested differences.

Every section (tone, frames, style, actors) hands over per-article values per metric and
outlet; :func:`metric_statistics` returns a 95% interval for every outlet figure and
pairwise / one-vs-rest differences with permutation p-values and Benjamini–Hochberg q-values
adjusted across all comparisons of that section. One mechanism, so every number in a report
explains its uncertainty the same way (see ``docs/statistics.md``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from .stats import Difference, Estimate, compare_groups, with_q_values
from .stats.intervals import estimates_by_outlet

__all__ = ["MAX_PAIRWISE_OUTLETS", "MetricStatistics", "metric_statistics", "outlet_pairs"]

#: Pairwise comparisons grow with the square of the outlets (45 pairs for 10, 378 for 28);
#: beyond this many outlets each outlet is compared with the rest only.
MAX_PAIRWISE_OUTLETS = 10


def outlet_pairs(n_outlets: int) -> str:
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
    n_perm, n_boot, seed : see :func:`mediacompare.stats.compare_groups`.

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
    sentence_values = sentence_values or {}
    estimates = {}
    differences: list[Difference] = []
    for metric in sorted(values):
        by_outlet = values[metric]
        estimates[metric] = estimates_by_outlet(
            by_outlet,
            sentence_values_by_outlet=sentence_values.get(metric),
            n_boot=n_boot,
            seed=seed,
            metric=metric,
        )
        if len(by_outlet) >= 2 and (tested is None or metric in tested):
            differences.extend(
                compare_groups(
                    by_outlet,
                    metric=metric,
                    sentence_values_by_group=sentence_values.get(metric),
                    pairs=outlet_pairs(len(by_outlet)),
                    n_perm=n_perm,
                    n_boot=n_boot,
                    seed=seed,
                )
            )
    return MetricStatistics(estimates, tuple(with_q_values(differences)) if differences else ())
