"""Target-dependent sentiment: how a sentence treats one mentioned actor (-1, 0, 1).

:class:`TargetSentimentClassifier` is multinomial logistic regression on
:class:`~mediacompare.analysis.targets.vectorizer.TargetFeatures`. The shipped model
(:meth:`TargetSentimentClassifier.pretrained`) was trained on the NewsMTSC training set
(Hamborg & Donnay 2021, MIT licence) by ``benchmarks/train_target_sentiment.py``; it is stored as
JSON + NPZ (no pickle) and can be re-fitted on your own labelled mentions.

Examples
--------
>>> clf = TargetSentimentClassifier.pretrained()
>>> s = "Critics condemned Smith for the disastrous, corrupt deal, while voters praised Jones as a hero."
>>> clf.predict([(s, 18, 23), (s, 79, 84)]).tolist()
[-1, 1]
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted

from .vectorizer import TargetFeatures, as_mentions

if TYPE_CHECKING:
    from os import PathLike

__all__ = ["LABELS", "TargetSentimentClassifier"]

#: The labels: negative, neutral, positive.
LABELS: tuple[int, int, int] = (-1, 0, 1)


class TargetSentimentClassifier(ClassifierMixin, BaseEstimator):
    """Sentiment towards a target mention: negative (-1), neutral (0) or positive (1).

    ``X`` is a sequence of ``(sentence, start, end)`` triples, ``sentence[start:end]`` being the
    mention (a DataFrame with columns ``sentence``, ``start``, ``end`` also works). The target
    itself is masked: the model judges what the sentence says about it, not who it is.

    Parameters
    ----------
    C : float, default 1.0
        Inverse regularisation strength of the logistic regression.
    class_weight : dict, "balanced" or None
        As in :class:`sklearn.linear_model.LogisticRegression`.
    max_iter : int, default 3000
        Solver iterations.
    window, decay, char_range, min_df, weights
        Feature parameters, see :class:`~mediacompare.analysis.targets.vectorizer.TargetFeatures`.

    Attributes
    ----------
    classes_ : ndarray
        The labels seen in ``fit`` (``[-1, 0, 1]`` for the pretrained model).
    features_ : TargetFeatures
        The fitted feature extractor.
    coef_ : ndarray of shape (n_classes, n_features)
        Softmax weights, centred so each column sums to zero (for two classes ``[-w/2, w/2]``,
        which gives the logistic-regression probabilities).
    intercept_ : ndarray of shape (n_classes,)

    Examples
    --------
    >>> items = [("We love Ann.", 8, 11), ("We hate Ann.", 8, 11), ("We met Ann.", 7, 10)] * 3
    >>> clf = TargetSentimentClassifier(min_df=1, C=10).fit(items, [1, -1, 0] * 3)
    >>> clf.predict([("They love Bob.", 10, 13)]).tolist()
    [1]
    """

    def __init__(
        self,
        C: float = 1.0,
        class_weight: Mapping[int, float] | str | None = None,
        max_iter: int = 3000,
        window: int = 4,
        decay: float = 4.0,
        char_range: tuple[int, int] = (2, 5),
        min_df: int = 3,
        weights: Mapping[str, float] | None = None,
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.window = window
        self.decay = decay
        self.char_range = char_range
        self.min_df = min_df
        self.weights = weights

    def _feature_params(self) -> dict[str, Any]:
        return {
            "window": self.window, "decay": self.decay, "char_range": self.char_range,
            "min_df": self.min_df, "weights": self.weights,
        }

    def fit(self, X: object, y: object, sample_weight: object = None) -> TargetSentimentClassifier:
        """Fit features and logistic regression on labelled mentions (labels in {-1, 0, 1})."""
        from sklearn.linear_model import LogisticRegression

        mentions = as_mentions(X)
        labels = np.asarray(y)
        if labels.ndim != 1 or len(labels) != len(mentions):
            raise ValueError(f"y must hold one label per mention ({len(mentions)}), got shape {labels.shape}")
        if not np.isin(labels, LABELS).all():
            bad = sorted({v for v in labels.tolist() if v not in LABELS})[:5]
            raise ValueError(f"labels must be -1 (negative), 0 (neutral) or 1 (positive); got {bad}")
        labels = labels.astype(np.int64)
        if len(np.unique(labels)) < 2:
            raise ValueError("fit needs mentions of at least two different labels")
        features = TargetFeatures(**self._feature_params())
        matrix = features.fit_transform(mentions)
        model = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter)
        model.fit(matrix, labels, sample_weight=sample_weight)
        coef, intercept = model.coef_, model.intercept_
        if coef.shape[0] == 1:  # binary: softmax over [-z/2, z/2] equals sigmoid(z)
            coef, intercept = np.vstack([-coef / 2, coef / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
        # Softmax is invariant to a per-feature shift across classes and the L2 optimum is
        # centred already; enforce it exactly so the last row can be rebuilt from the others.
        coef = coef - coef.mean(axis=0, keepdims=True)
        coef[-1] = -coef[:-1].sum(axis=0)
        self.features_ = features
        self.classes_ = model.classes_.astype(np.int64)
        self.coef_ = np.asarray(coef, dtype=np.float64)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        return self

    def decision_function(self, X: object) -> np.ndarray:
        """Class scores (before softmax), shape ``(n_mentions, n_classes)``."""
        check_is_fitted(self, "coef_")
        matrix = self.features_.transform(as_mentions(X))
        return np.asarray(matrix @ self.coef_.T) + self.intercept_

    def predict_proba(self, X: object) -> np.ndarray:
        """Probabilities, columns ordered as :attr:`classes_`; each row sums to 1."""
        scores = self.decision_function(X)
        scores -= scores.max(axis=1, keepdims=True) if len(scores) else 0.0
        np.exp(scores, out=scores)
        return scores / scores.sum(axis=1, keepdims=True)

    def predict(self, X: object) -> np.ndarray:
        """Most probable label per mention (-1, 0 or 1)."""
        scores = self.decision_function(X)
        return self.classes_[np.argmax(scores, axis=1)] if len(scores) else np.zeros(0, np.int64)

    def explain(self, item: tuple[str, int, int], top: int = 5) -> dict[int, list[tuple[str, float]]]:
        """The features that pushed most towards each class for one mention.

        Returns label → ``[(feature name, contribution), ...]`` (largest first), where the
        contribution is feature value × (class weight − mean weight over classes).
        """
        check_is_fitted(self, "coef_")
        row = self.features_.transform(as_mentions([item])).tocsr()
        names = self.features_.get_feature_names_out()
        centred = self.coef_ - self.coef_.mean(axis=0, keepdims=True)
        result = {}
        for k, label in enumerate(self.classes_.tolist()):
            contrib = row.data * centred[k, row.indices]
            order = np.argsort(-contrib, kind="stable")[:top]
            result[label] = [(str(names[row.indices[i]]), float(contrib[i])) for i in order]
        return result

    # ------------------------------------------------------------------ persistence

    def save(self, path: str | PathLike[str], precision: str = "float64",
             metadata: Mapping[str, object] | None = None) -> None:
        """Write the fitted model to the directory ``path`` (``model.json`` + ``arrays.npz``).

        ``precision="float16"`` quarters the size of the weights (the shipped model uses it;
        predictions then differ from the in-memory model in the fourth decimal of probabilities);
        ``metadata`` (JSON-serialisable) is stored under ``"training"``.
        """
        from .persist import save_model

        check_is_fitted(self, "coef_")
        save_model(self, path, precision=precision, metadata=metadata)

    @classmethod
    def load(cls, path: str | PathLike[str]) -> TargetSentimentClassifier:
        """Load a model written by :meth:`save` (no pickle: JSON + ``np.load(allow_pickle=False)``)."""
        from .persist import load_model

        return load_model(cls, path)

    @classmethod
    def pretrained(cls) -> TargetSentimentClassifier:
        """The shipped model (NewsMTSC-trained), loaded once per process from package data.

        Each call returns its own estimator (sharing read-only arrays), so re-fitting or
        ``set_params`` on it does not change what the next call returns.
        """
        # mypy checks a class object against the instance __hash__ signature; classes hash fine.
        return copy.copy(_pretrained(cls))  # type: ignore[arg-type]


@cache
def _pretrained(cls: type[TargetSentimentClassifier]) -> TargetSentimentClassifier:
    from .persist import read_pretrained

    model = read_pretrained(cls)
    for array in (model.coef_, model.intercept_, model.features_.idf_,
                  model.features_.dense_mean_, model.features_.dense_scale_):
        array.flags.writeable = False
    return model
