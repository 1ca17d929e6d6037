"""Vectorised resampling kernels shared by the statistics modules.

Resamples are index matrices (one row per resample) processed in memory-bounded chunks; no
Python loop runs over resamples. Random streams are derived from ``(seed, *keys)`` with
:class:`numpy.random.SeedSequence`, so a comparison's result does not depend on which other
comparisons were computed in the same call.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

#: Upper bound on the number of elements of one resampling index matrix chunk (~32 MB int64).
CHUNK_ELEMENTS = 1 << 22


def rng_for(seed: int, *keys: str) -> np.random.Generator:
    """A generator seeded by ``seed`` and string keys (stable across runs and platforms).

    Examples
    --------
    >>> a = rng_for(0, "x", "y").random(); b = rng_for(0, "x", "y").random()
    >>> a == b, a == rng_for(0, "y", "x").random()
    (True, False)
    """
    entropy = [int(seed) & 0xFFFFFFFF] + [zlib.crc32(k.encode("utf-8")) for k in keys]
    return np.random.default_rng(np.random.SeedSequence(entropy))


def _chunks(n_resamples: int, width: int) -> list[int]:
    rows = max(1, CHUNK_ELEMENTS // max(width, 1))
    sizes = [rows] * (n_resamples // rows)
    if n_resamples % rows:
        sizes.append(n_resamples % rows)
    return sizes


#: From this many values on, the bootstrap distribution of a mean is drawn from its normal limit
#: (same centre, standard error sd/√n) instead of resampling: with a thousand or more values
#: the two agree within Monte Carlo error, and the cost no longer grows with n × resamples
#: (the "rest" side of a corpus with many outlets holds tens of thousands of sentences).
NORMAL_LIMIT = 1000


def bootstrap_means(x: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Means of ``n_boot`` bootstrap resamples of ``x`` (resamples drawn as index matrices;
    from :data:`NORMAL_LIMIT` values on, from the normal limit of that distribution).

    Examples
    --------
    >>> m = bootstrap_means(np.array([1.0, 2.0, 3.0]), 1000, np.random.default_rng(0))
    >>> m.shape, bool(1.0 <= m.min() and m.max() <= 3.0)
    ((1000,), True)
    >>> big = np.random.default_rng(1).exponential(size=5000)
    >>> m = bootstrap_means(big, 2000, np.random.default_rng(0))
    >>> bool(abs(m.std() / (big.std() / np.sqrt(5000)) - 1) < 0.05)
    True
    """
    n = len(x)
    if n >= NORMAL_LIMIT:
        return rng.normal(float(x.mean()), float(x.std()) / np.sqrt(n), n_boot)
    return resampled_means(x, bootstrap_indices(n, n_boot, rng))


def bootstrap_indices(n: int, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """The ``(n_boot, n)`` index matrix of :func:`bootstrap_means` for ``n`` values
    (below :data:`NORMAL_LIMIT`, so at most 8 kB per resample), drawn chunk by chunk.

    Examples
    --------
    >>> bootstrap_indices(3, 4, np.random.default_rng(0)).shape
    (4, 3)
    """
    if n >= NORMAL_LIMIT:
        raise ValueError(f"{n} values: bootstrap means come from the normal limit")
    return np.concatenate(
        [rng.integers(0, n, size=(size, n)) for size in _chunks(n_boot, n)]
    )


def resampled_means(x: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """Mean of ``x`` over each row of ``indices`` (gathered in memory-bounded chunks).

    Examples
    --------
    >>> resampled_means(np.array([1.0, 3.0]), np.array([[0, 0], [0, 1]])).tolist()
    [1.0, 2.0]
    """
    out = np.empty(len(indices))
    n = indices.shape[1]
    pos = 0
    for size in _chunks(len(indices), n):
        out[pos : pos + size] = x.take(indices[pos : pos + size]).mean(axis=1)
        pos += size
    return out


def stratified_bootstrap_means(
    groups: Sequence[np.ndarray], n_boot: int, rng: np.random.Generator
) -> np.ndarray:
    """Mean over groups of each group's resampled mean (each group resampled on its own).

    Used for the within-article interval: sentences are resampled inside their article and
    the outlet value is the mean of the article means. The loop runs over groups (articles),
    never over resamples.
    """
    total = np.zeros(n_boot)
    for g in groups:
        total += bootstrap_means(np.asarray(g, dtype=float), n_boot, rng)
    return total / len(groups)


def random_subsets(n: int, k: int, n_perm: int, rng: np.random.Generator) -> np.ndarray:
    """``n_perm`` uniformly random ``k``-subsets of ``range(n)`` as an ``(n_perm, k)`` matrix.

    A random relabelling of ``n`` pooled values into groups of ``k`` and ``n - k`` is fully
    described by the positions that land in the first group, so these rows are the
    permutations of a two-group permutation test. Floyd's algorithm, vectorised over the
    resamples: ``k`` steps, each drawing one position for *all* resamples at once, so the cost
    is O(n_perm * k) instead of O(n_perm * n) for full permutations. Pass the smaller group's
    size as ``k``.

    Examples
    --------
    >>> s = random_subsets(4, 2, 3000, np.random.default_rng(0))
    >>> s.shape, sorted({tuple(sorted(r)) for r in s.tolist()})
    ((3000, 2), [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
    """
    if not 0 <= k <= n:
        raise ValueError(f"subset size {k} outside 0..{n}")
    out = np.empty((n_perm, k), dtype=np.int32)
    pos = 0
    for size in _chunks(n_perm, n):
        chosen = np.zeros(size * n, dtype=bool)
        offset = np.arange(size, dtype=np.int64) * n
        uniforms = rng.random((k, size))
        for step, j in enumerate(range(n - k, n)):
            t = (uniforms[step] * (j + 1)).astype(np.int64)  # uniform on 0..j
            t[chosen.take(offset + t)] = j  # Floyd: already taken -> take j instead
            chosen.put(offset + t, True)
            out[pos : pos + size, step] = t
        pos += size
    return out


def subset_sums(z: np.ndarray, subsets: np.ndarray) -> np.ndarray:
    """Sum of ``z`` over each row of ``subsets`` (gathered in memory-bounded chunks).

    Examples
    --------
    >>> subset_sums(np.array([1.0, 10.0, 100.0]), np.array([[0, 1], [1, 2]])).tolist()
    [11.0, 110.0]
    """
    out = np.empty(len(subsets))
    width = max(subsets.shape[1], 1)
    step = max(1, CHUNK_ELEMENTS // width)
    for start in range(0, len(subsets), step):
        out[start : start + step] = z.take(subsets[start : start + step]).sum(axis=1)
    return out


def percentile_interval(boot: np.ndarray, confidence: float) -> tuple[float, float]:
    """Equal-tailed percentile interval of a bootstrap distribution."""
    tail = (1.0 - confidence) / 2.0
    lo, hi = np.quantile(boot, [tail, 1.0 - tail])
    return float(lo), float(hi)


def expanded_percentile_interval(
    boot: np.ndarray, n: int, confidence: float
) -> tuple[float, float]:
    """Expanded percentile interval (Hesterberg 2015) for a mean of ``n`` values.

    The percentile interval is too narrow for small samples: the bootstrap spread uses the
    plug-in variance (divisor ``n``) and normal rather than Student-t tails. The expanded
    interval takes the percentiles at ``Φ(-sqrt(n/(n-1)) · t_{n-1, 1-α/2})`` instead of
    ``α/2``: 0.1% / 99.9% for n = 5, 1.6% / 98.4% for n = 20, approaching 2.5% / 97.5%.

    Examples
    --------
    >>> boot = np.random.default_rng(0).normal(size=100_000)
    >>> [round(v, 1) for v in expanded_percentile_interval(boot, 1000, 0.95)]
    [-2.0, 2.0]
    """
    from scipy.special import ndtr, stdtrit  # ufuncs: much cheaper than scipy.stats objects

    tail = (1.0 - confidence) / 2.0
    z = np.sqrt(n / (n - 1.0)) * stdtrit(n - 1, 1.0 - tail)
    level = float(ndtr(-z))
    lo, hi = np.quantile(boot, [level, 1.0 - level])
    return float(lo), float(hi)


def bca_interval_of_mean(
    x: np.ndarray, boot: np.ndarray, confidence: float
) -> tuple[float, float] | None:
    """Bias-corrected and accelerated (BCa) interval of the mean (Efron 1987).

    The acceleration comes from the jackknife, which for the mean is closed-form
    (leave-one-out means are ``(sum - x_i) / (n - 1)``), so BCa costs no more than the
    percentile interval. Returns ``None`` when BCa is undefined (every resample on one side
    of the estimate, or no spread), so the caller can fall back to the percentile interval.

    Examples
    --------
    >>> x = np.array([0.0, 0.0, 0.0, 0.0, 1.0, 5.0])
    >>> boot = bootstrap_means(x, 4000, np.random.default_rng(0))
    >>> lo, hi = bca_interval_of_mean(x, boot, 0.95)
    >>> bool(lo < x.mean() < hi)
    True
    """
    from scipy.special import ndtr, ndtri

    n = len(x)
    theta = x.mean()
    # Ties count half, so mirror-image data get mirror-image intervals (discrete scores).
    below = float(np.mean(boot < theta) + 0.5 * np.mean(boot == theta))
    if n < 3 or not 0.0 < below < 1.0:
        return None
    jack = (x.sum() - x) / (n - 1)
    d = jack.mean() - jack
    denom = 6.0 * float(np.sum(d**2)) ** 1.5
    if denom == 0.0:
        return None
    accel = float(np.sum(d**3)) / denom
    z0 = float(ndtri(below))
    tail = (1.0 - confidence) / 2.0
    levels = []
    for z_alpha in (ndtri(tail), ndtri(1.0 - tail)):
        shifted = z0 + z_alpha
        levels.append(float(ndtr(z0 + shifted / (1.0 - accel * shifted))))
    if not all(np.isfinite(levels)):
        return None
    lo, hi = np.quantile(boot, levels)
    return float(lo), float(hi)
