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

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from numbers import Real

import numpy as np

__all__ = [
    "DEFAULT_ALPHA0",
    "DistinctiveTerm",
    "distinctive_terms",
    "log_odds",
    "pairwise_distinctive_terms",
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


def _words(counts: Mapping[str, float]) -> int:
    return int(sum(c for t, c in counts.items() if " " not in t))


def _rate(count: np.ndarray, words: float) -> np.ndarray:
    return count * 1000.0 / words if words > 0 else np.zeros_like(count, dtype=np.float64)


def _arrays(counts: Mapping[str, float], what: str) -> tuple[list[str], np.ndarray]:
    """Terms and positive counts of a mapping, validated with array operations."""
    if not isinstance(counts, Mapping):
        raise TypeError(f"{what} must be a mapping of term -> count, got {type(counts).__name__}")
    terms = list(counts.keys())
    try:
        values = np.fromiter(counts.values(), dtype=np.float64, count=len(terms))
    except (TypeError, ValueError):
        bad = next(
            (t, c) for t, c in counts.items() if isinstance(c, bool) or not isinstance(c, Real)
        )
        raise TypeError(f"{what}: expected str -> int, got {bad[0]!r} -> {bad[1]!r}") from None
    invalid = (values < 0) | ~np.isfinite(values)
    if invalid.any():
        k = int(np.flatnonzero(invalid)[0])
        raise ValueError(f"{what}: count of {terms[k]!r} must be >= 0, got {values[k]!r}")
    if not all(isinstance(t, str) for t in terms):
        odd = next(t for t in terms if not isinstance(t, str))
        raise TypeError(f"{what}: expected str -> int, got term {odd!r}")
    keep = values > 0
    if not keep.all():
        terms = [t for t, k in zip(terms, keep) if k]
        values = values[keep]
    return terms, values


def _validated(counts: Mapping[str, float], what: str) -> dict[str, float]:
    terms, values = _arrays(counts, what)
    return dict(zip(terms, values.tolist()))


class _Ranked(Sequence[DistinctiveTerm]):
    """Terms ranked by z descending, then term, built into records only when looked at.

    A one-vs-rest contrast over a large corpus has tens of thousands of positive terms of which
    a report shows fifteen; ranking is done on arrays and records are made lazily. ``vocab``
    must be sorted, so that a smaller index means an alphabetically earlier term.
    """

    def __init__(
        self,
        vocab: Sequence[str],
        idx: np.ndarray,
        y_i: np.ndarray,
        y_j: np.ndarray,
        delta: np.ndarray,
        variance: np.ndarray,
        z: np.ndarray,
        words_i: float,
        words_j: float,
    ) -> None:
        self._vocab, self._idx = vocab, idx
        self._y_i, self._y_j = y_i, y_j
        self._delta, self._variance, self._z = delta, variance, z
        self._rate_i, self._rate_j = _rate(y_i, words_i), _rate(y_j, words_j)
        self._order = np.lexsort((idx, -z))
        self._made: dict[int, DistinctiveTerm] = {}

    def __len__(self) -> int:
        return len(self._order)

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [self[k] for k in range(*n.indices(len(self)))]
        if n < 0:
            n += len(self)
        term = self._made.get(n)
        if term is None:
            k = self._order[n]
            term = self._made[n] = DistinctiveTerm(
                term=self._vocab[self._idx[k]],
                z=float(self._z[k]),
                delta=float(self._delta[k]),
                variance=float(self._variance[k]),
                count=int(self._y_i[k]),
                count_other=int(self._y_j[k]),
                rate=float(self._rate_i[k]),
                rate_other=float(self._rate_j[k]),
            )
        return term


ResidualZ = Callable[[DistinctiveTerm, DistinctiveTerm], float]


def _first(terms: Sequence[DistinctiveTerm], top: int, dropped: set[str]) -> list[DistinctiveTerm]:
    shown: list[DistinctiveTerm] = []
    for n in range(len(terms)):
        if len(shown) >= top:
            break
        t = terms[n]
        if t.term not in dropped:
            shown.append(t)
    return shown


def _top(
    terms: Sequence[DistinctiveTerm], top: int, min_count: int, residual_z: ResidualZ | None
) -> tuple[DistinctiveTerm, ...]:
    """Best ``top`` of the ranked ``terms``, without unigrams explained by a listed bigram.

    A listed unigram is dropped (and the list refilled from below) when a listed bigram contains
    it and the unigram's occurrences outside that phrase (counts minus the bigram's counts, for
    the listed bigram with the largest focal count) are fewer than ``min_count`` or no longer
    distinctive (``residual_z(unigram, bigram) <= 0``). A unigram whose phrase did not make the
    list stays, so the word is not lost.
    """
    dropped: set[str] = set()
    while True:
        shown = _first(terms, top, dropped)
        if residual_z is None:
            return tuple(shown)
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
    >>> i, j = {"war": 5, "peace": 1}, {"war": 2, "peace": 4}
    >>> terms = log_odds(i, j, prior={"war": 3, "peace": 1}, alpha0=4)
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
        share = np.array([bg[t] / order_sums[o] if t in bg else 0.0 for t, o in zip(vocab, orders)])
        alpha = np.where(share > 0, alpha0 * share, ALPHA_FLOOR)
        missing = np.bincount(orders, weights=(share == 0) * ALPHA_FLOOR, minlength=len(order_sums))
        a0 = (np.where(order_sums > 0, alpha0, 0.0) + missing)[orders]
    n_i = _per_order_totals(y_i, orders)
    n_j = _per_order_totals(y_j, orders)
    delta, variance, z = _log_odds_arrays(y_i, y_j, alpha, n_i, n_j, a0)
    wi = _words(ci) if words_i is None else words_i
    wj = _words(cj) if words_j is None else words_j
    return list(_Ranked(vocab, np.arange(len(vocab)), y_i, y_j, delta, variance, z, wi, wj))


class _Table:
    """Counts of all groups over one shared vocabulary, with the pooled prior."""

    def __init__(self, counts_by_group: Mapping[str, Mapping[str, int]], alpha0: float) -> None:
        import scipy.sparse as sp

        if not alpha0 > 0:
            raise ValueError(f"alpha0 must be > 0, got {alpha0!r}")
        self.names = sorted(counts_by_group)
        parts = [_arrays(counts_by_group[g], f"counts of {g!r}") for g in self.names]
        self.vocab: list[str] = sorted(set().union(*(terms for terms, _ in parts)))
        index = {t: k for k, t in enumerate(self.vocab)}
        cols = np.fromiter(
            (index[t] for terms, _ in parts for t in terms),
            dtype=np.int64,
            count=sum(len(terms) for terms, _ in parts),
        )
        self.orders = _orders(self.vocab)
        rows = np.repeat(np.arange(len(parts)), [len(terms) for terms, _ in parts])
        vals = np.concatenate([v for _, v in parts]) if parts else np.zeros(0)
        self.matrix = sp.csr_matrix((vals, (rows, cols)), shape=(len(parts), len(self.vocab)))
        self.matrix.sort_indices()
        self.pooled = np.asarray(self.matrix.sum(axis=0)).ravel()
        n_orders = int(self.orders.max(initial=0)) + 1
        self.totals = np.zeros((len(parts), n_orders))
        for g in range(len(parts)):
            c, v = self.sparse_row(g)
            self.totals[g] = np.bincount(self.orders[c], weights=v, minlength=n_orders)
        pooled_totals = self.totals.sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.alpha = alpha0 * self.pooled / pooled_totals[self.orders]
        self.alpha0 = float(alpha0)
        self.words = self.totals[:, 0].tolist()  # unigram totals

    def sparse_row(self, g: int) -> tuple[np.ndarray, np.ndarray]:
        """Column indices (sorted) and counts of group ``g``."""
        start, end = self.matrix.indptr[g], self.matrix.indptr[g + 1]
        return self.matrix.indices[start:end], self.matrix.data[start:end]

    def contrast(
        self,
        y_i: np.ndarray,
        y_j: np.ndarray,
        totals_i: np.ndarray,
        totals_j: np.ndarray,
        idx: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """δ, σ², z for the terms ``idx`` with counts ``y_i``, ``y_j`` (aligned with ``idx``)."""
        o = self.orders[idx]
        a0 = np.full(len(idx), self.alpha0)
        return _log_odds_arrays(y_i, y_j, self.alpha[idx], totals_i[o], totals_j[o], a0)

    def residual_z(self, totals_i: np.ndarray, totals_j: np.ndarray) -> ResidualZ:
        """z of a unigram's occurrences outside a bigram (same prior and totals)."""

        def z(unigram: DistinctiveTerm, bigram: DistinctiveTerm) -> float:
            k = np.array([bisect_left(self.vocab, unigram.term)])
            y_i = np.array([unigram.count - bigram.count], dtype=np.float64)
            y_j = np.array([max(unigram.count_other - bigram.count_other, 0)], dtype=np.float64)
            return float(self.contrast(y_i, y_j, totals_i, totals_j, k)[2][0])

        return z


def _word_totals(table: _Table, word_counts: Mapping[str, int] | None) -> list[float]:
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
        cols, counts = table.sparse_row(g)
        mask = counts >= floor
        idx, y_i = cols[mask], counts[mask]
        y_j = table.pooled[idx] - y_i
        rest = grand - table.totals[g]
        delta, variance, z = table.contrast(y_i, y_j, table.totals[g], rest, idx)
        keep = z > 0
        terms = _Ranked(
            table.vocab,
            idx[keep],
            y_i[keep],
            y_j[keep],
            delta[keep],
            variance[keep],
            z[keep],
            words[g],
            sum(words) - words[g],
        )
        residual = table.residual_z(table.totals[g], rest) if collapse_subsumed else None
        result[name] = _top(terms, top, floor, residual)
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
    >>> for key, terms in pairs.items():
    ...     print(key, [t.term for t in terms])
    ('A', 'B') ['war']
    ('A', 'C') ['war']
    ('B', 'A') ['talks']
    ('B', 'C') ['talks']
    ('C', 'A') ['aid']
    ('C', 'B') ['aid']
    """
    names = sorted(counts_by_group)
    if len(names) < 2:
        return {}
    table = _Table(counts_by_group, alpha0)
    words = _word_totals(table, word_counts)
    found: dict[tuple[str, str], tuple[DistinctiveTerm, ...]] = {}
    floor = max(min_count, 1)
    for a, b in combinations(range(len(table.names)), 2):
        (cols_a, counts_a), (cols_b, counts_b) = table.sparse_row(a), table.sparse_row(b)
        idx = np.concatenate((cols_a, cols_b))
        idx.sort(kind="stable")  # two sorted runs: merge-like and fast
        idx = idx[np.r_[True, idx[1:] != idx[:-1]]] if len(idx) else idx
        y_a = np.zeros(len(idx))
        y_b = np.zeros(len(idx))
        y_a[np.searchsorted(idx, cols_a)] = counts_a
        y_b[np.searchsorted(idx, cols_b)] = counts_b
        delta, variance, z = table.contrast(y_a, y_b, table.totals[a], table.totals[b], idx)
        for (f, o), sign, y_f, y_o in (((a, b), 1.0, y_a, y_b), ((b, a), -1.0, y_b, y_a)):
            keep = (sign * z > 0) & (y_f >= floor)
            terms = _Ranked(
                table.vocab,
                idx[keep],
                y_f[keep],
                y_o[keep],
                sign * delta[keep],
                variance[keep],
                sign * z[keep],
                words[f],
                words[o],
            )
            residual = (
                table.residual_z(table.totals[f], table.totals[o]) if collapse_subsumed else None
            )
            found[(table.names[f], table.names[o])] = _top(terms, top, floor, residual)
    return {key: found[key] for key in sorted(found)}
