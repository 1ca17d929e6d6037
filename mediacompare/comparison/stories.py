"""Story grouping for mixed corpora, and near-duplicate (wire copy, syndication) detection.

* :func:`near_duplicates` marks articles whose text is the same as, or nearly the same as, an
  earlier article's (exact: same normalised word sequence; near: Jaccard similarity of word
  5-gram shingle sets at or above a threshold). The earliest article by ``(date, id)`` is the
  canonical one; the others point to it and should not be counted twice.
* :func:`cluster_stories` groups articles into stories: average-linkage agglomerative
  clustering on cosine distance of TF-IDF rows, cut at a distance threshold, with a date
  window: two dated articles further apart than ``window_days`` never share a story.

Examples
--------
>>> docs = ["Ukraine fired ATACMS missiles at Crimea for the first time, officials said.",
...         "Ukraine fired ATACMS missiles at Crimea for the first time, officials said!",
...         "The central bank raised interest rates by a quarter point on Tuesday."]
>>> dict(near_duplicates(docs, ["b", "a", "c"]))
{'b': 'a', 'a': None, 'c': None}
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from ..model import FrozenMapping, Sentence

__all__ = [
    "DEFAULT_JACCARD",
    "DEFAULT_STORY_DISTANCE",
    "DEFAULT_STORY_DISTANCE_UNDATED",
    "DuplicateMatch",
    "cluster_stories",
    "duplicate_matches",
    "near_duplicates",
    "story_ids",
]

#: Jaccard similarity of word 5-gram shingle sets above which two texts are near-duplicates.
DEFAULT_JACCARD = 0.5
#: Cosine similarity of TF-IDF rows above which two articles are near-duplicates (matrix input).
DEFAULT_COSINE = 0.9
#: Average-linkage cosine distance at which story clusters are cut when most articles are dated
#: and the date window applies, and when not (benchmarks/stories_eval.py: on 4,523 AllSides
#: articles, these maximise agreement with the topic+day groups up to a small trade of
#: completeness for homogeneity; without a window, larger cuts merge same-topic stories).
DEFAULT_STORY_DISTANCE = 0.93
DEFAULT_STORY_DISTANCE_UNDATED = 0.85

Doc = str | Sequence[Sentence]


@dataclass(frozen=True)
class DuplicateMatch:
    """An article that repeats an earlier one: ``kind`` is ``"exact"`` or ``"near"``."""

    article_id: str
    duplicate_of: str
    kind: str
    similarity: float


_WORD = re.compile(r"\w+")


def _words(doc: Doc) -> list[str]:
    """Lower-cased words: from the article's Sentence tokens, or (plain strings, for hashing
    only) a fast ``\\w+`` scan, which is 10x quicker than full tokenisation."""
    if isinstance(doc, str):
        return _WORD.findall(doc.lower())
    # Same words as Sentence.words, without its per-character test (tokens that hold a letter
    # or digit start with one), which matters for thousands of articles.
    return [t.text.lower() for s in doc for t in s.tokens if t.text[:1].isalnum()]


def parse_day(value: str | None) -> int | None:
    """Day number of an ISO date (``"2024-04-24"`` or a timestamp starting with one).

    Examples
    --------
    >>> parse_day("2024-04-25T10:00:00") - parse_day("2024-04-24"), parse_day("April")
    (1, None)
    """
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


#: Odd 64-bit multipliers for hashing word-id n-grams (fixed: results are deterministic).
_MULTIPLIERS = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0x94D049BB133111EB,
        0xBF58476D1CE4E5B9,
    ],
    dtype=np.uint64,
)


def _shingle_matrix(word_lists: list[list[str]], size: int):
    """Binary document x shingle matrix; a shingle is a 64-bit hash of ``size`` word hashes.

    Vectorised over the whole corpus: word hashes are concatenated and n-gram hashes that
    would straddle two documents are dropped. (Python's string hash is salted per process,
    but only equality of shingles matters, so results do not change between runs.)
    """
    from scipy.sparse import csr_matrix

    if size > len(_MULTIPLIERS):
        raise ValueError(f"shingle_size must be at most {len(_MULTIPLIERS)}")
    lengths = np.array([len(ws) for ws in word_lists], dtype=np.int64)
    flat = [w for ws in word_lists for w in ws]
    hashes = np.array(list(map(hash, flat)), dtype=np.int64).view(np.uint64)
    doc_of = np.repeat(np.arange(len(word_lists)), lengths)
    count = len(flat) - size + 1
    rows_parts, hash_parts = [], []
    if count > 0:
        h = np.zeros(count, dtype=np.uint64)
        for offset in range(size):  # loop over shingle positions, vectorised over the corpus
            h += hashes[offset : offset + count] * _MULTIPLIERS[offset]
        inside = doc_of[:count] == doc_of[size - 1 :]
        rows_parts.append(doc_of[:count][inside])
        hash_parts.append(h[inside])
    ends = np.cumsum(lengths)
    for k in np.flatnonzero((lengths > 0) & (lengths < size)):  # short texts: one shingle
        ws = hashes[ends[k] - lengths[k] : ends[k]]
        rows_parts.append(np.array([k]))
        hash_parts.append(np.array([np.sum(ws * _MULTIPLIERS[: len(ws)])], dtype=np.uint64))
    if not hash_parts or not sum(len(p) for p in hash_parts):
        return csr_matrix((len(word_lists), 1), dtype=np.int32)
    cols = np.unique(np.concatenate(hash_parts), return_inverse=True)[1].ravel()
    rows = np.concatenate(rows_parts)
    matrix = csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)),
        shape=(len(word_lists), int(cols.max()) + 1),
    )
    matrix.sum_duplicates()
    matrix.data[:] = 1  # a set of shingles, not counts
    return matrix


def _candidate_pairs(M, threshold: float, jaccard: bool):
    """Upper-triangle pairs (i, j, similarity) at or above the threshold."""
    from scipy.sparse import triu

    inter = triu(M @ M.T, k=1).tocoo()
    if jaccard:
        sizes = np.asarray(M.sum(axis=1)).ravel()
        sim = inter.data / (sizes[inter.row] + sizes[inter.col] - inter.data)
    else:
        sim = inter.data
    keep = sim >= threshold
    return inter.row[keep], inter.col[keep], sim[keep]


def duplicate_matches(
    docs,
    ids: Sequence[str],
    *,
    dates: Sequence[str | None] | None = None,
    threshold: float | None = None,
    shingle_size: int = 5,
) -> tuple[DuplicateMatch, ...]:
    """Every article that repeats an earlier one, with the kind of match and its similarity.

    Parameters
    ----------
    docs : sequence of str, sequence of Sentence tuples, or sparse matrix
        Article texts, their sentences (preferred: no re-tokenising), or L2-normalised
        TF-IDF rows (then near-duplicates are rows with cosine >= threshold and exact
        duplicates cannot be told apart from near ones).
    ids : sequence of str
        Article ids (unique).
    dates : sequence of str or None, optional
        ISO dates; the canonical article of a duplicate group is the first by
        ``(date, id)``; undated articles sort after dated ones.
    threshold : float, optional
        Jaccard of shingle sets (default :data:`DEFAULT_JACCARD`) or cosine for matrix input
        (default :data:`DEFAULT_COSINE`).
    shingle_size : int
        Words per shingle.

    Returns
    -------
    tuple of DuplicateMatch
        In input order; canonical articles are not listed.
    """
    from scipy.sparse import coo_matrix, issparse
    from scipy.sparse.csgraph import connected_components

    ids = [str(i) for i in ids]
    n = len(ids)
    if len(set(ids)) != n:
        raise ValueError("article ids must be unique")
    matrix_input = issparse(docs) or isinstance(docs, np.ndarray)
    if matrix_input and docs.shape[0] != n or not matrix_input and len(docs) != n:
        raise ValueError(f"{n} ids for a different number of documents")
    days = [parse_day(d) for d in (dates if dates is not None else [None] * n)]
    order_key = [(d is None, d or 0, i) for d, i in zip(days, ids)]

    rows, cols, sims, exact_of = [], [], [], {}
    if matrix_input:
        threshold = DEFAULT_COSINE if threshold is None else threshold
        r, c, s = _candidate_pairs(docs, threshold, jaccard=False)
        rows, cols, sims = list(r), list(c), list(s)
    else:
        threshold = DEFAULT_JACCARD if threshold is None else threshold
        word_lists = [_words(d) for d in docs]
        seen: dict[str, int] = {}
        for k, ws in enumerate(word_lists):
            if not ws:
                continue
            digest = hashlib.sha1(" ".join(ws).encode("utf-8")).hexdigest()
            if digest in seen:
                exact_of[k] = seen[digest]
                rows.append(seen[digest])
                cols.append(k)
                sims.append(1.0)
            else:
                seen[digest] = k
        M = _shingle_matrix(word_lists, shingle_size)
        r, c, s = _candidate_pairs(M, threshold, jaccard=True)
        rows += list(r)
        cols += list(c)
        sims += list(s)
    if not rows:
        return ()
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    canonical: dict[int, int] = {}
    for k in sorted(range(n), key=lambda k: order_key[k]):
        canonical.setdefault(labels[k], k)
    best: dict[tuple[int, int], float] = {}
    best_any = np.zeros(n)
    for i, j, s in zip(rows, cols, sims):
        best[i, j] = best[j, i] = max(s, best.get((i, j), 0.0))
        best_any[i], best_any[j] = max(best_any[i], s), max(best_any[j], s)
    matches = []
    for k in range(n):
        root = canonical[labels[k]]
        if root == k:
            continue
        exact = not matrix_input and _same_text(k, root, exact_of)
        sim = 1.0 if exact else best.get((k, root), float(best_any[k]))
        matches.append(DuplicateMatch(ids[k], ids[root], "exact" if exact else "near", sim))
    return tuple(matches)


def _same_text(k: int, root: int, exact_of: Mapping[int, int]) -> bool:
    return exact_of.get(k, k) == exact_of.get(root, root)


def near_duplicates(
    docs,
    ids: Sequence[str],
    *,
    dates: Sequence[str | None] | None = None,
    threshold: float | None = None,
    shingle_size: int = 5,
) -> Mapping[str, str | None]:
    """``article_id -> id of the article it duplicates`` (``None`` for originals).

    Same parameters as :func:`duplicate_matches`. Deterministic: the canonical article of a
    group is the first by ``(date, id)``.

    Examples
    --------
    >>> near_duplicates(["a b c d e f", "a b c d e f g", "x y z"], ["1", "2", "3"],
    ...                 dates=["2024-01-02", "2024-01-01", None], threshold=0.5)["1"]
    '2'
    """
    result: dict[str, str | None] = {str(i): None for i in ids}
    for m in duplicate_matches(
        docs, ids, dates=dates, threshold=threshold, shingle_size=shingle_size
    ):
        result[m.article_id] = m.duplicate_of
    return FrozenMapping(result)


def story_ids(labels: Sequence[int]) -> tuple[str, ...]:
    """Readable story ids ``s01, s02, ...`` numbered by each story's first article.

    Examples
    --------
    >>> story_ids([7, 7, 3, 9, 3])
    ('s01', 's01', 's02', 's03', 's02')
    """
    first: dict[int, int] = {}
    for label in labels:
        first.setdefault(label, len(first))
    width = max(2, len(str(len(first))))
    return tuple(f"s{first[label] + 1:0{width}d}" for label in labels)


def _blocks(days: list[int | None], window_days: int) -> list[np.ndarray]:
    """Index blocks that can never share a story (all dated, date gaps > window)."""
    n = len(days)
    if any(d is None for d in days):
        return [np.arange(n)]
    order = np.argsort(np.array(days), kind="mergesort")
    sorted_days = np.array(days)[order]
    cuts = np.flatnonzero(np.diff(sorted_days) > window_days) + 1
    return [np.sort(b) for b in np.split(order, cuts)]


def cluster_stories(
    X,
    dates: Sequence[str | None] | None = None,
    *,
    threshold: float | None = None,
    window_days: int | None = 3,
    linkage: str = "average",
) -> tuple[str, ...]:
    """Story id for every article (``"s01"``, ``"s02"`` ... in order of first appearance).

    Parameters
    ----------
    X : sparse matrix or array, shape (n_articles, n_features)
        L2-normalised TF-IDF rows.
    dates : sequence of str or None, optional
        ISO dates; unparseable or missing dates do not constrain merges.
    threshold : float, optional
        Cosine *distance* (1 - cosine) at which the dendrogram is cut: with average linkage,
        two groups merge while their mean pairwise distance is at most ``threshold``.
        Default: :data:`DEFAULT_STORY_DISTANCE` (0.93) when the window applies and at least
        half of the articles are dated, else :data:`DEFAULT_STORY_DISTANCE_UNDATED` (0.85).
        Calibrated on unigram+bigram TF-IDF (sublinear tf, terms in >= 2 articles).
    window_days : int or None
        Dated articles more than this many days apart never end up in the same story
        (``None``: no window).
    linkage : {"average", "complete", "single"}
        Average (default) balances single linkage's chaining against complete linkage's
        fragmentation; single linkage cannot enforce the date window (it chains through
        intermediate articles).

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.99, 0.14], [0.0, 1.0], [1.0, 0.0]])
    >>> cluster_stories(X, threshold=0.3)
    ('s01', 's01', 's02', 's01')
    >>> cluster_stories(X, ["2024-01-01", "2024-01-02", "2024-01-01", "2024-03-01"], threshold=0.3)
    ('s01', 's01', 's02', 's03')
    """
    from scipy.cluster.hierarchy import fcluster
    from scipy.cluster.hierarchy import linkage as scipy_linkage
    from scipy.sparse import issparse

    n = X.shape[0]
    if linkage not in ("average", "complete", "single"):
        raise ValueError(f"linkage must be 'average', 'complete' or 'single', not {linkage!r}")
    if n == 0:
        return ()
    days = [parse_day(d) for d in (dates if dates is not None else [None] * n)]
    window = window_days
    dated = sum(d is not None for d in days) >= n / 2
    if threshold is None:
        use_dates = window is not None and dated
        threshold = DEFAULT_STORY_DISTANCE if use_dates else DEFAULT_STORY_DISTANCE_UNDATED
    blocks = _blocks(days, window) if window is not None else [np.arange(n)]
    labels = np.zeros(n, dtype=np.int64)
    next_label = 0
    for block in blocks:
        if len(block) == 1:
            labels[block] = next_label
            next_label += 1
            continue
        sub = X[block]
        sims = sub @ sub.T
        sims = sims.toarray() if issparse(sims) else np.asarray(sims)
        dist = np.clip(1.0 - sims, 0.0, 2.0)
        if window is not None:
            d = np.array([np.nan if days[k] is None else days[k] for k in block])
            apart = np.abs(d[:, None] - d[None, :]) > window  # NaN compares False
            dist[apart] = 4.0 * len(block) ** 2 + 4.0  # average over any pair stays > 2
        np.fill_diagonal(dist, 0.0)
        condensed = dist[np.triu_indices(len(block), k=1)]
        tree = scipy_linkage(condensed, method=linkage)
        sub_labels = fcluster(tree, t=threshold, criterion="distance")
        labels[block] = sub_labels + next_label
        next_label += int(sub_labels.max()) + 1
    return story_ids(labels.tolist())
