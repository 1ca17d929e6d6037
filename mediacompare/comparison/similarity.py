"""Vectorisation and similarity: TF-IDF over term counts, cosine similarity, story verdict.

Everything here starts from the mergeable per-article partial ``term_counts`` (unigram and
bigram counts from :func:`mediacompare.text.ngram_counts`); nothing re-tokenises text.

* :class:`TermCountTfidf` - a scikit-learn transformer: term-count mappings → TF-IDF matrix
  (``DictVectorizer`` + ``TfidfTransformer`` semantics).
* :func:`article_similarity`, :func:`outlet_similarity` - cosine similarity between articles and
  between outlet centroids.
* :func:`story_similarity`, :func:`story_verdict` - do the articles look like the same story?

The story verdict deliberately does **not** use IDF. With two articles (the common case) IDF
is degenerate: every shared term gets the minimal weight, so the score would say more about how
many articles were given than about how alike they are. The verdict statistic is the cosine of
sublinear term frequencies (``1 + log tf``, l2-normalised, no IDF) over the content unigrams and
bigrams in ``term_counts``; it depends only on the two articles of a pair, so its thresholds,
calibrated once on real news (``benchmarks/same_story_threshold.py``), hold for any corpus size.

Examples
--------
>>> counts = [{"missile": 3, "strike": 1}, {"missile": 1, "strike": 2}, {"budget": 2}]
>>> X = TermCountTfidf().fit_transform(counts)
>>> X.shape
(3, 3)
>>> article_similarity(X).round(2)
array([[1.  , 0.83, 0.  ],
       [0.83, 1.  , 0.  ],
       [0.  , 0.  , 1.  ]])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain, repeat
from numbers import Integral, Real
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin  # the estimator needs its bases at import

from .records import DIFFERENT_STORIES_THRESHOLD, SAME_STORY_THRESHOLD, StoryVerdict

if TYPE_CHECKING:  # pragma: no cover
    import scipy.sparse as sp

__all__ = [
    "DIFFERENT_STORIES_THRESHOLD",
    "SAME_STORY_THRESHOLD",
    "StoryVerdict",
    "TermCountTfidf",
    "article_similarity",
    "outlet_similarity",
    "story_similarity",
    "story_verdict",
]


# --------------------------------------------------------------------------- the transformer


def _as_count_mappings(X: Iterable[Any], what: str = "X") -> list[Mapping[str, float]]:
    """Accept mappings (or objects with ``.term_counts``, e.g. ArticleAnalysis); validate counts."""
    # ValueError (not TypeError) for bad documents, as scikit-learn's text vectorizers raise.
    if isinstance(X, (str, bytes, Mapping)):
        raise ValueError(  # noqa: TRY004
            f"{what} must be a sequence of term-count mappings (one per article), "
            f"got a single {type(X).__name__}"
        )
    docs = []
    for i, doc in enumerate(X):
        doc = getattr(doc, "term_counts", doc)
        if not isinstance(doc, Mapping):
            raise ValueError(  # noqa: TRY004
                f"{what}[{i}] is a {type(doc).__name__}; expected a mapping of term -> count "
                "(e.g. ArticleAnalysis.term_counts or text.ngram_counts(...))"
            )
        counts = doc.values()
        if not set(map(type, counts)) <= {int} or min(counts, default=0) < 0:  # fast path: ints
            for term, count in doc.items():
                if not isinstance(count, Real) or not math.isfinite(count) or count < 0:
                    raise ValueError(
                        f"{what}[{i}]: count of {term!r} must be a finite number >= 0, got {count!r}"
                    )
        docs.append(doc)
    return docs


# sklearn has no type information: mypy cannot see its __init_subclass__ keyword
class TermCountTfidf(TransformerMixin, BaseEstimator, auto_wrap_output_keys=None):  # type: ignore[call-arg]
    """TF-IDF over per-article term-count mappings (scikit-learn transformer).

    Same results as ``DictVectorizer`` followed by ``TfidfTransformer`` (hence as
    ``TfidfVectorizer`` on the same tokens), with document-frequency pruning like
    ``TfidfVectorizer(min_df=...)``. Features are sorted alphabetically; terms unseen in
    ``fit`` are ignored by ``transform``.

    Parameters
    ----------
    min_df : int or float, default=1
        Drop terms found in fewer documents than this (an int) or than this share of the
        documents (a float in ``(0.0, 1.0]``).
    use_idf : bool, default=True
        Weight by inverse document frequency. ``False`` gives (sublinear) term frequencies.
    smooth_idf : bool, default=True
        ``idf = ln((1 + n) / (1 + df)) + 1`` (as if one extra document held every term).
    sublinear_tf : bool, default=True
        Use ``1 + ln(tf)`` instead of ``tf``, so a term repeated 20 times does not dominate.
        (scikit-learn defaults to ``False``; news articles of different lengths compare
        better with dampened counts.)
    norm : {"l2", "l1"} or None, default="l2"
        Row normalisation; with ``"l2"`` the dot product of two rows is their cosine.

    Attributes
    ----------
    vocabulary_ : dict of str to int
        Term → column index.
    idf_ : ndarray of shape (n_features,)
        Inverse document frequencies (only when ``use_idf``).

    Examples
    --------
    >>> tf = TermCountTfidf(sublinear_tf=False).fit([{"war": 2, "talks": 1}, {"war": 1}])
    >>> list(tf.get_feature_names_out())
    ['talks', 'war']
    >>> tf.transform([{"war": 1, "unknown": 5}]).toarray()
    array([[0., 1.]])
    """

    def __init__(
        self,
        *,
        min_df: float = 1,
        use_idf: bool = True,
        smooth_idf: bool = True,
        sublinear_tf: bool = True,
        norm: str | None = "l2",
    ) -> None:
        self.min_df = min_df
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf
        self.norm = norm

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.dict = True
        tags.input_tags.two_d_array = False
        return tags

    def _min_doc_count(self, n_docs: int) -> float:
        min_df = self.min_df
        if isinstance(min_df, Integral) and not isinstance(min_df, bool):
            if min_df < 1:
                raise ValueError(f"min_df must be an int >= 1 or a float in (0, 1], got {min_df!r}")
            return float(min_df)
        if isinstance(min_df, Real) and not isinstance(min_df, bool) and 0.0 < min_df <= 1.0:
            return float(min_df) * n_docs
        raise ValueError(f"min_df must be an int >= 1 or a float in (0, 1], got {min_df!r}")

    def fit(self, X: Iterable[Mapping[str, float]], y: Any = None) -> TermCountTfidf:
        """Learn the vocabulary (and IDF) from a sequence of term-count mappings.

        Parameters
        ----------
        X : iterable of Mapping[str, number]
            One mapping per article (``ArticleAnalysis`` objects are accepted too).
        y : ignored

        Returns
        -------
        self
        """
        self._fit_counts(X)
        return self

    def fit_transform(self, X: Iterable[Mapping[str, float]], y: Any = None, **fit_params: Any) -> sp.csr_matrix:
        """:meth:`fit`, then :meth:`transform` of the same documents, counting them once.

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_documents, n_features)
        """
        counts = self._fit_counts(X)
        return self.transformer_.transform(counts)

    def _fit_counts(self, X: Iterable[Mapping[str, float]]) -> sp.csr_matrix:
        """Fit, returning the documents' count matrix over the learned vocabulary."""
        from sklearn.feature_extraction.text import TfidfTransformer

        docs = _as_count_mappings(X)
        if not docs:
            raise ValueError("TermCountTfidf needs at least one document to fit")
        if self.norm not in ("l1", "l2", None):
            raise ValueError(f"norm must be 'l1', 'l2' or None, got {self.norm!r}")
        threshold = self._min_doc_count(len(docs))
        df: dict[str, int] = {}
        for doc in docs:
            for term, count in doc.items():
                if count > 0:
                    df[term] = df.get(term, 0) + 1
        kept = sorted(t for t, n in df.items() if n >= threshold)
        if not kept:
            raise ValueError(
                "no terms to vectorise: every document is empty"
                + (
                    f" after dropping terms in fewer than min_df={self.min_df!r} documents"
                    if df
                    else ""
                )
            )
        self.vocabulary_ = {t: i for i, t in enumerate(kept)}
        self.feature_names_ = np.asarray(kept, dtype=object)
        counts = self._counts(docs)
        self.transformer_ = TfidfTransformer(
            norm=self.norm,
            use_idf=self.use_idf,
            smooth_idf=self.smooth_idf,
            sublinear_tf=self.sublinear_tf,
        ).fit(counts)
        if self.use_idf:
            self.idf_ = self.transformer_.idf_
        return counts

    def _counts(self, docs: Sequence[Mapping[str, float]]) -> sp.csr_matrix:
        import scipy.sparse as sp

        vocab = self.vocabulary_
        lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        total = int(lengths.sum())
        # every (term, count) of every document at once: the loops run in C (map, fromiter)
        columns = np.fromiter(map(vocab.get, chain.from_iterable(docs), repeat(-1)),
                              dtype=np.int64, count=total)
        data = np.fromiter(chain.from_iterable(doc.values() for doc in docs),
                           dtype=np.float64, count=total)
        keep = (columns >= 0) & (data > 0)
        rows = np.repeat(np.arange(len(docs)), lengths)[keep]
        indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=len(docs)))])
        X = sp.csr_matrix((data[keep], columns[keep], indptr), shape=(len(docs), len(vocab)))
        X.sort_indices()
        return X

    def transform(self, X: Iterable[Mapping[str, float]]) -> sp.csr_matrix:
        """Turn term-count mappings into a TF-IDF matrix.

        Parameters
        ----------
        X : iterable of Mapping[str, number]

        Returns
        -------
        scipy.sparse.csr_matrix of shape (n_documents, n_features)
        """
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "vocabulary_")
        return self.transformer_.transform(self._counts(_as_count_mappings(X)))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The terms, in column order.

        Returns
        -------
        ndarray of str objects
        """
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "vocabulary_")
        return self.feature_names_.copy()


# --------------------------------------------------------------------------- similarity


def article_similarity(X: Any) -> np.ndarray:
    """Cosine similarity between the rows of ``X`` (articles), as a dense k×k array.

    Rows are (re-)normalised, so any non-negative matrix works; for the l2-normalised output of
    :class:`TermCountTfidf` this is ``X @ X.T``. An empty row has similarity 0 with everything.

    Examples
    --------
    >>> article_similarity(np.array([[1.0, 0.0], [1.0, 1.0]])).round(3)
    array([[1.   , 0.707],
           [0.707, 1.   ]])
    """
    from sklearn.metrics.pairwise import cosine_similarity

    if X.shape[0] == 0:
        return np.zeros((0, 0))
    return np.clip(np.asarray(cosine_similarity(X, dense_output=True)), -1.0, 1.0)


def outlet_similarity(X: Any, outlets: Sequence[str]) -> tuple[tuple[str, ...], np.ndarray]:
    """Cosine similarity between outlet centroids.

    Each outlet's centroid is the mean of its articles' l2-normalised rows (every article
    weighs the same, whatever its length), re-normalised.

    Parameters
    ----------
    X : array-like or sparse matrix of shape (n_articles, n_features)
    outlets : sequence of str
        The outlet of each row.

    Returns
    -------
    names : tuple of str
        Outlets sorted by name (the order of the matrix).
    similarity : ndarray of shape (n_outlets, n_outlets)

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
    >>> names, S = outlet_similarity(X, ["B", "A", "B"])
    >>> names, S.round(3).tolist()
    (('A', 'B'), [[1.0, 0.0], [0.0, 1.0]])
    """
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    outlets = list(outlets)
    if len(outlets) != X.shape[0]:
        raise ValueError(f"got {len(outlets)} outlet labels for {X.shape[0]} rows")
    names = tuple(sorted(set(outlets)))
    if not names:
        return (), np.zeros((0, 0))
    index = {name: i for i, name in enumerate(names)}
    rows = np.array([index[o] for o in outlets])
    sizes = np.bincount(rows, minlength=len(names)).astype(np.float64)
    averaging = sp.csr_matrix(
        (1.0 / sizes[rows], (rows, np.arange(len(outlets)))), shape=(len(names), len(outlets))
    )
    centroids = averaging @ normalize(X, norm="l2")
    return names, article_similarity(centroids)


def story_similarity(term_counts: Sequence[Mapping[str, float]]) -> np.ndarray:
    """The similarity the story verdict is calibrated on: sublinear-TF cosine, no IDF.

    ``1 + ln(count)`` weights over the content unigrams and bigrams of each article,
    l2-normalised; the cosine of two articles depends on those two articles only.

    Parameters
    ----------
    term_counts : sequence of Mapping[str, int]
        One mapping per article (``ArticleAnalysis.term_counts``).

    Returns
    -------
    ndarray of shape (k, k)

    Examples
    --------
    >>> story_similarity([{"missile": 4, "strike": 1}, {"missile": 1, "strike": 1}, {}]).round(3)
    array([[1.   , 0.925, 0.   ],
           [0.925, 1.   , 0.   ],
           [0.   , 0.   , 0.   ]])
    """
    docs = _as_count_mappings(term_counts, "term_counts")
    if not any(any(c > 0 for c in d.values()) for d in docs):
        return np.zeros((len(docs), len(docs)))
    X = TermCountTfidf(use_idf=False, sublinear_tf=True, norm="l2").fit_transform(docs)
    return article_similarity(X)


# --------------------------------------------------------------------------- story verdict


_MEANING = {
    "same story": "so they look like the same story",
    "related coverage": (
        "so they look like related coverage: the same subject, probably not the same event"
    ),
    "different stories": (
        "so they look like different stories, and differences in tone or wording may reflect "
        "the events rather than the outlets"
    ),
}


def _fmt(x: float) -> str:
    return f"{x:.2f}" if round(x, 2) == x else f"{x:.3f}"


def story_verdict(
    sim: np.ndarray,
    outlets: Sequence[str],
    *,
    same: float = SAME_STORY_THRESHOLD,
    different: float = DIFFERENT_STORIES_THRESHOLD,
) -> StoryVerdict:
    """Say plainly whether the articles look like the same story.

    Parameters
    ----------
    sim : ndarray of shape (k, k)
        Article similarities from :func:`story_similarity` (the statistic the thresholds were
        calibrated on; TF-IDF similarities are on another scale).
    outlets : sequence of str
        The outlet of each article.
    same, different : float
        Thresholds on the mean cross-outlet similarity (defaults calibrated in
        ``benchmarks/same_story_threshold.py``).

    Returns
    -------
    StoryVerdict

    Examples
    --------
    >>> v = story_verdict(np.array([[1.0, 0.3], [0.3, 1.0]]), ["A", "B"])
    >>> v.level, v.score, v.pairs
    ('same story', 0.3, 1)
    >>> story_verdict(np.array([[1.0, 0.1], [0.1, 1.0]]), ["A", "B"]).level
    'related coverage'
    >>> story_verdict(np.ones((1, 1)), ["A"]).level
    'single article'
    """
    outlets = list(outlets)
    sim = np.asarray(sim, dtype=np.float64)
    k = len(outlets)
    if sim.shape != (k, k):
        raise ValueError(
            f"similarity matrix has shape {sim.shape}, expected ({k}, {k}) for {k} outlets"
        )
    if not different <= same:
        raise ValueError(f"thresholds must satisfy different <= same, got {different} > {same}")
    if k < 2:
        what = "one article" if k == 1 else "no articles"
        return StoryVerdict(
            "single article",
            math.nan,
            f"There is {what}, so there is nothing to compare it with.",
            0,
            (different, same),
        )
    i, j = np.triu_indices(k, 1)
    labels = np.asarray(outlets, dtype=object)
    cross = labels[i] != labels[j]
    one_outlet = not cross.any()
    if not one_outlet:
        i, j = i[cross], j[cross]
    score = float(sim[i, j].mean())
    pairs = int(i.size)
    level = (
        "same story"
        if score >= same
        else "different stories"
        if score < different
        else "related coverage"
    )
    whose = (
        f"all {k} articles come from one outlet; mean over {pairs} pair{'s' if pairs > 1 else ''}"
        if one_outlet
        else f"mean over {pairs} pair{'s' if pairs > 1 else ''} of articles from different outlets"
    )
    explanation = (
        f"Word overlap between the articles is {score:.3f} on a 0-1 scale ({whose}; "
        f"1 would be identical wording): from {_fmt(same)} up we call it the same story and "
        f"below {_fmt(different)} different stories, {_MEANING[level]}."
    )
    return StoryVerdict(level, score, explanation, pairs, (different, same))
