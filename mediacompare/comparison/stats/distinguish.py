"""How well can a classifier tell two outlets' articles apart? (cross-validated ROC-AUC)

The score is the cross-validated ROC-AUC of a linear text classifier trained to tell outlet A's
articles from outlet B's, set against its permutation baseline: the same folds and the same
classifier with the outlet labels shuffled inside each fold. AUC 0.5 means "no better than a
coin", 1.0 "always right". A high AUC can come from topic choice as much as from style — the
words that drive it (the largest weights of a model fitted on all articles) show which.

The default classifier is ridge-regularised least squares on ±1 labels (scikit-learn's
``RidgeClassifier``), solved in its dual (kernel) form so that the observed labels and every
permutation are fitted with *one* linear solve per fold; hundreds of permutations then cost
about as much as one fit. ``classifier="logistic"`` runs scikit-learn's ``LogisticRegression``
instead, one fit per permutation and fold (use a smaller ``n_perm``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from ._resample import rng_for

__all__ = [
    "MIN_HELD_OUT",
    "Distinguishability",
    "distinguishability",
    "one_vs_rest_distinguishability",
    "roc_auc_columns",
]

#: Held-out articles per outlet needed in every test fold for the AUC interval: with one, each
#: fold's AUC is 0, 0.5 or 1 whatever is resampled, and the interval would be zero-width.
MIN_HELD_OUT = 2


@dataclass(frozen=True)
class Distinguishability:
    """Cross-validated AUC of telling outlet ``a`` from ``b``, with its permutation baseline.

    Attributes
    ----------
    auc : float
        Mean ROC-AUC over the held-out folds (NaN when not computed; see ``note``).
    auc_ci_low, auc_ci_high : float
        95% percentile interval from resampling held-out articles within folds (describes the
        test-set sampling only, not retraining). NaN (with a ``note``) when a fold holds fewer
        than :data:`MIN_HELD_OUT` articles of an outlet: fewer than 10 articles per outlet with
        5 folds.
    null_mean, null_95 : float
        Mean and 95th percentile of the AUC with labels shuffled within folds.
    p : float
        One-sided permutation p-value ``(1 + #{null >= auc}) / (1 + n_perm)``.
    top_terms_a, top_terms_b : tuple of (term, weight)
        Features with the largest positive (towards ``a``) and negative (towards ``b``)
        weights of the classifier fitted on all articles of both outlets.
    note : str
        Empty, or why the score was not computed / how to read it.
    """

    a: str
    b: str
    auc: float
    auc_ci_low: float
    auc_ci_high: float
    null_mean: float
    null_95: float
    p: float
    n_perm: int
    n_a: int
    n_b: int
    folds: int
    classifier: str
    top_terms_a: tuple[tuple[str, float], ...] = ()
    top_terms_b: tuple[tuple[str, float], ...] = ()
    note: str = ""


def roc_auc_columns(scores: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """ROC-AUC of every column of ``scores`` against the 0/1 ``labels`` in the same column.

    Rank-based (Mann–Whitney U with mid-ranks for ties), so it equals
    ``sklearn.metrics.roc_auc_score`` column by column; NaN for a column holding a NaN score.

    Examples
    --------
    >>> roc_auc_columns(np.array([[0.9, 0.1], [0.2, 0.8], [0.5, 0.5]]),
    ...                 np.array([[1, 1], [0, 0], [0, 1]])).tolist()
    [1.0, 0.0]
    """
    n_pos = labels.sum(axis=0)
    n_neg = labels.shape[0] - n_pos
    u = _positive_rank_sums(scores, labels) - n_pos * (n_pos + 1) / 2.0
    u[np.isnan(scores).any(axis=0)] = np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        return u / (n_pos * n_neg)


def _positive_rank_sums(scores: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Per column, the sum of the mid-ranks (1-based, ties averaged) of the rows labelled 1.

    Columns are sorted as contiguous rows, which is several times faster than
    ``scipy.stats.rankdata(scores, axis=0)``; mid-ranks are halves of integers, so their sums
    are exact whatever the order of the additions.

    Examples
    --------
    >>> _positive_rank_sums(np.array([[0.3], [0.1], [0.3]]), np.array([[1], [0], [0]])).tolist()
    [2.5]
    """
    by_column = np.ascontiguousarray(np.asarray(scores, dtype=float).T)
    order = np.argsort(by_column, axis=1)
    ordered = np.take_along_axis(by_column, order, axis=1)
    ordered_labels = np.take_along_axis(np.asarray(labels).T, order, axis=1)
    n = ordered.shape[1]
    position = np.arange(n)
    starts = np.ones(ordered.shape, dtype=bool)  # first row of each run of tied scores
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    first = np.maximum.accumulate(np.where(starts, position, 0), axis=1)
    ends = np.ones(ordered.shape, dtype=bool)  # last row of each run
    ends[:, :-1] = starts[:, 1:]
    last = np.minimum.accumulate(np.where(ends, position, n - 1)[:, ::-1], axis=1)[:, ::-1]
    mid_ranks = (first + last) / 2.0 + 1.0
    return (mid_ranks * ordered_labels).sum(axis=1)


def _fold_ids(y: np.ndarray, n_splits: int, seed: int) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    fold = np.empty(len(y), dtype=int)
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    for f, (_, test) in enumerate(splitter.split(np.zeros(len(y)), y)):
        fold[test] = f
    return fold


def _label_matrix(y: np.ndarray, fold: np.ndarray, n_perm: int, rng) -> np.ndarray:
    """Column 0 = observed labels; columns 1.. = labels shuffled within each fold."""
    labels = np.empty((len(y), 1 + n_perm), dtype=float)
    labels[:, 0] = y
    for f in np.unique(fold):
        idx = np.flatnonzero(fold == f)
        perm = rng.permuted(np.tile(np.arange(len(idx)), (n_perm, 1)), axis=1)
        labels[idx, 1:] = y[idx][perm].T
    return labels


def _ridge_scores(K: np.ndarray, Y: np.ndarray, train: np.ndarray, test: np.ndarray, alpha):
    """Held-out scores of ridge (unpenalised intercept) for every label column at once.

    The scores are linear in the centred training labels: ``ksc @ inv(kc + alpha I) @ yc``.
    The held-out rows of that map are solved for once (as many right-hand sides as held-out
    articles, a fifth of the label columns' count), then applied to every column by one
    matrix product.
    """
    from scipy.linalg import cho_factor, cho_solve

    ktt = K[np.ix_(train, train)]
    kst = K[np.ix_(test, train)]
    col_mean = ktt.mean(axis=0)
    grand = ktt.mean()
    kc = ktt - col_mean[None, :] - col_mean[:, None] + grand
    ksc = kst - kst.mean(axis=1, keepdims=True) - col_mean[None, :] + grand
    yt = 2.0 * Y[train] - 1.0
    offset = yt.mean(axis=0)
    held_out_map = cho_solve(cho_factor(kc + alpha * np.eye(len(train))), ksc.T).T  # kc is symmetric
    return held_out_map @ (yt - offset) + offset


def _logistic_scores(X, Y: np.ndarray, train: np.ndarray, test: np.ndarray, alpha, seed):
    from sklearn.linear_model import LogisticRegression

    out = np.empty((len(test), Y.shape[1]))
    for j in range(Y.shape[1]):  # one fit per permutation: this is why ridge is the default
        model = LogisticRegression(C=1.0 / alpha, solver="liblinear", random_state=seed)
        model.fit(X[train], Y[train, j])
        out[:, j] = model.decision_function(X[test])
    return out


def _auc_interval(scores, y, n_boot, rng) -> tuple[float, float]:
    """Percentile interval of the mean fold AUC, resampling held-out articles per class."""
    total = np.zeros(n_boot)
    for s, lab in zip(scores, y):
        pos, neg = s[lab == 1], s[lab == 0]
        sp = pos[rng.integers(0, len(pos), size=(n_boot, len(pos)))]
        sn = neg[rng.integers(0, len(neg), size=(n_boot, len(neg)))]
        both = np.concatenate([sp, sn], axis=1).T
        lab_b = np.zeros_like(both)
        lab_b[: len(pos)] = 1
        total += roc_auc_columns(both, lab_b)
    lo, hi = np.quantile(total / len(scores), [0.025, 0.975])
    return float(lo), float(hi)


def distinguishability(
    X,
    outlets: Sequence[str],
    a: str,
    b: str,
    *,
    feature_names: Sequence[str] | None = None,
    cv: int = 5,
    n_perm: int = 1000,
    n_boot: int = 1000,
    seed: int = 0,
    alpha: float = 1.0,
    classifier: Literal["ridge", "logistic"] = "ridge",
    min_per_side: int = 5,
    top_k: int = 10,
) -> Distinguishability:
    """Cross-validated ROC-AUC of telling ``a``'s articles from ``b``'s, against its null.

    Parameters
    ----------
    X : sparse matrix or array, shape (n_articles, n_features)
        TF-IDF (or term-count) rows of *all* articles; rows are L2-normalised here.
    outlets : sequence of str
        Outlet of each row.
    a, b : str
        The two outlets to compare.
    feature_names : sequence of str, optional
        Column names of ``X`` (``get_feature_names_out()``) for the driving words.
    cv : int
        Stratified folds (reduced to the smaller outlet's article count if needed).
    n_perm : int
        Label permutations for the baseline (cheap for ridge; each costs ``cv`` fits for
        logistic regression).
    n_boot : int
        Resamples for the AUC interval.
    seed : int
        Fixes folds, permutations and resamples.
    alpha : float
        Ridge penalty (``RidgeClassifier(alpha)``); logistic regression uses ``C = 1/alpha``.
    classifier : {"ridge", "logistic"}
    min_per_side : int
        Articles needed per outlet (default 5); fewer gives NaNs and a note.
    top_k : int
        Driving words listed per side.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X = rng.poisson(1.0, size=(40, 6)).astype(float)
    >>> X[:20, 0] += 3  # outlet A uses word "w0" much more
    >>> d = distinguishability(X, ["A"] * 20 + ["B"] * 20, "A", "B", n_perm=199,
    ...                        feature_names=[f"w{i}" for i in range(6)])
    >>> d.auc > d.null_95, d.p < 0.05, d.top_terms_a[0][0]
    (True, True, 'w0')
    """
    outlets_arr = np.asarray(outlets)
    rows = np.flatnonzero((outlets_arr == a) | (outlets_arr == b))
    return _distinguish(
        lambda: _normalised_features(X[rows], classifier), (outlets_arr[rows] == a).astype(float),
        a, b, feature_names=feature_names, cv=cv, n_perm=n_perm, n_boot=n_boot, seed=seed,
        alpha=alpha, classifier=classifier, min_per_side=min_per_side, top_k=top_k,
    )


def one_vs_rest_distinguishability(
    X, outlets: Sequence[str], names: Sequence[str], **settings: Any
) -> tuple[Distinguishability, ...]:
    """:func:`distinguishability` of each outlet in ``names`` against every other row
    (labelled ``"rest"``), with the rows normalised and the kernel built once for all.

    Equal to ``distinguishability(X, [o if o == a else "rest" for o in outlets], a, "rest",
    **settings)`` for each ``a`` in ``names``: every row is on one side or the other, so
    only the labels change from one outlet to the next.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X = rng.poisson(1.0, size=(30, 4)).astype(float)
    >>> outlets = ["A"] * 10 + ["B"] * 10 + ["C"] * 10
    >>> together = one_vs_rest_distinguishability(X, outlets, ["A", "B"], n_perm=49)
    >>> together[1] == distinguishability(X, [o if o == "B" else "rest" for o in outlets],
    ...                                   "B", "rest", n_perm=49)
    True
    """
    from functools import cache

    outlets_arr = np.asarray(outlets)
    every_row = np.arange(len(outlets_arr))  # selected like distinguishability's rows: same layout, same sums
    features = cache(lambda: _normalised_features(X[every_row], settings.get("classifier", "ridge")))
    return tuple(
        _distinguish(features, (outlets_arr == a).astype(float), a, "rest", **settings)
        for a in names
    )


def _normalised_features(X, classifier: str):
    """L2-normalised rows of ``X`` and, for the ridge classifier, their dense linear kernel."""
    from sklearn.preprocessing import normalize

    Xs = normalize(X, norm="l2")
    if classifier != "ridge":
        return Xs, None
    K = Xs @ Xs.T
    return Xs, K.toarray() if hasattr(K, "toarray") else np.asarray(K)


def _distinguish(
    features: Callable[[], tuple[Any, np.ndarray | None]],
    y: np.ndarray,
    a: str,
    b: str,
    *,
    feature_names: Sequence[str] | None = None,
    cv: int = 5,
    n_perm: int = 1000,
    n_boot: int = 1000,
    seed: int = 0,
    alpha: float = 1.0,
    classifier: Literal["ridge", "logistic"] = "ridge",
    min_per_side: int = 5,
    top_k: int = 10,
) -> Distinguishability:
    """:func:`distinguishability` of the rows labelled ``y`` (1 for ``a``, 0 for ``b``);
    ``features()`` gives their normalised rows and kernel, built only when they are scored."""
    n_a, n_b = int(y.sum()), int(len(y) - y.sum())
    nan = math.nan
    if min(n_a, n_b) < max(min_per_side, 2):
        note = (
            f"not computed: needs at least {min_per_side} articles per outlet "
            f"({a}: {n_a}, {b}: {n_b})"
        )
        return Distinguishability(
            a, b, nan, nan, nan, nan, nan, nan, 0, n_a, n_b, 0, classifier, note=note
        )
    if classifier not in ("ridge", "logistic"):
        raise ValueError(f"classifier must be 'ridge' or 'logistic', not {classifier!r}")
    Xs, K = features()
    n_splits = int(min(cv, n_a, n_b))
    fold = _fold_ids(y, n_splits, seed)
    rng = rng_for(seed, "distinguish", a, b)
    Y = _label_matrix(y, fold, n_perm, rng)

    aucs, held_out = _cross_validated_aucs(Xs, Y, K, fold, n_splits, alpha, classifier, seed)
    observed, null = float(aucs[0]), aucs[1:]
    lo, hi, note = _auc_interval_or_note(held_out, n_boot, rng)
    top_a: tuple[tuple[str, float], ...] = ()
    top_b: tuple[tuple[str, float], ...] = ()
    if feature_names is not None:
        top_a, top_b = _driving_terms(
            _weights_all(Xs, y, K, alpha, classifier, seed), feature_names, top_k
        )
    return Distinguishability(
        a=a,
        b=b,
        auc=observed,
        auc_ci_low=lo,
        auc_ci_high=hi,
        null_mean=float(null.mean()),
        null_95=float(np.quantile(null, 0.95)),
        p=float((1 + np.count_nonzero(null >= observed - 1e-12)) / (1 + n_perm)),
        n_perm=n_perm,
        n_a=n_a,
        n_b=n_b,
        folds=n_splits,
        classifier=classifier,
        top_terms_a=top_a,
        top_terms_b=top_b,
        note=note,
    )


def _cross_validated_aucs(Xs, Y, K, fold, n_splits, alpha, classifier, seed):
    """Mean held-out AUC of every label column (observed first, then permutations), and the
    held-out scores and labels of the observed column per fold."""
    fold_aucs, held_out = [], []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        if classifier == "ridge":
            assert K is not None  # the kernel is built for the ridge classifier
            scores = _ridge_scores(K, Y, train, test, alpha)
        else:
            scores = _logistic_scores(Xs, Y, train, test, alpha, seed)
        fold_aucs.append(roc_auc_columns(scores, Y[test]))
        held_out.append((scores[:, 0], Y[test, 0]))
    return np.mean(fold_aucs, axis=0), held_out


def _auc_interval_or_note(held_out, n_boot: int, rng) -> tuple[float, float, str]:
    """Bootstrap interval of the observed AUC, or NaNs and why when a fold is too small."""
    smallest_fold = min(min(int(t.sum()), int(len(t) - t.sum())) for _, t in held_out)
    if smallest_fold >= MIN_HELD_OUT:
        lo, hi = _auc_interval([s for s, _ in held_out], [t for _, t in held_out], n_boot, rng)
        return lo, hi, ""
    # resampling 1 held-out article per side gives the same AUC every time
    note = (
        f"no interval: a test fold holds fewer than {MIN_HELD_OUT} articles of an outlet, "
        "so resampling cannot show the uncertainty; compare the AUC with the chance level"
    )
    return math.nan, math.nan, note


def _driving_terms(
    w: np.ndarray, feature_names: Sequence[str], top_k: int
) -> tuple[tuple[tuple[str, float], ...], tuple[tuple[str, float], ...]]:
    """The ``top_k`` words pushing towards outlet a (positive weight) and towards b."""
    names = np.asarray(feature_names)
    order = np.argsort(-w, kind="mergesort")
    top_a = tuple((str(names[i]), float(w[i])) for i in order[:top_k] if w[i] > 0)
    top_b = tuple((str(names[i]), float(w[i])) for i in order[::-1][:top_k] if w[i] < 0)
    return top_a, top_b


def _weights_all(Xs, y, K, alpha, classifier, seed) -> np.ndarray:
    """Primal weights of the classifier fitted on all articles of both outlets."""
    if classifier == "logistic":
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=1.0 / alpha, solver="liblinear", random_state=seed)
        return model.fit(Xs, y).coef_.ravel()
    from scipy.linalg import solve

    col_mean = K.mean(axis=0)
    kc = K - col_mean[None, :] - col_mean[:, None] + K.mean()
    ys = 2.0 * y - 1.0
    dual = solve(kc + alpha * np.eye(len(y)), ys - ys.mean(), assume_a="pos")
    # Centred features: w = Xc^T dual = X^T dual, because the dual coefficients sum to zero.
    return np.asarray(Xs.T @ dual).ravel()
