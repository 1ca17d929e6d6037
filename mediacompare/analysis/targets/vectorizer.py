"""scikit-learn transformer: target mentions → weighted, per-block normalised feature matrix.

Examples
--------
>>> items = [("Critics slammed Smith.", 16, 21), ("Fans praised Smith.", 13, 18)]
>>> vec = TargetFeatures(min_df=2).fit(items)
>>> X = vec.transform(items)
>>> X.shape[0], X.shape[1] == len(vec.get_feature_names_out())
(2, True)
>>> "win|R1_." in vec.get_feature_names_out()
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import chain, repeat
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ...errors import MediaCompareError
from .features import (
    BLOCKS, DENSE_NAMES, Mention, char_words, featurize, mention, sentence_view, word_char_ngrams,
)

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

__all__ = ["DEFAULT_WEIGHTS", "SpanError", "TargetFeatures", "as_mentions"]

#: Block weights used when ``weights`` is None (``"dense"`` scales the standardised numbers).
DEFAULT_WEIGHTS: Mapping[str, float] = {
    "w": 1.0, "win": 1.0, "near": 1.0, "cl": 1.0, "lex": 1.0, "ch": 1.0, "dense": 0.3,
}


#: Integer type of the ``row * n_columns + column`` keys that order a matrix's entries.
_KEY = np.int32
#: Mentions whose matrix rows are built in one pass: the arrays of a pass stay small enough
#: to be reused from the heap instead of mapped afresh (~15% faster than one pass per batch).
_ROWS_PER_PASS = 2048


class SpanError(MediaCompareError, ValueError):
    """A mention's span is not a valid character span of its sentence."""


def _check_item(index: int, item: object) -> tuple[str, int, int]:
    try:
        parts: Any = item
        sentence, start, end = parts
    except (TypeError, ValueError):
        raise SpanError(
            f"mention {index}: expected a (sentence, start, end) triple, got {item!r:.80}"
        ) from None
    if not isinstance(sentence, str):
        raise SpanError(f"mention {index}: the sentence must be a str, got {type(sentence).__name__}")
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise SpanError(f"mention {index}: {name} must be an int, got {value!r}")
    start, end = int(start), int(end)
    if not 0 <= start < end <= len(sentence):
        raise SpanError(
            f"mention {index}: span ({start}, {end}) is not inside the sentence of length "
            f"{len(sentence)}; give character offsets with 0 <= start < end <= len(sentence)"
        )
    if not sentence[start:end].strip():
        raise SpanError(f"mention {index}: span ({start}, {end}) covers only white space")
    return sentence, start, end


def as_mentions(X: object) -> list[Mention]:
    """Validate ``(sentence, start, end)`` triples (or a DataFrame) and tokenise them.

    A pandas DataFrame must have the columns ``sentence``, ``start`` and ``end``.
    :class:`~mediacompare.analysis.targets.features.Mention` objects pass through unchanged.

    Raises
    ------
    SpanError
        (a ``ValueError``) naming the first bad item and what a valid span is.

    Examples
    --------
    >>> [m.text[m.start:m.end] for m in as_mentions([("Putin spoke.", 0, 5)])]
    ['Putin']
    >>> as_mentions([("Putin spoke.", 5, 2)])
    Traceback (most recent call last):
    ...
    mediacompare.analysis.targets.vectorizer.SpanError: mention 0: span (5, 2) is not inside the sentence of length 12; give character offsets with 0 <= start < end <= len(sentence)
    """
    if hasattr(X, "columns") and hasattr(X, "itertuples"):
        missing = {"sentence", "start", "end"} - set(X.columns)
        if missing:
            raise SpanError(f"the DataFrame needs columns sentence, start, end; missing {sorted(missing)}")
        X = list(zip(X["sentence"], X["start"], X["end"]))  # type: ignore[index]
    if isinstance(X, (str, bytes)) or not hasattr(X, "__iter__"):
        raise SpanError("expected a sequence of (sentence, start, end) triples")
    result = []
    for i, item in enumerate(X):
        result.append(item if isinstance(item, Mention) else mention(*_check_item(i, item)))
    return result


class TargetFeatures(TransformerMixin, BaseEstimator):
    """Turn target mentions into the features of :mod:`mediacompare.analysis.targets.features`.

    Sparse blocks get sublinear tf, smoothed idf and L2 normalisation per block (as configured
    in :data:`~mediacompare.analysis.targets.features.BLOCKS`), then the block weight; dense numbers are
    standardised and weighted.

    Parameters
    ----------
    window : int, default 4
        Words on each side of the target in the ``win`` block.
    decay : float, default 4.0
        Decay length (tokens) of the distance-weighted ``near`` block.
    char_range : (int, int), default (2, 5)
        Character n-gram sizes.
    min_df : int, default 3
        Keep sparse features seen in at least this many training mentions.
    weights : mapping, optional
        Block name → weight; missing blocks use :data:`DEFAULT_WEIGHTS` (weight 0 drops a block).

    Attributes
    ----------
    vocabulary_ : dict
        Feature name → column.
    idf_ : ndarray
        Per sparse column multiplier (1 for blocks without idf).
    dense_mean_, dense_scale_ : ndarray
        Standardisation of the dense features.
    """

    def __init__(
        self,
        window: int = 4,
        decay: float = 4.0,
        char_range: tuple[int, int] = (2, 5),
        min_df: int = 3,
        weights: Mapping[str, float] | None = None,
    ) -> None:
        self.window = window
        self.decay = decay
        self.char_range = char_range
        self.min_df = min_df
        self.weights = weights

    def _weights(self) -> dict[str, float]:
        weights = dict(DEFAULT_WEIGHTS)
        unknown = set(self.weights or {}) - set(weights)
        if unknown:
            raise ValueError(f"unknown feature blocks {sorted(unknown)}; use {sorted(weights)}")
        weights.update(self.weights or {})
        return weights

    def _featurize(
        self, mentions: Sequence[Mention], chars: bool = True
    ) -> tuple[list[dict[str, float]], np.ndarray]:
        low, high = self.char_range
        rows, dense = [], []
        seen: tuple[object, int] | None = None
        view = None
        for m in mentions:  # consecutive mentions of one sentence share its view
            if seen is None or m.tokens is not seen[0] or m.offset != seen[1]:
                seen, view = (m.tokens, m.offset), sentence_view(m.tokens, m.offset)
            sparse_row, dense_row = featurize(m, self.window, self.decay, (low, high), chars, view)
            rows.append(sparse_row)
            dense.append(dense_row)
        return rows, np.asarray(dense, dtype=np.float64).reshape(len(dense), len(DENSE_NAMES))

    def _word_columns(self, word: str) -> tuple[int, ...]:
        """Columns of the known character n-grams of one word, one per occurrence (cached)."""
        cache = self._char_cache_
        found = cache.get(word)
        if found is None:
            if len(cache) > 200_000:
                cache.clear()
            low, high = self.char_range
            get = self.vocabulary_.get
            found = cache[word] = tuple(
                c for c in map(get, word_char_ngrams(word, low, high)) if c is not None
            )
        return found

    def _char_keys(self, mentions: Sequence[Mention], stride: int) -> np.ndarray:
        """``row * stride + column`` of the known character n-grams, one per occurrence.

        Each distinct word of the batch is looked up once; its columns are then repeated for
        every occurrence with numpy.
        """
        ids: dict[str, int] = {}
        word_ids: list[int] = []
        words_per_row = np.empty(len(mentions), dtype=np.intp)
        for i, m in enumerate(mentions):
            words = char_words(m)
            word_ids += [ids.setdefault(w, len(ids)) for w in words]
            words_per_row[i] = len(words)
        columns = [self._word_columns(word) for word in ids]
        sizes = np.fromiter(map(len, columns), dtype=np.intp, count=len(columns))
        flat = np.fromiter(chain.from_iterable(columns), dtype=_KEY, count=int(sizes.sum()))
        occurrence = np.asarray(word_ids, dtype=np.intp)
        keys = flat[_expand(np.cumsum(sizes) - sizes, sizes, occurrence)]
        row_start = np.repeat(np.arange(len(mentions), dtype=_KEY) * _KEY(stride), words_per_row)
        keys += np.repeat(row_start, sizes[occurrence])
        return keys

    def fit(self, X: object, y: object = None) -> TargetFeatures:
        """Learn the vocabulary (``min_df``), idf and dense standardisation from mentions."""
        self._fit_rows(as_mentions(X))
        return self

    def fit_transform(self, X: object, y: object = None, **fit_params: object) -> csr_matrix:
        """Fit and transform, featurising the mentions once."""
        mentions = as_mentions(X)
        self._fit_rows(mentions)
        return self._matrix(mentions)

    def _fit_rows(self, mentions: Sequence[Mention]) -> tuple[list[dict[str, float]], np.ndarray]:
        weights = self._weights()
        if not mentions:
            raise ValueError("TargetFeatures.fit needs at least one mention")
        rows, dense = self._featurize(mentions)
        df: dict[str, int] = {}
        for row in rows:
            for key in row:
                df[key] = df.get(key, 0) + 1
        names = sorted(k for k, c in df.items() if c >= self.min_df and weights[k.split("|", 1)[0]])
        n = len(mentions)
        self.vocabulary_ = {name: i for i, name in enumerate(names)}
        self.idf_ = np.array(
            [math.log((1 + n) / (1 + df[k])) + 1 if BLOCKS[k.split("|", 1)[0]][0] else 1.0
             for k in names],
            dtype=np.float32,  # stored as float32; keep the in-memory model identical to a saved one
        ).astype(np.float64)
        self.dense_mean_ = dense.mean(axis=0)
        scale = dense.std(axis=0)
        self.dense_scale_ = np.where(scale > 0, scale, 1.0)
        self._set_block_arrays()
        self.n_features_out_ = len(names) + len(DENSE_NAMES)
        return rows, dense

    def _set_block_arrays(self) -> None:
        """Derive per-column block ids and flags from the vocabulary (not persisted)."""
        order = list(BLOCKS)
        blocks = np.array([order.index(k.split("|", 1)[0]) for k in self.vocabulary_], dtype=_KEY)
        self._block_of_ = blocks
        self._sublinear_ = np.array([BLOCKS[b][1] for b in order], dtype=bool)[blocks]
        self._normed_ = np.array([BLOCKS[b][2] for b in order], dtype=bool)
        self._block_weight_ = np.array([self._weights()[b] for b in order])
        self._char_cache_: dict[str, tuple[int, ...]] = {}

    def transform(self, X: object) -> csr_matrix:
        """Feature matrix (CSR, float64) of the mentions: sparse columns then dense ones."""
        check_is_fitted(self, "vocabulary_")
        return self._matrix(as_mentions(X))

    def _matrix(self, mentions: Sequence[Mention]) -> csr_matrix:
        from scipy import sparse

        stride = max(1, len(self.vocabulary_))
        per_call = min(_ROWS_PER_PASS, int(np.iinfo(_KEY).max) // stride)  # row * stride + column fit
        if len(mentions) > per_call:
            return sparse.vstack(
                [self._matrix(mentions[i : i + per_call]) for i in range(0, len(mentions), per_call)],
                format="csr",
            )
        rows, dense = self._featurize(mentions, chars=False)
        left = self._sparse_columns(mentions, rows, stride)
        right = (dense - self.dense_mean_) / self.dense_scale_ * self._weights()["dense"]
        return sparse.hstack([left, sparse.csr_matrix(right)], format="csr")

    def _sparse_columns(
        self, mentions: Sequence[Mention], rows: Sequence[dict[str, float]], stride: int
    ) -> csr_matrix:
        """The weighted sparse block: character n-grams of ``mentions`` and features ``rows``.

        Every entry is keyed ``row * stride + column``; one sort of the keys orders the entries
        as CSR wants them and counts the repeated character n-grams.
        """
        from scipy import sparse

        word_keys, word_values = self._word_entries(rows, stride)
        keys, values = _count_sorted(np.sort(np.concatenate([self._char_keys(mentions, stride), word_keys])))
        values[np.searchsorted(keys, word_keys)] = word_values  # no character n-gram has their keys
        row_of, cols = np.divmod(keys, _KEY(stride))
        indptr = np.searchsorted(keys, np.arange(len(rows) + 1, dtype=np.int64) * stride)
        values = self._weigh(row_of, cols, values, len(rows))
        return sparse.csr_matrix((values, cols, indptr), shape=(len(rows), len(self.vocabulary_)))

    def _word_entries(self, rows: Sequence[dict[str, float]], stride: int) -> tuple[np.ndarray, np.ndarray]:
        """``row * stride + column`` and raw values of the known non-character features."""
        get = self.vocabulary_.get
        lengths = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
        total = int(lengths.sum())
        cols = np.fromiter(map(get, chain.from_iterable(rows), repeat(-1)), dtype=_KEY, count=total)
        values = np.fromiter(chain.from_iterable(map(dict.values, rows)), dtype=np.float64, count=total)
        known = cols >= 0
        keys = np.repeat(np.arange(len(rows), dtype=_KEY) * _KEY(stride), lengths) + cols
        return keys[known], values[known]

    def _weigh(self, row_of: np.ndarray, cols: np.ndarray, values: np.ndarray, n_rows: int) -> np.ndarray:
        """Sublinear tf, idf, per-block L2 normalisation and block weights of raw values."""
        if not len(cols):
            return values
        values = np.where(self._sublinear_[cols], 1.0 + np.log(np.maximum(values, 1e-12)), values)
        values *= self.idf_[cols]
        n_blocks = len(self._normed_)
        slot = row_of * n_blocks  # one slot per (row, block)
        slot += self._block_of_[cols]
        norms = np.sqrt(np.bincount(slot, weights=values**2, minlength=n_rows * n_blocks))
        norms = np.where(np.tile(self._normed_, n_rows), norms, 1.0)
        norms[norms == 0] = 1.0
        values /= norms[slot]
        values *= np.tile(self._block_weight_, n_rows)[slot]
        return values

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """``block|feature`` names of the sparse columns, then ``dense|<name>``."""
        check_is_fitted(self, "vocabulary_")
        return np.array([*self.vocabulary_, *(f"dense|{n}" for n in DENSE_NAMES)], dtype=object)


def _expand(starts: np.ndarray, sizes: np.ndarray, picked: np.ndarray) -> np.ndarray:
    """Indices ``starts[p], starts[p] + 1, ..., starts[p] + sizes[p] - 1`` for each ``p`` in
    ``picked``, concatenated."""
    counts = sizes[picked]
    ends = np.cumsum(counts)
    return np.arange(int(ends[-1]) if len(ends) else 0) + np.repeat(starts[picked] - (ends - counts), counts)


def _count_sorted(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of sorted ``keys`` and how often each occurs (as float64)."""
    starts = np.ones(len(keys), dtype=bool)
    np.not_equal(keys[1:], keys[:-1], out=starts[1:])
    first = np.flatnonzero(starts)
    return keys[first], np.diff(first, append=len(keys)).astype(np.float64)

