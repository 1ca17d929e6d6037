"""scikit-learn transformer: raw texts (or Articles) → style features.

Examples
--------
>>> vec = StyleVectorizer(features=["exclamations", "intensifiers", "word_count"])
>>> vec.fit_transform(["Huge news! Massive gains!", "The committee met on Tuesday."])
array([[500., 500.,   4.],
       [  0.,   0.,   5.]])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ...model import Article
from ...text import raw_documents, selected_features
from ...text import sentences as split_sentences
from .profile import FEATURE_NAMES, score_style

__all__ = ["StyleVectorizer"]

_TONE_FEATURES = frozenset({"body_compound", "headline_body_gap"})


def _documents(X: object) -> list[tuple[str | None, str]]:
    """(title, text) per document: Articles carry a title, plain strings do not."""
    return [
        (doc.title, doc.text) if isinstance(doc, Article) else (None, doc)
        for doc in raw_documents(X, "StyleVectorizer", accept=(str, Article))
    ]


class StyleVectorizer(TransformerMixin, BaseEstimator):
    """Raw texts (or :class:`~mediacompare.model.Article` objects) → per-document style features.

    Each document is split once with :func:`mediacompare.text.sentences` and scored with
    :func:`~mediacompare.analysis.style.score_style`. Headline features need a title, which only
    Articles carry; body tone (``body_compound``, ``headline_body_gap``) scores every sentence
    with VADER and is computed only when selected. Stateless: ``fit`` validates only.

    Parameters
    ----------
    features : sequence of str, optional
        Subset of :data:`~mediacompare.analysis.style.FEATURE_NAMES`, in the order wanted. Default: all.
    missing : float, default 0.0
        Written where a feature is undefined (no headline, no words), so downstream estimators
        get finite input. Pass ``float("nan")`` to keep NaN.

    Attributes
    ----------
    feature_names_out_ : ndarray of str
        Names of the output columns.

    Examples
    --------
    >>> from sklearn.base import clone
    >>> clone(StyleVectorizer(missing=-1.0)).get_params()["missing"]
    -1.0
    """

    def __init__(self, *, features: Sequence[str] | None = None, missing: float = 0.0):
        self.features = features
        self.missing = missing

    def _selected(self) -> list[str]:
        return selected_features(self.features, FEATURE_NAMES)

    def fit(self, X: Iterable[str], y: object = None) -> StyleVectorizer:
        """Validate parameters and input; learn nothing."""
        if not isinstance(self.missing, (int, float)):
            raise ValueError(f"missing must be a number, got {self.missing!r}")  # noqa: TRY004
        selected = self._selected()
        _documents(X)
        self.feature_names_out_ = np.asarray(selected, dtype=object)
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """Style features, one row per document, columns as :meth:`get_feature_names_out`."""
        check_is_fitted(self, "feature_names_out_")
        names = list(self.feature_names_out_)
        columns = [FEATURE_NAMES.index(name) for name in names]
        need_tone = bool(_TONE_FEATURES.intersection(names))
        docs = _documents(X)
        out = np.empty((len(docs), len(names)), dtype=float)
        for row, (title, text) in enumerate(docs):
            sents = split_sentences(text)
            body = None
            if need_tone:
                from ..sentiment import score_sentences

                compounds = [s.compound for s in score_sentences(sents)]
                body = math.fsum(compounds) / len(compounds) if compounds else None
            values = score_style(sents, title=title, body_compound_mean=body).as_features()
            out[row] = [values[c] for c in columns]
        if not math.isnan(self.missing):
            out[np.isnan(out)] = self.missing
        return out

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Names of the output columns."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()
