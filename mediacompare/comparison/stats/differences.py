"""Differences between outlets: bootstrap intervals, permutation p-values, BH q-values.

Each comparison is a difference in means of per-article values (outlet A minus outlet B, or
minus all other outlets pooled). Its p-value comes from a two-sided permutation test (labels
shuffled, vectorised), its interval from a bootstrap of each side, and the p-values of all
comparisons passed in one call are adjusted together with Benjamini–Hochberg.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

import numpy as np

from ._resample import bootstrap_means, percentile_interval, random_subsets, rng_for, subset_sums

__all__ = [
    "METHOD_ARTICLE_TEST",
    "METHOD_SENTENCE_TEST",
    "VERDICT_NOISE",
    "VERDICT_REAL",
    "VERDICT_TOO_FEW",
    "Difference",
    "benjamini_hochberg",
    "compare_groups",
    "with_q_values",
]

VERDICT_REAL = "likely real"
VERDICT_NOISE = "could be noise"
VERDICT_TOO_FEW = "too few articles to tell"
METHOD_ARTICLE_TEST = "permutation test over articles"
METHOD_SENTENCE_TEST = "sentence-level (sentences are not independent: p is optimistic)"


@dataclass(frozen=True)
class Difference:
    """One comparison: ``mean_a - mean_b`` with interval, p-value, q-value and verdict.

    Attributes
    ----------
    metric : str
        What was compared (free text given by the caller).
    a, b : str
        Group names; ``b == "rest"`` for one-vs-rest comparisons.
    diff : float
        ``mean_a - mean_b``.
    ci_low, ci_high : float
        Percentile bootstrap interval of the difference (NaN if a side has < 2 values).
    p : float
        Two-sided permutation p-value, ``(1 + #{|T*| >= |T|}) / (1 + n_perm)``.
    q : float
        Benjamini–Hochberg adjusted p-value across the comparisons of one call (or of one
        :func:`with_q_values` call) that use the same ``method``.
    n_a, n_b : int
        Articles on each side.
    verdict : str
        :data:`VERDICT_REAL` (q < alpha), :data:`VERDICT_NOISE`, or :data:`VERDICT_TOO_FEW`.
    method : str
        :data:`METHOD_ARTICLE_TEST` or :data:`METHOD_SENTENCE_TEST` (fallback for outlets
        with fewer than ``min_articles`` articles; its p-value is optimistic).
    """

    metric: str
    a: str
    b: str
    mean_a: float
    mean_b: float
    diff: float
    ci_low: float
    ci_high: float
    p: float
    q: float
    n_a: int
    n_b: int
    verdict: str
    method: str = METHOD_ARTICLE_TEST


def benjamini_hochberg(p_values: Sequence[float] | np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values), as statsmodels' ``fdr_bh``.

    ``q_(i) = min_{j >= i} min(1, m * p_(j) / j)`` over the sorted p-values; NaNs are left
    out of ``m`` and stay NaN.

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, 0.03, 0.20]).round(4).tolist()
    [0.04, 0.0533, 0.0533, 0.2]
    """
    p = np.asarray(p_values, dtype=float)
    q = np.full(p.shape, np.nan)
    ok = np.flatnonzero(np.isfinite(p))
    m = len(ok)
    if m == 0:
        return q
    order = ok[np.argsort(p[ok], kind="mergesort")]
    scaled = p[order] * m / np.arange(1, m + 1)
    q[order] = np.minimum(1.0, np.minimum.accumulate(scaled[::-1])[::-1])
    return q


def _verdict(d: Difference, alpha: float, min_articles: int) -> str:
    if d.method != METHOD_ARTICLE_TEST or min(d.n_a, d.n_b) < min_articles:
        return VERDICT_TOO_FEW
    # Smallest attainable permutation p-value is 1 / C(n_a + n_b, n_a): if that cannot go
    # below alpha (3 vs 3 articles: 1/20), no difference could ever be declared.
    if math.comb(d.n_a + d.n_b, d.n_a) <= 1.0 / alpha:  # exact int/float comparison
        return VERDICT_TOO_FEW
    if not math.isfinite(d.q):
        return VERDICT_TOO_FEW
    return VERDICT_REAL if d.q < alpha else VERDICT_NOISE


def with_q_values(
    differences: Sequence[Difference], *, alpha: float = 0.05, min_articles: int = 3
) -> tuple[Difference, ...]:
    """Recompute q-values and verdicts across ``differences`` (e.g. one report section).

    Use this when the comparisons shown together come from several :func:`compare_groups`
    calls (several metrics): BH must run over everything the reader sees at once. Article-level
    tests and sentence-level fallbacks (:data:`METHOD_SENTENCE_TEST`, optimistic p-values) are
    adjusted as two separate families, so the fallbacks cannot lower article-level q-values.

    Examples
    --------
    >>> tone = compare_groups({"A": [1, 2, 3, 4], "B": [5, 6, 7, 8]}, metric="tone")
    >>> conflict = compare_groups({"A": [0, 1, 0, 1], "B": [1, 0, 1, 0]}, metric="conflict")
    >>> tone[0].verdict  # alone: exact p = 2/70
    'likely real'
    >>> adjusted = with_q_values(tone + conflict)
    >>> [(d.metric, d.verdict) for d in adjusted], adjusted[0].q == 2 * tone[0].p
    ([('tone', 'could be noise'), ('conflict', 'could be noise')], True)
    """
    q = np.full(len(differences), np.nan)
    # Sentence-level p-values are optimistic: adjusting them together with the article-level
    # ones would lower the article-level q-values, so each method is its own BH family.
    for method in dict.fromkeys(d.method for d in differences):
        rows = [i for i, d in enumerate(differences) if d.method == method]
        q[rows] = benjamini_hochberg([differences[i].p for i in rows])
    out = []
    for d, qi in zip(differences, q):
        d = dataclasses.replace(d, q=float(qi))
        out.append(dataclasses.replace(d, verdict=_verdict(d, alpha, min_articles)))
    return tuple(out)


def _values(v: Sequence[float] | np.ndarray) -> np.ndarray:
    x = np.asarray(v, dtype=float).ravel()
    return x[np.isfinite(x)]


class _Resamples:
    """Resamples shared within one call (all streams keyed by the seed, never by call order).

    * Bootstrap means of each group are drawn once (stream keyed by the group name) and reused
      by every comparison the group is in; "rest" combines the other groups' resampled means
      weighted by their sizes (a bootstrap stratified by outlet).
    * Comparisons whose sides have the same sizes ``(N, k)`` share one permutation matrix
      (stream keyed by ``(N, k)``), as in Westfall–Young resampling: each p-value is still an
      exact Monte Carlo permutation p-value; only their Monte Carlo errors are correlated.
    """

    def __init__(self, seed: int, n_perm: int, n_boot: int) -> None:
        self.seed, self.n_perm, self.n_boot = seed, n_perm, n_boot
        self._boot: dict[tuple[str, str], np.ndarray] = {}
        self._subsets: tuple[tuple[int, int], np.ndarray] | None = None

    def boot(self, level: str, name: str, x: np.ndarray) -> np.ndarray:
        key = (level, name)
        if key not in self._boot:
            self._boot[key] = bootstrap_means(x, self.n_boot, rng_for(self.seed, "boot", *key))
        return self._boot[key]

    def subsets(self, n: int, k: int) -> np.ndarray:
        if self._subsets is None or self._subsets[0] != (n, k):  # keep one: bounded memory
            rng = rng_for(self.seed, "perm", str(n), str(k))
            self._subsets = ((n, k), random_subsets(n, k, self.n_perm, rng))
        return self._subsets[1]


def _permutation_p(xa: np.ndarray, xb: np.ndarray, resamples: _Resamples) -> float:
    """Two-sided permutation p-value of the difference in means."""
    na, nb = len(xa), len(xb)
    pooled = np.concatenate([xa, xb])
    if np.ptp(pooled) == 0.0:
        return 1.0
    diff = xa.mean() - xb.mean()
    total = pooled.sum()
    k = min(na, nb)
    sums = subset_sums(pooled, resamples.subsets(na + nb, k))
    sum_a = sums if na == k else total - sums
    stats = sum_a / na - (total - sum_a) / nb
    tol = 1e-9 * max(1.0, abs(diff))
    count = int(np.count_nonzero(np.abs(stats) >= abs(diff) - tol))
    return (1.0 + count) / (1.0 + resamples.n_perm)


def _pool(groups: Sequence[Sequence[Sequence[float]]]) -> np.ndarray:
    parts = [_values(s) for g in groups for s in g]
    return np.concatenate(parts) if parts else np.zeros(0)


def compare_groups(
    values_by_group: Mapping[str, Sequence[float] | np.ndarray],
    *,
    metric: str = "",
    sentence_values_by_group: Mapping[str, Sequence[Sequence[float]]] | None = None,
    pairs: Literal["all", "one-vs-rest", "both"] = "all",
    n_perm: int = 5000,
    n_boot: int = 2000,
    seed: int = 0,
    alpha: float = 0.05,
    min_articles: int = 3,
) -> tuple[Difference, ...]:
    """Compare groups (outlets) pairwise and/or each against the rest.

    Parameters
    ----------
    values_by_group : mapping of group name to per-article values
        NaNs are dropped. Groups are visited in sorted order.
    metric : str
        Label copied into each :class:`Difference`.
    sentence_values_by_group : mapping of group name to per-article sentence values, optional
        Enables the sentence-level fallback when a side has fewer than ``min_articles``
        articles. Sentences of one article are not independent, so those p-values are
        optimistic; their verdict stays :data:`VERDICT_TOO_FEW`.
    pairs : {"all", "one-vs-rest", "both"}
        Every unordered pair ``(a, b)`` with ``a < b``, every group against all others
        pooled (``b == "rest"``), or both (pairs first).
    n_perm, n_boot : int
        Permutations (p-value resolution is ``1 / (1 + n_perm)``) and bootstrap resamples.
    seed : int
        Resampling streams are keyed by the seed and by group names / sample sizes, so adding
        a group does not change the numbers of the other pairs.
    alpha : float
        False discovery rate for the verdict (``q < alpha``).
    min_articles : int
        Fewest articles per side for a verdict other than "too few articles to tell" (3).

    Returns
    -------
    tuple of Difference
        q-values are BH-adjusted across all comparisons returned by this call.

    Examples
    --------
    >>> ds = compare_groups({"A": [0.1, 0.2, 0.3, 0.2, 0.1], "B": [0.6, 0.7, 0.8, 0.7, 0.9],
    ...                      "C": [0.5]}, metric="tone", n_perm=999)
    >>> [(d.a, d.b, round(d.diff, 2), d.verdict) for d in ds]  # doctest: +NORMALIZE_WHITESPACE
    [('A', 'B', -0.56, 'likely real'), ('A', 'C', -0.32, 'too few articles to tell'),
     ('B', 'C', 0.24, 'too few articles to tell')]
    """
    if pairs not in ("all", "one-vs-rest", "both"):
        raise ValueError(f"pairs must be 'all', 'one-vs-rest' or 'both', not {pairs!r}")
    names = sorted(values_by_group)
    values = {g: _values(values_by_group[g]) for g in names}
    sentences = sentence_values_by_group or {}
    pooled_sentences = {g: _pool([sentences[g]]) for g in names if g in sentences}
    jobs: list[tuple[str, str, list[str]]] = []
    if pairs in ("all", "both"):
        jobs += [(a, b, [b]) for a, b in combinations(names, 2)]
    if pairs in ("one-vs-rest", "both"):
        jobs += [(a, "rest", [g for g in names if g != a]) for a in names]

    resamples = _Resamples(seed, n_perm, n_boot)
    prepared = []
    for a, b, others in jobs:
        xa = values[a]
        xb = np.concatenate([values[g] for g in others]) if others else np.zeros(0)
        level, side_a, side_b = "articles", {a: xa}, {g: values[g] for g in others}
        if min(len(xa), len(xb)) < min_articles and all(
            g in pooled_sentences for g in [a, *others]
        ):
            sa, sb = pooled_sentences[a], [pooled_sentences[g] for g in others]
            if len(sa) >= 2 and sum(len(x) for x in sb) >= 2:
                level = "sentences"
                side_a, side_b = {a: sa}, {g: pooled_sentences[g] for g in others}
        prepared.append((a, b, xa, xb, level, side_a, side_b))

    def test_size(item) -> tuple[int, int]:
        ta = np.concatenate(list(item[5].values()))
        tb = np.concatenate(list(item[6].values()))
        return len(ta) + len(tb), min(len(ta), len(tb))

    order = sorted(range(len(prepared)), key=lambda i: test_size(prepared[i]))
    results: list[Difference | None] = [None] * len(prepared)
    for i in order:
        a, b, xa, xb, level, side_a, side_b = prepared[i]
        results[i] = _difference(metric, a, b, xa, xb, level, side_a, side_b, resamples)
    done = [r for r in results if r is not None]  # every slot is filled: order covers them all
    return with_q_values(done, alpha=alpha, min_articles=min_articles)


def _side_boot(side: Mapping[str, np.ndarray], level: str, resamples: _Resamples) -> np.ndarray:
    """Bootstrap means of one side: one group, or several stratified by their sizes.

    A stratum with a single value has the same mean in every resample, so when a side of
    several groups has one, the side is resampled as one pooled sample instead (otherwise
    "rest" made of one-article outlets would get a zero-width interval).
    """
    sizes = [len(x) for x in side.values() if len(x)]
    if len(sizes) > 1 and min(sizes) < 2:
        names = sorted(g for g, x in side.items() if len(x))
        pooled = np.concatenate([side[g] for g in names])
        return resamples.boot(level, "\x1f".join(["pooled", *names]), pooled)
    parts = [(len(x), resamples.boot(level, g, x)) for g, x in side.items() if len(x)]
    total = sum(n for n, _ in parts)
    return np.asarray(sum(n * boot for n, boot in parts) / total)


def _difference(metric, a, b, xa, xb, level, side_a, side_b, resamples) -> Difference:
    nan = math.nan
    ta = np.concatenate(list(side_a.values()))
    tb = np.concatenate(list(side_b.values()))
    diff = float(xa.mean() - xb.mean()) if len(xa) and len(xb) else nan
    lo = hi = p = nan
    if len(ta) and len(tb):
        p = _permutation_p(ta, tb, resamples)
        if len(ta) >= 2 and len(tb) >= 2:
            boot = _side_boot(side_a, level, resamples) - _side_boot(side_b, level, resamples)
            lo, hi = percentile_interval(boot, 0.95)
            # Centre on the reported (article-level) difference: a no-op at article level.
            shift = diff - float(ta.mean() - tb.mean())
            lo, hi = lo + shift, hi + shift
    return Difference(
        metric=metric,
        a=a,
        b=b,
        mean_a=float(xa.mean()) if len(xa) else nan,
        mean_b=float(xb.mean()) if len(xb) else nan,
        diff=diff,
        ci_low=lo,
        ci_high=hi,
        p=p,
        q=nan,
        n_a=len(xa),
        n_b=len(xb),
        verdict=VERDICT_TOO_FEW,
        method=METHOD_SENTENCE_TEST if level == "sentences" else METHOD_ARTICLE_TEST,
    )
