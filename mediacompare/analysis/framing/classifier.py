"""``FrameClassifier``: a trainable multi-label frame classifier with a safe file format.

Features: TF-IDF of word unigrams and bigrams (from the one tokenisation pass of
:func:`mediacompare.text.sentences`, via :func:`mediacompare.text.ngram_counts`) next to the
built-in frame features of :class:`~mediacompare.analysis.framing.features.FrameVectorizer`. One
logistic regression per frame. ``save`` writes a folder with ``model.json`` (parameters,
labels, vocabulary, mediacompare version) and ``arrays.npz`` (idf, coefficients, intercepts):
no pickle anywhere, loadable with ``numpy.load(..., allow_pickle=False)``.

Examples
--------
>>> texts = ["Critics attacked the plan.", "The plan costs $2 billion.", "Rivals clashed again.",
...          "Taxes and prices rose."] * 3
>>> Y = [[1, 0], [0, 1], [1, 0], [0, 1]] * 3
>>> clf = FrameClassifier(labels=("conflict", "economic"), min_df=1).fit(texts, Y)
>>> clf.predict(["Opponents attacked the minister.", "Costs rose by $5 billion."]).tolist()
[[1, 0], [0, 1]]
"""

from __future__ import annotations

import hashlib
import json
import math
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted

from ...errors import ConfigError
from ...model import Sentence
from ...text import ngram_counts
from .features import _as_sentences, frame_feature_names, frame_feature_row
from .records import ArticleFrames
from ..._resources import version as package_version
from .resources import read_toml
from .score import score_frames

__all__ = ["Analysed", "FrameClassifier", "analyse_document", "analyse_documents"]

FORMAT = "mediacompare-frame-classifier"
FORMAT_VERSION = 1
_FRAME_BLOCKS = ("generic", "items", "policy")


@dataclass(frozen=True)
class Analysed:
    """A document read once: its unigram/bigram counts and its frame features."""

    counts: dict[str, int]
    frame_features: tuple[float, ...]


def analyse_document(
    doc: str | Sequence[Sentence], frames: ArticleFrames | None = None
) -> Analysed:
    """Read one document once: term counts and frame features.

    Pass the article's sentences (and its :class:`ArticleFrames` when already scored) to
    avoid splitting or scoring it a second time.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> sents = sentences("Rising costs hurt jobs.")
    >>> a = analyse_document(sents, score_frames(sents))
    >>> a.counts["costs"], len(a.frame_features) == len(frame_feature_names(_FRAME_BLOCKS))
    (1, True)
    """
    sents = _as_sentences(doc)
    if frames is None:
        frames = score_frames(sents)
    return Analysed(ngram_counts(tuple(sents)), tuple(frame_feature_row(frames, _FRAME_BLOCKS)))


def analyse_documents(docs: Iterable[str | Sequence[Sentence]]) -> list[Analysed]:
    """:func:`analyse_document` for each document."""
    return [analyse_document(doc) for doc in docs]


def _lexicon_fingerprint() -> str:
    """Hash of the built-in lexicons the frame features come from."""
    digest = hashlib.sha256()
    for name in ("generic.toml", "policy.toml"):
        digest.update(json.dumps(read_toml(name), sort_keys=True).encode())
    return digest.hexdigest()[:16]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -500, 500)))


class FrameClassifier(ClassifierMixin, BaseEstimator):
    """Multi-label frame classifier: TF-IDF + frame features → one logistic regression per frame.

    Parameters
    ----------
    labels : sequence of str, optional
        Frame names (one per column of ``Y``); taken from a DataFrame's columns, else
        ``label_0``, ``label_1``, ...
    C : float, default 1.0
        Inverse regularisation strength of each logistic regression.
    class_weight : {"balanced", None}, default "balanced"
        Reweight positives so that rare frames are not ignored.
    min_df : int, default 2
        Keep terms occurring in at least this many training documents.
    max_features : int, default 20000
        Keep at most this many terms (highest document frequency; ties alphabetical).
    frame_features : bool, default True
        Append the built-in generic/policy frame features to the TF-IDF features.
    frame_weight : float, default 1.0
        Scale of the frame features relative to the (unit-length) TF-IDF vector.
    threshold : float, default 0.5
        Probability at or above which :meth:`predict` says a frame is present.
    max_iter : int, default 2000
        Iterations of the lbfgs solver.

    Attributes
    ----------
    labels_ : list of str
    vocabulary_ : list of str
    idf_ : ndarray of shape (n_terms,)
    coef_ : ndarray of shape (n_labels, n_features)
    intercept_ : ndarray of shape (n_labels,)
    classes_ : ndarray of str
        Same as ``labels_`` (multi-label: each column is a yes/no decision).
    """

    def __init__(
        self,
        labels: Sequence[str] | None = None,
        *,
        C: float = 1.0,
        class_weight: str | None = "balanced",
        min_df: int = 2,
        max_features: int = 20000,
        frame_features: bool = True,
        frame_weight: float = 1.0,
        threshold: float = 0.5,
        max_iter: int = 2000,
    ) -> None:
        self.labels = labels
        self.C = C
        self.class_weight = class_weight
        self.min_df = min_df
        self.max_features = max_features
        self.frame_features = frame_features
        self.frame_weight = frame_weight
        self.threshold = threshold
        self.max_iter = max_iter

    # ------------------------------------------------------------------ fitting

    def fit(self, X: Iterable, y: object) -> FrameClassifier:
        """Fit on raw texts (or sentence tuples) ``X`` and a 0/1 matrix ``y`` (n_docs, n_labels)."""
        docs = list(X)
        Y, names = _label_matrix(y, self.labels)
        if len(docs) != Y.shape[0]:
            raise ValueError(f"X has {len(docs)} documents but y has {Y.shape[0]} rows")
        return self.fit_analysed(analyse_documents(docs), Y, names)

    def fit_analysed(
        self, docs: Sequence[Analysed], Y: np.ndarray, names: Sequence[str] | None = None
    ) -> FrameClassifier:
        """Fit on documents already read by :func:`analyse_documents` (saves re-reading in CV)."""
        from sklearn.linear_model import LogisticRegression

        Y = np.asarray(Y, dtype=int)
        if names is None:
            names = _label_matrix(Y, self.labels)[1]
        if self.class_weight not in ("balanced", None):
            raise ConfigError(f"class_weight must be 'balanced' or None, got {self.class_weight!r}")
        if not docs:
            raise ValueError("cannot fit a FrameClassifier on zero documents")
        self.labels_ = list(names)
        self.classes_ = np.asarray(self.labels_, dtype=object)
        df: dict[str, int] = {}
        for doc in docs:
            for term in doc.counts:
                df[term] = df.get(term, 0) + 1
        kept = [t for t, n in df.items() if n >= self.min_df]
        kept.sort(key=lambda t: (-df[t], t))
        self.vocabulary_ = sorted(kept[: self.max_features])
        n = len(docs)
        self.idf_ = np.array(
            [math.log((1 + n) / (1 + df[t])) + 1.0 for t in self.vocabulary_], dtype=np.float64
        )
        self.frame_feature_names_ = (
            frame_feature_names(_FRAME_BLOCKS) if self.frame_features else []
        )
        self.lexicon_fingerprint_ = _lexicon_fingerprint()
        features = self._features(docs)
        coefs, intercepts = [], []
        for j in range(Y.shape[1]):
            yj = Y[:, j]
            if yj.min() == yj.max():  # one class only: a constant predictor
                p = min(max(yj.mean(), 1e-3), 1 - 1e-3)
                coefs.append(np.zeros(features.shape[1]))
                intercepts.append(math.log(p / (1 - p)))
                continue
            model = LogisticRegression(
                C=self.C, class_weight=self.class_weight, max_iter=self.max_iter
            )
            model.fit(features, yj)
            coefs.append(model.coef_[0])
            intercepts.append(float(model.intercept_[0]))
        self.coef_ = np.vstack(coefs) if coefs else np.zeros((0, features.shape[1]))
        self.intercept_ = np.asarray(intercepts, dtype=np.float64)
        return self

    def _features(self, docs: Sequence[Analysed]):
        from scipy import sparse

        index = {t: i for i, t in enumerate(self.vocabulary_)}
        rows, cols, vals = [], [], []
        for r, doc in enumerate(docs):
            entries = [(index[t], c) for t, c in doc.counts.items() if t in index]
            if not entries:
                continue
            weights = np.array([(1.0 + math.log(c)) * self.idf_[i] for i, c in entries])
            weights /= np.linalg.norm(weights)
            for (i, _), w in zip(entries, weights):
                rows.append(r)
                cols.append(i)
                vals.append(w)
        tfidf = sparse.csr_matrix(
            (vals, (rows, cols)), shape=(len(docs), len(self.vocabulary_)), dtype=np.float64
        )
        if not self.frame_feature_names_:
            return tfidf
        frames = np.array([d.frame_features for d in docs], dtype=np.float64)
        frames = frames.reshape(len(docs), len(self.frame_feature_names_)) * self.frame_weight
        return sparse.hstack([tfidf, sparse.csr_matrix(frames)], format="csr")

    # ------------------------------------------------------------------ predicting

    def decision_function_analysed(self, docs: Sequence[Analysed]) -> np.ndarray:
        """Log-odds of each frame for documents read by :func:`analyse_document`."""
        check_is_fitted(self, "coef_")
        return np.asarray(self._features(docs) @ self.coef_.T) + self.intercept_

    def predict_proba_analysed(self, docs: Sequence[Analysed]) -> np.ndarray:
        """:meth:`predict_proba` for documents read by :func:`analyse_document`.

        In a pipeline that already split and framed the article::

            model.predict_proba_analysed([analyse_document(sents, frames)])[0]
        """
        return _sigmoid(self.decision_function_analysed(docs))

    def predict_proba(self, X: Iterable) -> np.ndarray:
        """Probability of each frame, shape ``(n_documents, n_labels)``."""
        check_is_fitted(self, "coef_")
        return self.predict_proba_analysed(analyse_documents(list(X)))

    def predict(self, X: Iterable) -> np.ndarray:
        """0/1 frame presence, shape ``(n_documents, n_labels)``."""
        return (self.predict_proba(X) >= self.threshold).astype(int)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.target_tags.multi_output = True
        return tags

    # ------------------------------------------------------------------ saving

    def save(self, path: str | PathLike[str]) -> Path:
        """Write the fitted model to the folder ``path`` (``model.json`` + ``arrays.npz``).

        Returns the folder. Existing files of the same names are replaced.
        """
        check_is_fitted(self, "coef_")
        folder = Path(path)
        if folder.exists() and not folder.is_dir():
            raise ConfigError(f"{folder}: exists and is not a folder; choose another --output")
        folder.mkdir(parents=True, exist_ok=True)
        meta = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "mediacompare_version": package_version(),
            "lexicon_fingerprint": self.lexicon_fingerprint_,
            "params": _json_params(self.get_params()),
            "labels": self.labels_,
            "vocabulary": self.vocabulary_,
            "frame_feature_names": self.frame_feature_names_,
            "arrays": "arrays.npz",
        }
        (folder / "model.json").write_text(
            json.dumps(meta, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        np.savez(folder / "arrays.npz", idf=self.idf_, coef=self.coef_, intercept=self.intercept_)
        return folder

    @classmethod
    def load(cls, path: str | PathLike[str]) -> FrameClassifier:
        """Read a model written by :meth:`save` (a folder, or its ``model.json``)."""
        folder = Path(path)
        meta_path = folder if folder.suffix == ".json" else folder / "model.json"
        folder = meta_path.parent
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (FileNotFoundError, NotADirectoryError):
            raise ConfigError(
                f"{path}: no frame model here (give the folder written by train-frames)"
            ) from None
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
            raise ConfigError(f"{meta_path}: not a mediacompare frame model ({exc})") from None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise ConfigError(f"{meta_path}: not a mediacompare frame model")
        if meta.get("format_version") != FORMAT_VERSION:
            raise ConfigError(
                f"{meta_path}: model format {meta.get('format_version')} is not supported by this "
                f"mediacompare ({package_version()}); retrain it with train-frames"
            )
        try:
            with np.load(folder / meta["arrays"], allow_pickle=False) as arrays:
                idf, coef, intercept = arrays["idf"], arrays["coef"], arrays["intercept"]
        except (OSError, KeyError, ValueError) as exc:
            raise ConfigError(f"{folder}: cannot read the model arrays ({exc})") from None
        params: dict[str, Any] = {
            k: tuple(v) if k == "labels" and v is not None else v
            for k, v in meta["params"].items()
        }
        model = cls(**params)
        model.labels_ = list(meta["labels"])
        model.classes_ = np.asarray(model.labels_, dtype=object)
        model.vocabulary_ = list(meta["vocabulary"])
        model.frame_feature_names_ = list(meta["frame_feature_names"])
        model.lexicon_fingerprint_ = meta.get("lexicon_fingerprint", "")
        model.idf_, model.coef_, model.intercept_ = idf, coef, intercept
        n_features = len(model.vocabulary_) + len(model.frame_feature_names_)
        if (
            idf.shape != (len(model.vocabulary_),)
            or coef.shape != (len(model.labels_), n_features)
            or intercept.shape != (len(model.labels_),)
        ):
            raise ConfigError(
                f"{folder}: model arrays do not match model.json; the model is damaged"
            )
        if model.frame_feature_names_ and (
            model.frame_feature_names_ != frame_feature_names(_FRAME_BLOCKS)
        ):
            raise ConfigError(
                f"{folder}: the model was trained with other frame features "
                f"(mediacompare {meta.get('mediacompare_version')}); retrain it with train-frames"
            )
        if model.frame_feature_names_ and model.lexicon_fingerprint_ != _lexicon_fingerprint():
            warnings.warn(
                f"{folder}: built-in frame lexicons changed since this model was trained "
                f"(mediacompare {meta.get('mediacompare_version')}); consider retraining",
                stacklevel=2,
            )
        return model


def _json_params(params: dict) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}


def _label_matrix(y: object, labels: Sequence[str] | None) -> tuple[np.ndarray, list[str]]:
    columns = getattr(y, "columns", None)
    Y = np.asarray(y)
    if Y.ndim == 1:
        Y = Y.reshape(-1, 1)
    if Y.ndim != 2:
        raise ValueError("y must be a 0/1 matrix of shape (n_documents, n_labels)")
    try:
        Y = Y.astype(int)
    except (TypeError, ValueError):
        raise ValueError("y must hold 0/1 values (one column per frame)") from None
    if not np.isin(Y, (0, 1)).all():
        raise ValueError("y must hold 0/1 values (one column per frame)")
    if labels is not None:
        names = [str(n) for n in labels]
    elif columns is not None:
        names = [str(c) for c in columns]
    else:
        names = [f"label_{j}" for j in range(Y.shape[1])]
    if len(names) != Y.shape[1]:
        raise ValueError(f"{len(names)} label names for {Y.shape[1]} label columns")
    return Y, names
