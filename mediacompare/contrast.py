"""Word choice: which terms are distinctive of an outlet, by log-odds with an informative prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5: for a term *w* and two groups
*i*, *j* with counts ``y`` and totals ``n``, and a Dirichlet prior ``α_w`` with ``α0 = Σ α_w``,

    Ω_i = log((y_iw + α_w) / (n_i + α0 − y_iw − α_w))
    δ_w = Ω_i − Ω_j,    σ²_w ≈ 1/(y_iw + α_w) + 1/(y_jw + α_w),    z_w = δ_w / σ_w

A positive ``z`` means the term is used relatively more by group *i*. The prior shrinks rare
terms towards the background rate, so a word used twice by one outlet and never by the other
does not outrank a word used forty times against ten.

Choices made here (documented because they change the numbers):

* **Background**: by default the pooled counts of all groups (the corpus being compared);
  ``α_w = α0 · background share of w``.
* **α0 = 500 by default** (:data:`DEFAULT_ALPHA0`), about one news article's worth of content
  terms. Monroe et al. use the full corpus as prior (α0 = corpus size): with many articles from
  one outlet and few from another that swamps the small outlet's own counts (its estimate is
  pulled most of the way to the pooled rate, which the large outlet dominates). A fixed α0 keeps
  the prior informative (rare terms shrink) while every outlet's own text still decides.
* **Unigrams and bigrams** come mixed in ``term_counts`` (bigrams contain a space). They are
  treated as two multinomials: a unigram is compared with the unigram totals and a bigram with
  the bigram totals, each with its own α0 of the same size, so one kind does not dilute the other.
* **Unigrams inside listed phrases**: showing "jake", "sullivan" and "jake sullivan" says the
  same thing three times. In the top lists a unigram is left out (and the list refilled) when a
  listed bigram contains it and the word is not distinctive on its own outside that phrase:
  fewer than ``min_count`` other uses, or a z <= 0 for the uses outside it. A word that is also
  used distinctively elsewhere stays, and so does a word whose phrase did not make the list.
  Overlapping bigrams of a longer name ("president volodymyr", "volodymyr zelensky") can both
  appear. ``collapse_subsumed=False`` keeps every term; :func:`log_odds` never collapses.
* **Rates** are per 1,000 words of the group; words default to the group's unigram count
  (content words, since stop words are not counted) unless word totals are given.

Examples
--------
>>> left = {"protesters": 6, "peaceful": 3, "police": 4}
>>> right = {"rioters": 5, "looting": 3, "police": 5}
>>> top = distinctive_terms({"Left": left, "Right": right}, top=2)
>>> [t.term for t in top["Left"]], [t.term for t in top["Right"]]
(['protesters', 'peaceful'], ['rioters', 'looting'])
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

__all__ = [
    "DistinctiveTerm",
    "log_odds",
    "distinctive_terms",
    "pairwise_distinctive_terms",
    "DEFAULT_ALPHA0",
]

#: Prior mass per n-gram order (see the module docstring for why this size).
DEFAULT_ALPHA0 = 500.0
#: Pseudo-count for terms missing from an explicitly supplied prior (keeps the logs finite).
ALPHA_FLOOR = 0.01


@dataclass(frozen=True)
class DistinctiveTerm:
    """A term's log-odds contrast between a focal group and the other(s).

    Attributes
    ----------
    term : str
        A unigram, or a bigram (two words joined by a space).
    z : float
        ``delta / sqrt(variance)``; above about 2 the difference is unlikely to be noise.
    delta : float
        Log-odds ratio (focal minus other), prior-smoothed.
    variance : float
        Approximate variance of ``delta``.
    count, count_other : int
        Raw counts in the focal group and in the other group(s).
    rate, rate_other : float
        Counts per 1,000 words in the focal group and in the other group(s).
    """

    term: str
    z: float
    delta: float
    variance: float
    count: int
    count_other: int
    rate: float
    rate_other: float

    @property
    def is_bigram(self) -> bool:
        """Whether the term is a two-word phrase."""
        return " " in self.term


# --------------------------------------------------------------------------- arithmetic


def _orders(vocab: Sequence[str]) -> np.ndarray:
    return np.fromiter((t.count(" ") for t in vocab), dtype=np.int64, count=len(vocab))


def _per_order_totals(values: np.ndarray, orders: np.ndarray) -> np.ndarray:
    """For each term, the total of ``values`` over the terms of its n-gram order."""
    sums = np.bincount(orders, weights=values, minlength=int(orders.max(initial=0)) + 1)
    return sums[orders]


def _log_odds_arrays(
    y_i: np.ndarray,
    y_j: np.ndarray,
    alpha: np.ndarray,
    n_i: np.ndarray,
    n_j: np.ndarray,
    alpha0: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """δ, σ², z for every term (all arguments aligned per term)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        omega_i = np.log(y_i + alpha) - np.log(n_i + alpha0 - y_i - alpha)
        omega_j = np.log(y_j + alpha) - np.log(n_j + alpha0 - y_j - alpha)
        delta = omega_i - omega_j
        variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        z = delta / np.sqrt(variance)
    # A term that is the whole vocabulary of its order on both sides: no contrast.
    bad = ~np.isfinite(delta)
    delta[bad] = 0.0
    z[bad] = 0.0
    return delta, variance, z


def _words(counts: Mapping[str, int]) -> int:
    return int(sum(c for t, c in counts.items() if " " not in t))


def _rate(count: np.ndarray, words: float) -> np.ndarray:
    return count * 1000.0 / words if words > 0 else np.zeros_like(count, dtype=np.float64)


def _validated(counts: Mapping[str, float], what: str) -> dict[str, int]:
    if not isinstance(counts, Mapping):
        raise TypeError(f"{what} must be a mapping of term -> count, got {type(counts).__name__}")
    out = {}
    for term, c in counts.items():
        if not isinstance(term, str) or isinstance(c, bool) or not isinstance(c, (int, np.integer, float)):
            raise TypeError(f"{what}: expected str -> int, got {term!r} -> {c!r}")
        if c < 0 or not math.isfinite(c):
            raise ValueError(f"{what}: count of {term!r} must be >= 0, got {c!r}")
        if c:
            out[term] = int(c) if float(c).is_integer() else c
    return out


def _terms(
    vocab: Sequence[str],
    idx: np.ndarray,
    y_i: np.ndarray,
    y_j: np.ndarray,
    delta: np.ndarray,
    variance: np.ndarray,
    z: np.ndarray,
    words_i: float,
    words_j: float,
) -> list[DistinctiveTerm]:
    rate_i, rate_j = _rate(y_i, words_i), _rate(y_j, words_j)
    return [
        DistinctiveTerm(
            term=vocab[k],
            z=float(z[n]),
            delta=float(delta[n]),
            variance=float(variance[n]),
            count=int(y_i[n]),
            count_other=int(y_j[n]),
            rate=float(rate_i[n]),
            rate_other=float(rate_j[n]),
        )
        for n, k in enumerate(idx)
    ]


def _ranked(terms: list[DistinctiveTerm]) -> list[DistinctiveTerm]:
    return sorted(terms, key=lambda t: (-t.z, t.term))


ResidualZ = Callable[[DistinctiveTerm, DistinctiveTerm], float]


def _top(
    terms: list[DistinctiveTerm], top: int, min_count: int, residual_z: ResidualZ | None
) -> tuple[DistinctiveTerm, ...]:
    """Best ``top`` of the ranked ``terms``, without unigrams explained by a listed bigram.

    A listed unigram is dropped (and the list refilled from below) when a listed bigram contains
    it and the unigram's occurrences outside that phrase (counts minus the bigram's counts, for
    the listed bigram with the largest focal count) are fewer than ``min_count`` or no longer
    distinctive (``residual_z(unigram, bigram) <= 0``). A unigram whose phrase did not make the
    list stays, so the word is not lost.
    """
    if residual_z is None:
        return tuple(terms[:top])
    dropped: set[str] = set()
    while True:
        shown = [t for t in terms if t.term not in dropped][:top]
        phrase: dict[str, DistinctiveTerm] = {}
        for t in shown:
            if t.is_bigram:
                for word in t.term.split(" "):
                    best = phrase.get(word)
                    if best is None or t.count > best.count:
                        phrase[word] = t
        explained = {
            t.term
            for t in shown
            if not t.is_bigram
            and (b := phrase.get(t.term)) is not None
            and (t.count - b.count < min_count or residual_z(t, b) <= 0)
        }
        if not explained:
            return tuple(shown)
        dropped |= explained


# --------------------------------------------------------------------------- public API


def log_odds(
    counts_i: Mapping[str, int],
    counts_j: Mapping[str, int],
    prior: Mapping[str, float] | None = None,
    alpha0: float = DEFAULT_ALPHA0,
    *,
    words_i: int | None = None,
    words_j: int | None = None,
) -> list[DistinctiveTerm]:
    """Log-odds ratio with informative Dirichlet prior for every term of two count mappings.

    Parameters
    ----------
    counts_i, counts_j : Mapping[str, int]
        Term counts of the focal group *i* and the comparison group *j*.
    prior : Mapping[str, float], optional
        Background counts or frequencies; normalised within each n-gram order. Default: the
        pooled counts ``counts_i + counts_j``. Terms missing from it get ``α = ALPHA_FLOOR``.
    alpha0 : float
        Prior mass per n-gram order (``α_w = alpha0 · background share of w``).
    words_i, words_j : int, optional
        Word totals for the rates (default: unigram totals of the counts).

    Returns
    -------
    list of DistinctiveTerm
        Every term with a count on either side, by ``z`` descending, then term.

    Examples
    --------
    >>> terms = log_odds({"war": 5, "peace": 1}, {"war": 2, "peace": 4}, prior={"war": 3, "peace": 1},
    ...                  alpha0=4)
    >>> [(t.term, round(t.delta, 4), round(t.z, 4)) for t in terms]
    [('war', 1.3863, 2.4317), ('peace', -1.3863, -1.6569)]
    """
    if not alpha0 > 0:
        raise ValueError(f"alpha0 must be > 0, got {alpha0!r}")
    ci, cj = _validated(counts_i, "counts_i"), _validated(counts_j, "counts_j")
    vocab = sorted(set(ci) | set(cj))
    if not vocab:
        return []
    orders = _orders(vocab)
    y_i = np.array([ci.get(t, 0) for t in vocab], dtype=np.float64)
    y_j = np.array([cj.get(t, 0) for t in vocab], dtype=np.float64)
    if prior is None:
        background = y_i + y_j
        alpha = alpha0 * background / _per_order_totals(background, orders)
        a0 = np.full(len(vocab), float(alpha0))
    else:
        bg = {t: float(v) for t, v in prior.items() if v > 0}
        bg_orders = _orders(list(bg))
        bg_values = np.fromiter(bg.values(), dtype=np.float64, count=len(bg))
        order_sums = np.bincount(bg_orders, weights=bg_values, minlength=int(orders.max()) + 1)
        share = np.array(
            [bg[t] / order_sums[o] if t in bg else 0.0 for t, o in zip(vocab, orders)]
        )
        alpha = np.where(share > 0, alpha0 * share, ALPHA_FLOOR)
        missing = np.bincount(orders, weights=(share == 0) * ALPHA_FLOOR, minlength=len(order_sums))
        a0 = (np.where(order_sums > 0, alpha0, 0.0) + missing)[orders]
    n_i = _per_order_totals(y_i, orders)
    n_j = _per_order_totals(y_j, orders)
    delta, variance, z = _log_odds_arrays(y_i, y_j, alpha, n_i, n_j, a0)
    wi = _words(ci) if words_i is None else words_i
    wj = _words(cj) if words_j is None else words_j
    return _ranked(_terms(vocab, np.arange(len(vocab)), y_i, y_j, delta, variance, z, wi, wj))


class _Table:
    """Counts of all groups over one shared vocabulary, with the pooled prior."""

    def __init__(self, counts_by_group: Mapping[str, Mapping[str, int]], alpha0: float) -> None:
        import scipy.sparse as sp

        if not alpha0 > 0:
            raise ValueError(f"alpha0 must be > 0, got {alpha0!r}")
        self.names = sorted(counts_by_group)
        groups = [_validated(counts_by_group[g], f"counts of {g!r}") for g in self.names]
        self.vocab = sorted(set().union(*groups)) if groups else []
        self.index = index = {t: k for k, t in enumerate(self.vocab)}
        self.orders = _orders(self.vocab)
        rows, cols, vals = [], [], []
        for g, counts in enumerate(groups):
            for t, c in counts.items():
                rows.append(g)
                cols.append(index[t])
                vals.append(float(c))
        self.matrix = sp.csr_matrix((vals, (rows, cols)), shape=(len(groups), len(self.vocab)))
        self.pooled = np.asarray(self.matrix.sum(axis=0)).ravel()
        n_orders = int(self.orders.max(initial=0)) + 1
        self.totals = np.vstack(
            [np.bincount(self.orders, weights=self.row(g), minlength=n_orders) for g in range(len(groups))]
        ) if groups else np.zeros((0, n_orders))
        pooled_totals = self.totals.sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.alpha = alpha0 * self.pooled / pooled_totals[self.orders]
        self.alpha0 = float(alpha0)
        self.words = [_words(c) for c in groups]

    def row(self, g: int) -> np.ndarray:
        return self.matrix.getrow(g).toarray().ravel()

    def contrast(
        self, y_i: np.ndarray, y_j: np.ndarray, totals_i: np.ndarray, totals_j: np.ndarray, idx: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        o = self.orders[idx]
        a0 = np.full(len(idx), self.alpha0)
        return _log_odds_arrays(y_i[idx], y_j[idx], self.alpha[idx], totals_i[o], totals_j[o], a0)

    def residual_z(self, totals_i: np.ndarray, totals_j: np.ndarray) -> ResidualZ:
        """z of a unigram's occurrences outside a bigram (same prior and totals)."""

        def z(unigram: DistinctiveTerm, bigram: DistinctiveTerm) -> float:
            k = np.array([self.index[unigram.term]])
            y_i = np.zeros(len(self.vocab))
            y_j = np.zeros(len(self.vocab))
            y_i[k] = unigram.count - bigram.count
            y_j[k] = max(unigram.count_other - bigram.count_other, 0)
            return float(self.contrast(y_i, y_j, totals_i, totals_j, k)[2][0])

        return z


def _word_totals(
    table: _Table, word_counts: Mapping[str, int] | None
) -> list[float]:
    if word_counts is None:
        return [float(w) for w in table.words]
    return [float(word_counts.get(name, w)) for name, w in zip(table.names, table.words)]


def distinctive_terms(
    counts_by_group: Mapping[str, Mapping[str, int]],
    *,
    top: int = 15,
    min_count: int = 2,
    alpha0: float = DEFAULT_ALPHA0,
    word_counts: Mapping[str, int] | None = None,
    collapse_subsumed: bool = True,
) -> dict[str, tuple[DistinctiveTerm, ...]]:
    """Terms distinctive of each group against all the other groups pooled (one-vs-rest).

    Parameters
    ----------
    counts_by_group : Mapping[str, Mapping[str, int]]
        Merged term counts per group (outlet).
    top : int
        Terms kept per group.
    min_count : int
        A term must occur at least this often in the focal group.
    alpha0 : float
        Prior mass per n-gram order; the prior is the pooled counts of all groups.
    word_counts : Mapping[str, int], optional
        Word totals per group for the rates (default: unigram totals).
    collapse_subsumed : bool
        Leave out unigrams that only occur inside a listed distinctive bigram.

    Returns
    -------
    dict of str to tuple of DistinctiveTerm
        Groups in name order; terms with ``z > 0`` by ``z`` descending, then term. Empty when
        there are fewer than two groups (comparison needs two).

    Examples
    --------
    >>> distinctive_terms({"Only": {"war": 3}})
    {}
    """
    names = sorted(counts_by_group)
    if len(names) < 2:
        return {}
    table = _Table(counts_by_group, alpha0)
    words = _word_totals(table, word_counts)
    grand = table.totals.sum(axis=0)
    floor = max(min_count, 1)
    result: dict[str, tuple[DistinctiveTerm, ...]] = {}
    for g, name in enumerate(table.names):
        y_i = table.row(g)
        y_j = table.pooled - y_i
        idx = np.flatnonzero(y_i >= floor)
        delta, variance, z = table.contrast(y_i, y_j, table.totals[g], grand - table.totals[g], idx)
        keep = z > 0
        idx, delta, variance, z = idx[keep], delta[keep], variance[keep], z[keep]
        terms = _terms(
            table.vocab, idx, y_i[idx], y_j[idx], delta, variance, z, words[g], sum(words) - words[g]
        )
        residual = table.residual_z(table.totals[g], grand - table.totals[g]) if collapse_subsumed else None
        result[name] = _top(_ranked(terms), top, floor, residual)
    return result


def pairwise_distinctive_terms(
    counts_by_group: Mapping[str, Mapping[str, int]],
    *,
    top: int = 15,
    min_count: int = 2,
    alpha0: float = DEFAULT_ALPHA0,
    word_counts: Mapping[str, int] | None = None,
    collapse_subsumed: bool = True,
) -> dict[tuple[str, str], tuple[DistinctiveTerm, ...]]:
    """Terms distinctive of group *a* against group *b*, for every ordered pair ``(a, b)``.

    The prior is the pooled counts of *all* groups, the same for every pair. ``(a, b)`` and
    ``(b, a)`` come from one computation (``δ_ab = −δ_ba``). Parameters as for
    :func:`distinctive_terms`; cost grows with the square of the number of groups.

    Returns
    -------
    dict of (str, str) to tuple of DistinctiveTerm
        Keys in name order; empty with fewer than two groups.

    Examples
    --------
    >>> pairs = pairwise_distinctive_terms(
    ...     {"A": {"war": 6, "talks": 1}, "B": {"war": 1, "talks": 6}, "C": {"aid": 5}}, top=1)
    >>> [(k, v[0].term) for k, v in pairs.items() if v]
    [(('A', 'B'), 'war'), (('A', 'C'), 'war'), (('B', 'A'), 'talks'), (('B', 'C'), 'talks'), (('C', 'A'), 'aid'), (('C', 'B'), 'aid')]
    """
    names = sorted(counts_by_group)
    if len(names) < 2:
        return {}
    table = _Table(counts_by_group, alpha0)
    words = _word_totals(table, word_counts)
    found: dict[tuple[str, str], tuple[DistinctiveTerm, ...]] = {}
    floor = max(min_count, 1)
    for a, b in combinations(range(len(table.names)), 2):
        y_a, y_b = table.row(a), table.row(b)
        idx = np.flatnonzero((y_a > 0) | (y_b > 0))
        delta, variance, z = table.contrast(y_a, y_b, table.totals[a], table.totals[b], idx)
        for (f, o), sign, y_f, y_o in (((a, b), 1.0, y_a, y_b), ((b, a), -1.0, y_b, y_a)):
            keep = (sign * z > 0) & (y_f[idx] >= floor)
            k = idx[keep]
            terms = _terms(
                table.vocab, k, y_f[k], y_o[k], sign * delta[keep], variance[keep], sign * z[keep],
                words[f], words[o],
            )
            residual = table.residual_z(table.totals[f], table.totals[o]) if collapse_subsumed else None
            found[(table.names[f], table.names[o])] = _top(_ranked(terms), top, floor, residual)
    return {key: found[key] for key in sorted(found)}
