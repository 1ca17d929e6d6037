"""Choosing a frame's presence threshold from labelled articles, for cross-validation.

The generic frames' only tuned parameters are their presence thresholds (a frame is present
when the share of its items answered *yes* reaches the threshold). :func:`best_threshold`
picks one threshold on training articles; :func:`cv_presence` gives out-of-fold presence so
that every article is judged by a threshold chosen without it
(``benchmarks/eval_frames_cv.py``).

Examples
--------
>>> import numpy as np
>>> scores = np.array([0.0, 0.25, 0.5, 0.75, 0.0, 0.5])
>>> labels = np.array([0, 0, 1, 1, 0, 1])
>>> best_threshold(scores, labels)
0.5
>>> cv_presence(scores, labels, [([0, 1, 2], [3, 4, 5]), ([3, 4, 5], [0, 1, 2])]).tolist()
[0, 0, 1, 1, 0, 1]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["best_threshold", "cv_presence"]

_EPS = 1e-9


def _f1(y: np.ndarray, p: np.ndarray) -> float:
    tp = float(np.sum(y & p))
    denom = float(np.sum(y) + np.sum(p))
    return 2 * tp / denom if denom else 0.0


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The threshold with the best F1 of ``scores >= t`` against ``labels``.

    Candidates are the observed non-zero scores; ties go to the *higher* threshold (fewer
    positives). With no non-zero score the threshold is 1.0.

    Examples
    --------
    >>> best_threshold(np.array([0.0, 0.2, 0.6, 0.8]), np.array([0, 1, 1, 1]))
    0.2
    >>> best_threshold(np.array([0.0, 0.0]), np.array([0, 1]))
    1.0
    """
    scores = np.asarray(scores, dtype=float)
    y = np.asarray(labels).astype(bool)
    candidates = sorted(set(scores.tolist()) - {0.0}) or [1.0]
    return float(max(candidates, key=lambda t: (_f1(y, scores >= t - _EPS), t)))


def cv_presence(
    scores: np.ndarray, labels: np.ndarray, folds: Iterable[tuple[Sequence[int], Sequence[int]]]
) -> np.ndarray:
    """Out-of-fold presence (0/1): each test fold judged by the threshold of its training folds.

    ``scores`` and ``labels`` are 1-D (one frame) or 2-D (articles × frames, one threshold
    per column); ``folds`` are ``(train, test)`` index pairs as scikit-learn's ``KFold`` gives.
    """
    S = np.asarray(scores, dtype=float)
    Y = np.asarray(labels)
    flat = S.ndim == 1
    if flat:
        S, Y = S[:, None], Y[:, None]
    out = np.zeros(S.shape, dtype=int)
    for train_rows, test_rows in folds:
        train, test = np.asarray(train_rows), np.asarray(test_rows)
        for j in range(S.shape[1]):
            t = best_threshold(S[train, j], Y[train, j])
            out[test, j] = S[test, j] >= t - _EPS
    return out[:, 0] if flat else out
