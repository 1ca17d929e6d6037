"""Coverage and omission: which sentences an outlet shares with the others, which only it has.

Sentences of the articles of *one story* are turned into TF-IDF vectors fitted on that story's
sentences (so words common in the story, like "Ukraine" in a Ukraine story, count little).
A sentence of outlet A is **shared** with outlet B when its cosine similarity to at least one
sentence of B reaches the threshold (one-to-many: it may match several of B's sentences);
otherwise it is **unique to A**. Unique sentences are grouped by a recurring key word (or by
the actor an optional resolver names) so a reader sees "what only A reports" by topic.

The default threshold and features come from ``benchmarks/calibrate_alignment.py`` on real
multi-outlet groups (``article-bias-prediction``): see :data:`DEFAULT_THRESHOLD`.

Examples
--------
>>> from mediacompare.text import sentences
>>> a = sentences("Ukraine fired US-made ATACMS missiles at a Russian airfield in Crimea on "
...               "Tuesday. The mayor of Kyiv opened a new children's hospital downtown.")
>>> b = sentences("On Tuesday Ukraine fired ATACMS missiles made in the US at an airfield in "
...               "Crimea. Moscow called the strike a dangerous provocation by the West.")
>>> al = align_sentences([("a1", "Meduza", a), ("b1", "Tabloid", b)])
>>> [r.text for r in al.unique["Meduza"]], al.shares["Meduza"]
(["The mayor of Kyiv opened a new children's hospital downtown."], 0.5)
>>> al.shared["Tabloid"][0].shared_with, round(al.pairs[0].similarity, 2)
(('Meduza',), 0.83)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from ..model import FrozenMapping, Sentence
from ..text import ABBREVIATIONS, english_stop_words

__all__ = [
    "DEFAULT_MIN_WORDS",
    "DEFAULT_THRESHOLD",
    "AlignedPair",
    "Alignment",
    "SentenceRef",
    "align_sentences",
    "content_words",
]

#: Cosine threshold for "shared" with word features: the 99th percentile of best-match
#: similarities between sentences of *different* stories on the same topic (a false-match
#: rate of about 1% per sentence), from ``benchmarks/calibrate_alignment.py``.
DEFAULT_THRESHOLD = 0.32
#: Sentences with fewer content words are not compared (their cosines are unstable).
DEFAULT_MIN_WORDS = 4

Features = Literal["words", "chars"]


@dataclass(frozen=True)
class SentenceRef:
    """A sentence quoted in the coverage section.

    ``best_similarity`` is its highest cosine to any sentence of another outlet;
    ``shared_with`` the outlets where it reaches the threshold (empty for unique ones);
    ``group`` the topic key (or actor) used to group unique sentences (``None``: no group).
    """

    article_id: str
    outlet: str
    index: int
    text: str
    best_similarity: float
    shared_with: tuple[str, ...] = ()
    group: str | None = None


@dataclass(frozen=True)
class AlignedPair:
    """Two sentences of different outlets whose cosine similarity reaches the threshold."""

    article_a: str
    sentence_a: int
    article_b: str
    sentence_b: int
    similarity: float
    outlet_a: str = ""
    outlet_b: str = ""


def _freeze(d: Mapping) -> Mapping:
    return FrozenMapping(d)


@dataclass(frozen=True)
class Alignment:
    """Result of :func:`align_sentences` for one story.

    Attributes
    ----------
    pairs : tuple of AlignedPair
        Every cross-outlet sentence pair at or above the threshold.
    shared, unique : mapping outlet -> tuple of SentenceRef
        In article then sentence order. Unique sentences carry a ``group``.
    shares : mapping outlet -> float
        Shared sentences / compared sentences of the outlet.
    pair_shares : mapping outlet -> mapping outlet -> float
        Share of the first outlet's compared sentences matched in the second.
    n_compared, n_skipped : mapping outlet -> int
        Sentences compared / left out for having fewer than ``min_words`` content words.
    n_repeated : mapping outlet -> int
        Sentences left out because the same outlet already has one with the same content
        words (a paragraph repeated by the scraper, boilerplate in several articles): each
        is compared, counted and listed once.
    """

    pairs: tuple[AlignedPair, ...]
    shared: Mapping[str, tuple[SentenceRef, ...]]
    unique: Mapping[str, tuple[SentenceRef, ...]]
    shares: Mapping[str, float]
    pair_shares: Mapping[str, Mapping[str, float]]
    n_compared: Mapping[str, int]
    n_skipped: Mapping[str, int]
    threshold: float
    features: str
    outlets: tuple[str, ...] = ()
    note: str = ""
    n_repeated: Mapping[str, int] = field(default_factory=FrozenMapping)

    def unique_by_group(self, outlet: str) -> Mapping[str, tuple[SentenceRef, ...]]:
        """Unique sentences of ``outlet`` grouped by key; ungrouped ones under ``"other"``.

        Groups are ordered by size (largest first), then name; ``"other"`` comes last.
        """
        groups: dict[str, list[SentenceRef]] = {}
        for ref in self.unique.get(outlet, ()):
            groups.setdefault(ref.group or "other", []).append(ref)
        order = sorted(groups, key=lambda g: (g == "other", -len(groups[g]), g))
        return _freeze({g: tuple(groups[g]) for g in order})


def content_words(sentence: Sentence) -> list[str]:
    """Lower-cased word tokens of a sentence without English stop words (numbers kept).

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> content_words(sentences("The missiles have a 186-mile range.")[0])
    ['missiles', '186-mile', 'range']
    """
    stop = english_stop_words()
    return [w for w in sentence.words if w not in stop]


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def sentence_vectors(word_lists: Sequence[list[str]], features: Features = "words"):
    """L2-normalised TF-IDF rows of sentences given as content-word lists.

    ``"words"``: content-word unigrams, sublinear tf. ``"chars"``: character 3–5-grams
    within words (robust to inflection: "missile"/"missiles"), sublinear tf.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    if features == "words":
        vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
        return vec.fit_transform(word_lists)
    if features == "chars":
        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
        return vec.fit_transform([" ".join(ws) for ws in word_lists])
    raise ValueError(f"features must be 'words' or 'chars', not {features!r}")


def best_matches(X, outlet_codes: np.ndarray, n_outlets: int, chunk: int = 2048):
    """Best cosine of each row against each outlet's rows, as an ``(n, n_outlets)`` matrix.

    A row's own outlet gets ``-inf``. Rows are processed in chunks to bound memory.

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]])
    >>> best_matches(X, np.array([0, 1, 1]), 2).round(2).tolist()
    [[-inf, 0.6], [0.6, -inf], [0.0, -inf]]
    """
    return _scan(X, outlet_codes, n_outlets, None, chunk)[0]


def _scan(X, codes: np.ndarray, n_outlets: int, threshold: float | None, chunk: int = 2048):
    """One pass over the similarity matrix: best match per outlet and, if a threshold is
    given, the cross-outlet pairs ``(i, j, similarity)`` with ``i < j`` at or above it."""
    n = X.shape[0]
    best = np.full((n, n_outlets), -np.inf)
    pairs: list[tuple[int, int, float]] = []
    for start in range(0, n, chunk):
        sims = X[start : start + chunk] @ X.T
        sims = sims.toarray() if hasattr(sims, "toarray") else np.asarray(sims)
        own = codes[start : start + len(sims)]
        for o in range(n_outlets):
            cols = codes == o
            if cols.any():
                best[start : start + len(sims), o] = sims[:, cols].max(axis=1)
        best[np.arange(start, start + len(sims)), own] = -np.inf
        if threshold is not None:
            rows, cols = np.nonzero(sims >= threshold)
            keep = (cols > rows + start) & (own[rows] != codes[cols])
            rows, cols = rows[keep], cols[keep]
            pairs.extend(zip((rows + start).tolist(), cols.tolist(), sims[rows, cols].tolist()))
    return best, pairs


def _group_keys(
    sents: Sequence[Sentence],
    word_sets: list[set[str]],
    df: Mapping[str, int],
    n: int,
    max_df: float = 0.25,
) -> list[str | None]:
    """Topic key per sentence by greedy cover: repeatedly take the word found in the most
    not-yet-grouped sentences (ties: rarer in the story, then alphabetical), as long as it
    groups at least two. Words in more than ``max_df`` of the story's sentences ("Ukraine" in
    a Ukraine story; at least 2 sentences are always allowed), bare numbers and abbreviations
    ("Mrs", "Gen", "Jan") are not used. Keys are shown in their most frequent
    spelling ("Pskov", "ATACMS")."""
    keys: list[str | None] = [None] * len(word_sets)
    open_rows = set(range(len(word_sets)))
    limit = max(2.0, max_df * n)
    usable = [
        {w for w in ws if df.get(w, n) <= limit and not w.isdigit() and w not in ABBREVIATIONS}
        for ws in word_sets
    ]
    while True:
        counts = Counter(w for i in open_rows for w in usable[i])
        if not counts:
            break
        word = min(counts, key=lambda w: (-counts[w], df.get(w, n), w))
        if counts[word] < 2:
            break
        rows = [i for i in sorted(open_rows) if word in usable[i]]
        label = _display_form(word, [sents[i] for i in rows])
        for i in rows:
            keys[i] = label
            open_rows.discard(i)
    return keys


def _display_form(word: str, sents: Sequence[Sentence]) -> str:
    forms = Counter(t.text for s in sents for t in s.tokens if t.text.lower() == word)
    return min(forms, key=lambda f: (-forms[f], f)) if forms else word


def _unpack(item) -> tuple[str, str, Sequence[Sentence]]:
    if hasattr(item, "article") and hasattr(item, "sentences"):  # ArticleAnalysis
        return item.article.id, item.article.outlet, item.sentences
    article_id, outlet, sents = item
    return str(article_id), str(outlet), sents


def align_sentences(
    articles: Sequence,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    features: Features = "words",
    min_words: int = DEFAULT_MIN_WORDS,
    actor_of: Callable[[Sentence], str | None] | None = None,
) -> Alignment:
    """Align the sentences of one story's articles across outlets.

    Parameters
    ----------
    articles : sequence of ArticleAnalysis or (article_id, outlet, sentences)
        The articles of *one* story (cluster first with :mod:`mediacompare.comparison.stories`), each
        with the :class:`~mediacompare.model.Sentence` objects from ``text.sentences``.
    threshold : float
        Cosine similarity at or above which two sentences count as the same content.
        The default is calibrated for ``features="words"``.
    features : {"words", "chars"}
        Content-word TF-IDF (default) or character n-gram TF-IDF.
    min_words : int
        Sentences with fewer content words are not compared (headline fragments, datelines).
        A sentence whose content words repeat an earlier sentence of the same outlet is not
        compared either (see ``Alignment.n_repeated``).
    actor_of : callable, optional
        ``actor_of(sentence) -> name or None``; when given, unique sentences naming an actor
        are grouped under that actor, the others by topic word.

    Returns
    -------
    Alignment
    """
    items = [_unpack(it) for it in articles]
    outlets = tuple(sorted({o for _, o, _ in items}))
    code_of = {o: i for i, o in enumerate(outlets)}
    refs, skipped, repeated = _comparable_sentences(items, min_words)
    compared = Counter(o for _, o, _, _ in refs)
    empty = {o: () for o in outlets}
    base: dict[str, Any] = {
        "threshold": threshold,
        "features": features,
        "outlets": outlets,
        "n_compared": _freeze({o: compared[o] for o in outlets}),
        "n_skipped": _freeze({o: skipped[o] for o in outlets}),
        "n_repeated": _freeze({o: repeated[o] for o in outlets}),
    }
    if len(compared) < 2:
        return Alignment(
            (),
            _freeze(empty),
            _freeze(empty),
            _freeze({o: float("nan") for o in outlets}),
            _freeze({}),
            note="fewer than two outlets with comparable sentences",
            **base,
        )

    codes = np.array([code_of[o] for _, o, _, _ in refs])
    X = sentence_vectors([w for *_, w in refs], features)
    best, raw_pairs = _scan(X, codes, len(outlets), threshold)
    hit = best >= threshold

    shared, unique = _shared_and_unique(refs, outlets, best, hit, actor_of)
    pairs = tuple(
        AlignedPair(
            refs[i][0], refs[i][2].index, refs[j][0], refs[j][2].index, sim, refs[i][1], refs[j][1]
        )
        for i, j, sim in raw_pairs
    )
    shares = {o: len(shared[o]) / compared[o] if compared[o] else float("nan") for o in outlets}
    pair_shares = _pair_shares(hit, codes, outlets, compared)
    return Alignment(
        pairs=pairs,
        shared=_freeze({o: tuple(v) for o, v in shared.items()}),
        unique=_freeze(unique),
        shares=_freeze(shares),
        pair_shares=_freeze(pair_shares),
        **base,
    )


_Ref = tuple[str, str, Sentence, list[str]]  # article id, outlet, sentence, its content words


def _comparable_sentences(
    items, min_words: int
) -> tuple[list[_Ref], Counter[str], Counter[str]]:
    """The sentences worth comparing, and per outlet how many were too short or repeated an
    earlier sentence of the same outlet."""
    refs: list[_Ref] = []
    skipped: Counter[str] = Counter()
    repeated: Counter[str] = Counter()
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for article_id, outlet, sents in items:
        for s in sents:
            words = content_words(s)
            if len(words) < min_words:
                skipped[outlet] += 1
            elif (outlet, tuple(words)) in seen:
                repeated[outlet] += 1
            else:
                seen.add((outlet, tuple(words)))
                refs.append((article_id, outlet, s, words))
    return refs, skipped, repeated


def _shared_and_unique(
    refs: Sequence[_Ref],
    outlets: tuple[str, ...],
    best: np.ndarray,
    hit: np.ndarray,
    actor_of: Callable[[Sentence], str | None] | None,
) -> tuple[dict[str, list[SentenceRef]], dict[str, tuple[SentenceRef, ...]]]:
    """Per outlet, the sentences another outlet also carries (with the partners) and the
    unique ones, grouped by actor or topic word."""
    df = Counter(w for *_, ws in refs for w in set(ws))
    shared: dict[str, list[SentenceRef]] = {o: [] for o in outlets}
    unique_rows: dict[str, list[int]] = {o: [] for o in outlets}
    for i, (article_id, outlet, s, _) in enumerate(refs):
        partners = tuple(outlets[o] for o in np.flatnonzero(hit[i]))
        if partners:
            shared[outlet].append(
                SentenceRef(article_id, outlet, s.index, s.text, float(best[i].max()), partners)
            )
        else:
            unique_rows[outlet].append(i)
    unique: dict[str, tuple[SentenceRef, ...]] = {}
    for outlet, rows in unique_rows.items():
        keys = _group_keys(
            [refs[i][2] for i in rows], [set(refs[i][3]) for i in rows], df, len(refs)
        )
        out = []
        for i, key in zip(rows, keys):
            article_id, _, s, _ = refs[i]
            actor = actor_of(s) if actor_of is not None else None
            best_sim = float(best[i].max())
            out.append(SentenceRef(article_id, outlet, s.index, s.text, best_sim, (), actor or key))
        unique[outlet] = tuple(out)
    return shared, unique


def _pair_shares(hit: np.ndarray, codes: np.ndarray, outlets: tuple[str, ...], compared):
    """For each outlet o and other outlet p, the share of o's compared sentences p also carries."""
    return {
        o: _freeze(
            {
                p: float(hit[codes == i, j].mean()) if compared[o] else float("nan")
                for j, p in enumerate(outlets)
                if p != o
            }
        )
        for i, o in enumerate(outlets)
    }
