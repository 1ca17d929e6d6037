"""The sentence model's dense features, computed for a whole batch of sentences at once.

The sentence model reads a TF-IDF block (scikit-learn's ``transform``) and a dense block (mean
word vector, lexicon counts, word-score and VADER summaries, quotation marks). The dense block is
built here column by column over the batch's words, with array operations in place of
per-sentence Python work. The floats are those of the straightforward per-sentence computation:
every sum whose order matters is still made by the same NumPy reduction over the same
sentence's values.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat

import numpy as np

from .embeddings import WordVectors
from .lexicon import LoadedLexicon

__all__ = ["dense_rows"]


def _segments(lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end of each sentence's words in the flat word arrays."""
    ends = np.cumsum(lengths)
    return ends - lengths, ends


def _owners(lengths: np.ndarray) -> np.ndarray:
    """The sentence index of each word in the flat word arrays."""
    return np.repeat(np.arange(len(lengths)), lengths)


def _segment_sums(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Sum of each run of ``lengths[i]`` consecutive rows of ``values`` (0 for an empty run).

    Each sum is the one ``np.add.reduce`` gives for that run alone (so ``mean`` of a
    sentence's values keeps its floats): runs of one length are stacked and reduced along
    their own axis in one call, while ``np.add.reduceat`` would add in another order.
    """
    starts = _segments(lengths)[0]
    sums = np.zeros((len(lengths), *values.shape[1:]), dtype=values.dtype)
    for length in np.unique(lengths[lengths > 0]):
        runs = np.flatnonzero(lengths == length)
        sums[runs] = np.add.reduce(values[starts[runs, None] + np.arange(length)], axis=1)
    return sums


def _mean_vectors(lowers: list[str], lengths: np.ndarray, vectors: WordVectors) -> np.ndarray:
    """Mean vector of each sentence's known words (zeros when none is known)."""
    rows = np.fromiter(map(vectors.index.get, lowers, repeat(-1)), np.intp, len(lowers))
    known = rows >= 0
    counts = np.bincount(_owners(lengths)[known], minlength=len(lengths))
    sums = _segment_sums(vectors.matrix[rows[known]], counts)
    return (sums / np.maximum(counts, 1)[:, None]).astype(vectors.matrix.dtype)


def _category_counts(lowers: list[str], lengths: np.ndarray, lexicon: LoadedLexicon) -> np.ndarray:
    """Lexicon matches per category of each sentence (a phrase counts once, not per word)."""
    column: dict[str | None, int] = {name: j for j, name in enumerate(lexicon.categories)}
    n_columns = len(column)
    column[None] = -1
    categories = lexicon.categories_of(lowers)
    codes = np.fromiter(map(column.__getitem__, categories), np.intp, len(lowers))
    sentence = _owners(lengths)
    found = codes >= 0
    cells = sentence[found] * n_columns + codes[found]
    counts = np.bincount(cells, minlength=len(lengths) * n_columns).reshape(-1, n_columns)
    starts, ends = _segments(lengths)
    may_phrase = np.fromiter(map(lexicon.phrase_starts.__contains__, lowers), bool, len(lowers))
    for i in np.unique(sentence[may_phrase]):
        counts[i] = 0
        for match in lexicon.matches(lowers[starts[i] : ends[i]]):
            counts[i, column[match.category]] += 1
    return counts


def _top_scores(scores: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each sentence's three best word scores, best first, padded with zeros."""
    sentence = _owners(lengths)
    ordered = scores[np.lexsort((-scores, sentence))]
    rank = np.arange(len(scores)) - _segments(lengths)[0][sentence]
    top = np.zeros((len(lengths), 3))
    first = rank < 3
    top[sentence[first], rank[first]] = ordered[first]
    return top


def _strength(
    lowers: list[str], lengths: np.ndarray, valence: dict[str, float]
) -> tuple[np.ndarray, np.ndarray]:
    """Largest and mean absolute VADER valence of each sentence's words (0 without words)."""
    strength = np.abs(np.fromiter(map(valence.get, lowers, repeat(0.0)), np.float64, len(lowers)))
    largest = np.zeros(len(lengths))
    if len(strength):
        filled = lengths > 0
        largest[filled] = np.maximum.reduceat(strength, _segments(lengths)[0][filled])
    return largest, _segment_sums(strength, lengths) / np.maximum(lengths, 1)


def dense_rows(
    texts: Sequence[str],
    lowers: Sequence[Sequence[str]],
    scores: Sequence[np.ndarray],
    lexicon: LoadedLexicon,
    vectors: WordVectors,
    valence: dict[str, float],
) -> np.ndarray:
    """The dense block of each sentence: mean word vector, lexicon counts per category, then
    top word score, mean of the top three, words over one half / 3, VADER max / 4, VADER mean,
    quotation marks / 4.

    Parameters
    ----------
    texts : sequence of str
        The sentences.
    lowers : sequence of sequence of str
        Each sentence's candidate words, lower-cased.
    scores : sequence of ndarray
        The word model's score of each of those words.
    lexicon, vectors, valence
        The loaded-language lexicon, the word vectors and VADER's lexicon.

    Returns
    -------
    ndarray
        One float64 row per sentence.
    """
    lengths = np.array([len(words) for words in lowers], dtype=np.intp)
    flat = [word for words in lowers for word in words]
    n_scores = np.array([len(s) for s in scores], dtype=np.intp)
    flat_scores = np.concatenate([np.zeros(0), *scores])
    top = _top_scores(flat_scores, n_scores)
    scored_sentence = _owners(n_scores)
    over_half = np.bincount(scored_sentence[flat_scores > 0.5], minlength=len(texts))
    largest, mean_strength = _strength(flat, lengths, valence)
    marks = np.array([t.count('"') + t.count("“") + t.count("”") for t in texts])
    tail = np.column_stack([
        top[:, 0], (top[:, 0] + top[:, 1] + top[:, 2]) / 3, over_half / 3,
        largest / 4, mean_strength, marks / 4,
    ])
    return np.hstack([
        _mean_vectors(flat, lengths, vectors), _category_counts(flat, lengths, lexicon), tail,
    ])
