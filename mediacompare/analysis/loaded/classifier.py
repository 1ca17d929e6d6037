"""Loaded / biased wording in a sentence: a probability, a decision and the words behind it.

:class:`LoadedLanguageClassifier` stacks two logistic regressions:

1. a **word model** scores every non-stop word: its identity and neighbours, its category in
   the curated lexicon (:mod:`.lexicon`), VADER strength, quoted or not, and a word vector
   (:mod:`.embeddings`) that carries weights to similar words never seen in training;
2. a **sentence model** reads TF-IDF n-grams plus dense features: the word model's top scores
   (out-of-fold during ``fit``, so it learns how far to trust them), lexicon counts per category,
   the mean word vector, VADER extremes and quotation marks.

``fit(X, y, biased_words=...)`` trains the word model on annotated biased words (BABE style);
without ``biased_words`` it learns to expand the curated lexicon (lexicon words are the
positives, and the lexicon itself is then not a word feature). The shipped model
(:meth:`LoadedLanguageClassifier.pretrained`) is of the second kind, trained on permissively
licensed data only — see ``resources/loaded_language/PROVENANCE.md`` for why BABE is used for
evaluation and not for the shipped weights.

A model fit on annotated words also *stacks on the shipped model*: the shipped model's sentence
log-odds and its top word scores (:data:`SHIPPED_DENSE`) are three more sentence features. The
shipped model learned "reads like commentary" from thousands of articles, which annotated data of
a few thousand sentences cannot teach; the annotations then say how far to trust it. A saved
model of this kind records which shipped model it stacked on and refuses to load beside another.

Examples
--------
>>> clf = LoadedLanguageClassifier.pretrained()
>>> loaded = "A Biden victory would be a victory for radical anti-Americanism."
>>> plain = "The committee will meet on Tuesday to discuss the budget."
>>> p = clf.predict_proba([loaded, plain])[:, 1]
>>> bool(p[0] > p[1])
True
>>> [w["text"] for w in clf.explain(loaded)]
['radical', 'anti-Americanism']
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, KFold
from sklearn.utils.validation import check_is_fitted

from ...text import raw_documents
from ..vader import load_lexicon as vader_lexicon
from .embeddings import word_vectors
from .lexicon import loaded_lexicon
from .sentence_features import dense_rows
from .words import DENSE_WORD_FEATURES, Word, sentence_words, word_rows

if TYPE_CHECKING:
    from os import PathLike

__all__ = ["LoadedLanguageClassifier", "SENTENCE_DENSE", "SHIPPED_DENSE"]

#: Dense sentence features after the mean word vector (lexicon counts come first, one per category).
SENTENCE_DENSE: tuple[str, ...] = (
    "top_word", "top3_words", "words_over_half", "vader_max", "vader_mean", "quote_marks",
)
#: Words whose word-only logit a model keeps (the cache starts again when full).
CACHED_WORDS = 1 << 17
#: Sentence features from the shipped model, last, in models fit on annotated words only.
SHIPPED_DENSE: tuple[str, ...] = ("shipped_logit", "shipped_top_word", "shipped_top3_words")


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _as_labels(y: Iterable[Any]) -> np.ndarray:
    labels = np.asarray(list(y))
    if labels.dtype.kind in "US":
        labels = np.isin(labels, ("Biased", "biased", "loaded", "1", "True", "true"))
    labels = labels.astype(int)
    if set(np.unique(labels)) != {0, 1}:
        raise ValueError("y must hold both classes: 1 (loaded / biased) and 0 (not)")
    return labels


class LoadedLanguageClassifier(ClassifierMixin, BaseEstimator):
    """Sentence → probability that its wording is loaded (biased), with word-level explanations.

    Parameters
    ----------
    C : float, default 2.0
        Inverse regularisation of the sentence model.
    word_C : float, default 0.5
        Inverse regularisation of the word model (class-balanced).
    ngram_range : tuple, default (1, 2)
        Word n-grams of the sentence model's TF-IDF block.
    min_df : int, default 1
        Sentences an n-gram must occur in to enter the TF-IDF block.
    threshold : float, default 0.5
        ``predict`` calls a sentence loaded when its probability is at least this.
    word_threshold : float, default 0.7
        :meth:`explain` lists words whose score is at least this.
    inner_folds : int, default 4
        Folds for the out-of-fold word scores the sentence model is trained on.
    max_iter : int, default 3000
        Solver iterations of both models.

    Attributes
    ----------
    classes_ : ndarray
        ``[0, 1]``.
    supervised_words_ : bool
        Whether the word model was trained on annotated words (else: lexicon expansion).
    """

    def __init__(
        self,
        C: float = 2.0,
        word_C: float = 0.5,
        ngram_range: tuple[int, int] = (1, 2),
        min_df: int = 1,
        threshold: float = 0.5,
        word_threshold: float = 0.7,
        inner_folds: int = 4,
        max_iter: int = 3000,
    ) -> None:
        self.C = C
        self.word_C = word_C
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.threshold = threshold
        self.word_threshold = word_threshold
        self.inner_folds = inner_folds
        self.max_iter = max_iter

    # ------------------------------------------------------------------ word model
    def _word_groups(self) -> tuple[str, ...]:
        return ("identity", "lexicon") if self.supervised_words_ else ()

    def _word_matrix(self, words: Sequence[Word], fit: bool = False) -> sparse.csr_matrix:
        rows, dense = word_rows(words, loaded_lexicon(), word_vectors(), self._word_groups())
        if fit:
            self.word_vectorizer_ = DictVectorizer()
            left = self.word_vectorizer_.fit_transform(rows)
        else:
            left = self.word_vectorizer_.transform(rows)
        return sparse.hstack([left, sparse.csr_matrix(dense)]).tocsr()

    def _fit_words(self, words: list[list[Word]], labels: list[list[bool]], idx: Sequence[int] | np.ndarray):
        flat = [w for i in idx for w in words[i]]
        target = [t for i in idx for t in labels[i]]
        matrix = self._word_matrix(flat, fit=True)
        model = LogisticRegression(C=self.word_C, class_weight="balanced", max_iter=self.max_iter)
        model.fit(matrix, target)
        self._base_logit_cache: dict[str, float] = {}
        return copy.deepcopy(self.word_vectorizer_), model.coef_.ravel(), float(model.intercept_[0])

    def _base_logits(self, words: Sequence[Word]) -> list[float]:
        """The part of each word's logit that depends on the word alone (cached per model, at
        most :data:`CACHED_WORDS` words; the uncached words of a call are featurised together)."""
        cache: dict[str, float] = self.__dict__.setdefault("_base_logit_cache", {})
        lowers = [w.lower for w in words]
        missing = set(lowers).difference(cache)
        if len(cache) + len(missing) > CACHED_WORDS:
            cache.clear()
            missing = set(lowers)
        if missing:
            new = sorted(missing)
            alone = [Word(m, 0, len(m), m, "", "", quoted=False, first=True) for m in new]
            cache.update(zip(new, (self._word_matrix(alone) @ self.word_coef_).tolist()))
        return list(map(cache.__getitem__, lowers))

    def _add_neighbour_logits(self, z: np.ndarray, words: Sequence[Word]) -> None:
        """Add to ``z`` the weights of each word's neighbours: the ``prev=`` one, then ``next=``."""
        vocabulary, coef = self.word_vectorizer_.vocabulary_, self.word_coef_
        for names in (["prev=" + w.previous for w in words], ["next=" + w.next for w in words]):
            columns = np.fromiter(map(vocabulary.get, names, repeat(-1)), np.intp, len(names))
            known = columns >= 0
            z[known] += 0.5 * coef[columns[known]]

    def _word_probabilities(self, words: Sequence[Word]) -> np.ndarray:
        if not words:
            return np.zeros(0)
        # logit = word-only part (cached) + neighbours + capitalisation + quoting: the same sum
        # as the full feature row, added in that order, without building one row per word
        z = np.array(self._base_logits(words)) + self.word_intercept_
        if "identity" in self._word_groups():
            self._add_neighbour_logits(z, words)
        dense = self.word_coef_[len(self.word_vectorizer_.vocabulary_):]
        capitalised = np.array([w.text[:1].isupper() and not w.first for w in words])
        z[capitalised] += dense[DENSE_WORD_FEATURES.index("capitalised")]
        z[np.array([w.quoted for w in words])] += dense[DENSE_WORD_FEATURES.index("quoted")]
        p = _sigmoid(z)
        if not self.supervised_words_:  # lexicon expansion: the lexicon's own words always count
            categories = loaded_lexicon().categories_of([w.lower for w in words])
            hits = np.array([c is not None for c in categories])
            p = np.where(hits, np.maximum(p, self.word_threshold), p)
        return np.asarray(p)

    # ------------------------------------------------------------------ sentence model
    def _dense_rows(self, texts: Sequence[str], words: Sequence[Sequence[Word]], probs: Sequence[np.ndarray]) -> np.ndarray:
        lowers = [[w.lower for w in ws] for ws in words]
        dense = dense_rows(texts, lowers, probs, loaded_lexicon(), word_vectors(), vader_lexicon())
        if not self.supervised_words_:
            return dense
        logits, _, shipped_probs = _pretrained(LoadedLanguageClassifier)._score(texts, words)
        tops = [np.sort(p)[::-1].tolist() + [0.0, 0.0, 0.0] for p in shipped_probs]
        shipped = np.array([[z, top[0], float(np.mean(top[:3]))] for z, top in zip(logits, tops)])
        return np.hstack([dense, shipped])

    def _sentence_matrix(self, texts: Sequence[str], dense: np.ndarray) -> sparse.csr_matrix:
        return sparse.hstack([self.tfidf_.transform(texts), sparse.csr_matrix(dense)]).tocsr()

    # ------------------------------------------------------------------ estimator API
    def fit(
        self,
        X: Iterable[str],
        y: Iterable[Any],
        biased_words: Sequence[Iterable[str]] | None = None,
        groups: Sequence[Any] | None = None,
    ) -> LoadedLanguageClassifier:
        """Fit on sentences ``X`` with labels ``y`` (1/True/"Biased" = loaded).

        ``biased_words``, one collection per sentence, are the annotated loaded words (phrases
        are split into words); ``groups`` (e.g. article URLs) keep one article's sentences in
        one inner fold.
        """
        texts = raw_documents(X, type(self).__name__)
        labels = _as_labels(y)
        if len(labels) != len(texts):
            raise ValueError(f"X has {len(texts)} sentences but y has {len(labels)} labels")
        self.supervised_words_ = biased_words is not None
        words = [sentence_words(t) for t in texts]
        if biased_words is not None:
            if len(biased_words) != len(texts):
                raise ValueError("biased_words needs one collection of words per sentence")
            gold = [{p for phrase in ws for p in str(phrase).lower().split()} for ws in biased_words]
            word_labels = [[w.lower in g for w in ws] for ws, g in zip(words, gold)]
        else:
            lexicon = loaded_lexicon()
            word_labels = [[lexicon.category(w.lower) is not None for w in ws] for ws in words]
        if not any(any(row) for row in word_labels):
            raise ValueError("no loaded words among the training sentences; give biased_words")
        index = np.arange(len(texts))
        splitter = GroupKFold(self.inner_folds) if groups is not None else KFold(
            self.inner_folds, shuffle=True, random_state=0)
        out_of_fold: list[np.ndarray] = [np.zeros(0)] * len(texts)
        for train, held in splitter.split(index, labels, groups):
            (self.word_vectorizer_, self.word_coef_, self.word_intercept_) = self._fit_words(
                words, word_labels, train)
            for i in held:
                out_of_fold[i] = self._word_probabilities(words[i])
        self.word_vectorizer_, self.word_coef_, self.word_intercept_ = self._fit_words(
            words, word_labels, index)
        self.tfidf_ = TfidfVectorizer(ngram_range=self.ngram_range, min_df=self.min_df, sublinear_tf=True)
        self.tfidf_.fit(texts)
        dense = self._dense_rows(texts, words, out_of_fold)
        model = LogisticRegression(C=self.C, max_iter=self.max_iter)
        model.fit(self._sentence_matrix(texts, dense), labels)
        self.coef_, self.intercept_ = model.coef_.ravel(), float(model.intercept_[0])
        self.classes_ = np.array([0, 1])
        return self

    def _score(
        self, texts: Sequence[str], words: Sequence[Sequence[Word]] | None = None
    ) -> tuple[np.ndarray, list[list[Word]], list[np.ndarray]]:
        """Log-odds of each sentence, its candidate words and their scores (one pass;
        ``words`` are the texts' :func:`sentence_words` when the caller has them)."""
        check_is_fitted(self, "coef_")
        found = [list(ws) for ws in words] if words is not None else [sentence_words(t) for t in texts]
        flat = self._word_probabilities([w for ws in found for w in ws])  # one batch
        ends = np.cumsum([len(ws) for ws in found])
        probs = np.split(flat, ends[:-1]) if len(found) else []
        if not texts:
            return np.zeros(0), found, probs
        dense = self._dense_rows(texts, found, probs)
        return np.asarray(self._sentence_matrix(texts, dense) @ self.coef_ + self.intercept_), found, probs

    def decision_function(self, X: Iterable[str]) -> np.ndarray:
        """Log-odds that each sentence is loaded."""
        return self._score(raw_documents(X, type(self).__name__))[0]

    def score_sentences(self, X: Iterable[str]) -> tuple[np.ndarray, list[list[dict[str, Any]]]]:
        """Probabilities of many sentences in one pass, and the :meth:`word_scores` list of
        each sentence at or over ``threshold`` (an empty list for the others)."""
        texts = raw_documents(X, type(self).__name__)
        logits, words, probs = self._score(texts)
        p = _sigmoid(logits)
        return p, [self._explained(w, q, every=True) if flag >= self.threshold else []
                   for w, q, flag in zip(words, probs, p)]

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        """``[[P(not loaded), P(loaded)], …]`` for each sentence."""
        p = _sigmoid(self.decision_function(X))
        return np.column_stack([1 - p, p])

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """1 for sentences whose probability is at least ``threshold``, else 0."""
        return (self.predict_proba(X)[:, 1] >= self.threshold).astype(int)

    def _explained(self, words: Sequence[Word], probs: np.ndarray, every: bool = False) -> list[dict[str, Any]]:
        lexicon = loaded_lexicon()
        return [
            {"start": w.start, "end": w.end, "text": w.text, "weight": round(float(p), 4),
             "category": lexicon.category(w.lower), "quoted": w.quoted}
            for w, p in zip(words, probs) if every or p >= self.word_threshold
        ]

    def word_scores(self, sentence: str) -> list[dict[str, Any]]:
        """Every candidate word of ``sentence`` with its score, lexicon category and quoting."""
        check_is_fitted(self, "coef_")
        words = sentence_words(sentence)
        return self._explained(words, self._word_probabilities(words), every=True)

    def explain(self, sentence: str) -> list[dict[str, Any]]:
        """The words that make ``sentence`` loaded: ``{"start", "end", "text", "weight", …}``.

        ``weight`` is the word model's score (0–1; at least ``word_threshold``); ``category``
        names the lexicon class when the word is in the curated lexicon (else None: a learned
        word), and ``quoted`` says whether it stands in quotation marks (someone else's words,
        not the writer's).
        """
        return [w for w in self.word_scores(sentence) if w["weight"] >= self.word_threshold]

    # ------------------------------------------------------------------ persistence
    def save(self, path: str | PathLike[str], metadata: dict[str, object] | None = None) -> None:
        """Write ``model.json`` + ``arrays.npz`` into the directory ``path`` (no pickle)."""
        from .persist import save_model

        check_is_fitted(self, "coef_")
        save_model(self, path, metadata=metadata)

    @classmethod
    def load(cls, path: str | PathLike[str]) -> LoadedLanguageClassifier:
        """Load a model written by :meth:`save`."""
        from .persist import load_model

        return load_model(cls, path)

    @classmethod
    def pretrained(cls) -> LoadedLanguageClassifier:
        """The shipped model, loaded once per process (each call returns its own copy)."""
        return copy.copy(_pretrained(cls))


_PRETRAINED: dict[type, LoadedLanguageClassifier] = {}


def _pretrained(cls: type[LoadedLanguageClassifier]) -> LoadedLanguageClassifier:
    """The shipped model of ``cls``, read once per process."""
    if cls not in _PRETRAINED:
        from .persist import read_pretrained

        _PRETRAINED[cls] = read_pretrained(cls)
    return _PRETRAINED[cls]
