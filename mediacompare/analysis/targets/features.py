"""Target-aware features of one mention: what the sentence says *around* the target.

A mention is a sentence plus the character span of the target in it. The sentence is tokenised
with :func:`mediacompare.text.tokenize` (or its existing tokens are reused), the target's tokens
are replaced by one ``<t>`` placeholder (so the model judges the context, never the name), and
the context is described by several blocks of features:

``w``     unigrams (words within three tokens after a negator get ``_NEG``) and bigrams of the
          masked sentence
``win``   the ``window`` words before (``L_``) and after (``R_``) the target, and the nearest
          one and two words on each side
``near``  all words weighted by ``exp(-distance / decay)`` (distance in tokens from the target)
``cl``    the words of the target's clause (up to the nearest punctuation or quote mark)
``lex``   VADER-lexicon valence found left/right of the target, near/mid/far, inside/outside its
          clause, inside/outside a quotation (negation flips the sign)
``ch``    character 2–5-grams of the masked sentence (word-bounded)

plus a few dense numbers (:data:`DENSE_NAMES`: lexicon valence sums by region, target position,
pronoun target, target inside quotes). :mod:`mediacompare.analysis.targets.vectorizer` turns these into
a weighted TF-IDF matrix.

Examples
--------
>>> m = mention("Critics condemned Smith over the scandal.", 18, 23)
>>> sparse, dense = featurize(m)
>>> sparse["win|L1_condemned"], sparse["win|R1_over"], "w|<t>" in sparse, "w|smith" in sparse
(1, 1, True, False)
>>> round(sparse["lex|N_left_near"], 3), sparse["lex|N_right_near"]  # |valence|/4: condemned, scandal
(0.775, 0.475)
>>> dense[DENSE_NAMES.index("clause_negative")]
-5.0
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ...model import Token
from ...text import tokenize
from ..vader import load_lexicon

__all__ = [
    "BLOCKS", "DENSE_NAMES", "Mention", "SentenceView", "char_words", "featurize",
    "mention", "sentence_view", "word_char_ngrams",
]

#: Sparse feature blocks: name → (idf weighting, sublinear tf, L2-normalised per block).
BLOCKS: dict[str, tuple[bool, bool, bool]] = {
    "w": (True, True, True),
    "win": (True, True, True),
    "near": (False, False, True),
    "cl": (True, True, True),
    "lex": (False, False, False),
    "ch": (True, True, True),
}

#: Names of the dense features, in column order.
DENSE_NAMES: tuple[str, ...] = (
    *(f"{region}_{sign}" for region in ("left", "right", "sentence", "clause", "near")
      for sign in ("positive", "negative")),
    "at_start", "relative_position", "pronoun", "in_quotes", "has_quotes", "log_length",
)

TARGET = "<t>"
_NEGATORS = frozenset(
    "not no never none nobody nothing neither nor without cannot n't dont didnt doesnt isnt"
    " wasnt wont cant couldnt shouldnt wouldnt aint hardly barely".split()
)
_PRONOUNS = frozenset("he she him her his hers they them their i we us our you it its".split())
_QUOTE_MARKS = frozenset({'"', "“", "”"})
_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", ".", "?", "!"}) | _QUOTE_MARKS
_NEGATION_SCALAR = -0.74  # VADER's N_SCALAR


@dataclass(frozen=True)
class Mention:
    """A target mention: sentence text, its tokens and the span (offsets into ``text``).

    ``offset`` is where ``text`` starts in the tokens' own text: an article's tokens serve its
    sentences as they are (token offset − ``offset`` = position in ``text``).
    """

    text: str
    tokens: tuple[Token, ...]
    start: int
    end: int
    offset: int = 0


def mention(text: str, start: int, end: int, tokens: Sequence[Token] | None = None) -> Mention:
    """Build a :class:`Mention`, tokenising ``text`` unless its ``tokens`` are given.

    Examples
    --------
    >>> m = mention("Putin spoke.", 0, 5)
    >>> [t.text for t in m.tokens], m.text[m.start:m.end]
    (['Putin', 'spoke', '.'], 'Putin')
    """
    return Mention(text, tuple(tokens) if tokens is not None else tokenize(text), start, end)


def _is_negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith(("n't", "n’t"))


def char_words(m: Mention) -> list[str]:
    r"""Lower-cased white-space words of the sentence with the target replaced by ``\x01``.

    Examples
    --------
    >>> char_words(mention("Ask Mr Smith now", 7, 12))
    ['ask', 'mr', '\x01', 'now']
    """
    return f"{m.text[: m.start]} \x01 {m.text[m.end :]}".lower().split()


@lru_cache(maxsize=100_000)
def word_char_ngrams(word: str, low: int, high: int) -> tuple[str, ...]:
    """``ch|`` keys of one word's character n-grams, like scikit-learn's ``char_wb``.

    Examples
    --------
    >>> word_char_ngrams("war", 2, 5)
    ('ch| w', 'ch|wa', 'ch|ar', 'ch|r ', 'ch| wa', 'ch|war', 'ch|ar ', 'ch| war', 'ch|war ', 'ch| war ')
    """
    padded = f" {word} "
    size = len(padded)
    grams = []
    for n in range(low, high + 1):
        if size <= n:
            grams.append("ch|" + padded)
            break
        grams.extend(["ch|" + padded[i : i + n] for i in range(size - n + 1)])
    return tuple(grams)


class SentenceView(NamedTuple):
    """What :func:`featurize` reads from a mention's tokens, computed once per sentence."""

    words: list[str]
    negator: list[bool]
    starts: list[int]
    ends: list[int]
    #: ``w`` key of each word in the unmasked sentence (``_NEG`` in a negator's scope).
    word_keys: list[str]
    #: Negation scope before each word (and at the end) in the unmasked sentence.
    scope_before: list[int]
    #: ``w`` key of each pair of adjacent words.
    bigram_keys: list[str]
    #: Indices of the punctuation breaks (clause bounds), ascending.
    breaks: list[int]
    #: ``near|`` key of each word.
    near_keys: list[str]
    #: (index, valence) of the words in the VADER lexicon (punctuation breaks excluded).
    valences: list[tuple[int, float]]
    #: Number of quote marks before each token (and before the end).
    quotes_before: list[int]


def sentence_view(tokens: Sequence[Token], offset: int = 0) -> SentenceView:
    """The lower-cased words, negator flags and token offsets (minus ``offset``) of one sentence,
    with the per-word keys and lookups every mention of it needs."""
    words = [t.text.lower() for t in tokens]
    negator = [_is_negator(w) for w in words]
    word_keys, scope_before = _scoped_word_keys(words, negator)
    lex = load_lexicon()
    quotes_before = [0]
    for word in words:
        quotes_before.append(quotes_before[-1] + (word in _QUOTE_MARKS))
    return SentenceView(
        words,
        negator,
        [t.start - offset for t in tokens],
        [t.end - offset for t in tokens],
        word_keys,
        scope_before,
        [f"w|{a} {b}" for a, b in zip(words, words[1:])],
        [i for i, w in enumerate(words) if w in _BREAKS],
        ["near|" + w for w in words],
        [(i, lex[w]) for i, w in enumerate(words) if w in lex and w not in _BREAKS],
        quotes_before,
    )


def _scoped_word_keys(
    words: Sequence[str], negator: Sequence[bool], scope: int = 0
) -> tuple[list[str], list[int]]:
    """``w`` unigram keys of ``words`` (``_NEG`` within three words after a negator, up to a
    punctuation break) and the scope before each word and at the end, starting at ``scope``."""
    keys: list[str] = []
    scope_before: list[int] = []
    for word, is_negator in zip(words, negator):
        scope_before.append(scope)
        if word in _BREAKS:
            scope = 0
            keys.append("w|" + word)
            continue
        keys.append("w|" + word + "_NEG" if scope > 0 else "w|" + word)
        scope = 3 if is_negator else max(0, scope - 1)
    scope_before.append(scope)
    return keys, scope_before


def featurize(
    m: Mention,
    window: int = 4,
    decay: float = 4.0,
    char_range: tuple[int, int] = (2, 5),
    chars: bool = True,
    view: SentenceView | None = None,
) -> tuple[dict[str, float], list[float]]:
    """Sparse (``"block|feature"`` → raw value) and dense features of one mention.

    Parameters
    ----------
    m : Mention
        The sentence, its tokens and the target span.
    window : int
        Words on each side that form the ``win`` block.
    decay : float
        Distance (in tokens) over which the ``near`` weights fall by a factor e.
    char_range : (int, int)
        Smallest and largest character n-gram.
    chars : bool
        Include the ``ch`` block (callers that map :func:`char_words` themselves skip it).
    view : SentenceView, optional
        :func:`sentence_view` of ``m.tokens``, when the caller scores several mentions of one
        sentence.

    Returns
    -------
    (dict, list)
        Sparse raw counts/weights and the :data:`DENSE_NAMES` values.
    """
    if view is None:
        view = sentence_view(m.tokens, m.offset)
    words, negator, starts, ends = view.words, view.negator, view.starts, view.ends
    lo = bisect.bisect_right(ends, m.start)  # index of the first token of (or after) the target
    hi = bisect.bisect_left(starts, m.end, lo)  # first token after the target
    left, right, target_words = words[:lo], words[hi:], words[lo:hi]
    clause_lo, clause_hi, clause_keys = _clause(view, lo, hi)
    keys = _word_keys(view, lo, hi) + _window_keys(left, right, window) + clause_keys
    in_quotes = view.quotes_before[lo] % 2 == 1
    lexical, sums = _lexicon_features(view, lo, hi, clause_lo, clause_hi, in_quotes)
    if chars:  # ch: character n-grams of the sentence with the target masked (cached per word)
        low, high = char_range
        for word in char_words(m):
            keys += word_char_ngrams(word, low, high)
    # the key prefixes of the blocks differ: nothing is overwritten
    feats: dict[str, float] = {**Counter(keys), **_near_weights(view.near_keys, lo, hi, decay), **lexical}
    last = target_words[-1] if target_words else ""
    dense = [v for region in sums.values() for v in region] + [
        float(lo == 0),
        lo / max(1, len(words)),
        float(last in _PRONOUNS),
        float(in_quotes),
        float(view.quotes_before[-1] > 0),
        math.log1p(len(words)),
    ]
    return feats, dense


def _word_keys(view: SentenceView, lo: int, hi: int) -> list[str]:
    """``w`` block: negation-marked unigrams and plain bigrams of the sentence with the words
    ``lo:hi`` masked as one :data:`TARGET` (neither negator nor break).

    Only the three words after the target can be marked differently from the unmasked
    sentence: by then a negator, a break or three plain words have given both the same scope.
    """
    words, scope = view.words, view.scope_before[lo]
    after, _ = _scoped_word_keys(words[hi : hi + 3], view.negator[hi : hi + 3], max(0, scope - 1))
    keys = [*view.word_keys[:lo], "w|" + TARGET + ("_NEG" if scope > 0 else ""), *after,
            *view.word_keys[hi + 3 :], *view.bigram_keys[: max(lo - 1, 0)]]
    if lo:
        keys.append(f"w|{words[lo - 1]} {TARGET}")
    if hi < len(words):
        keys.append(f"w|{TARGET} {words[hi]}")
    return keys + view.bigram_keys[hi:]


def _window_keys(left: list[str], right: list[str], window: int) -> list[str]:
    """``win`` block: context windows and the nearest words on each side."""
    keys = ["win|L_" + word for word in left[-window:]]
    keys += ["win|R_" + word for word in right[:window]]
    keys.append("win|L1_" + (left[-1] if left else "<s>"))
    keys.append("win|R1_" + (right[0] if right else "</s>"))
    if len(left) > 1:
        keys.append(f"win|L2_{left[-2]}_{left[-1]}")
    if len(right) > 1:
        keys.append(f"win|R2_{right[0]}_{right[1]}")
    return keys


def _near_weights(near_keys: list[str], lo: int, hi: int, decay: float) -> dict[str, float]:
    """``near`` block: a bag of words weighted by exp(-distance / decay) from the target.

    The distance is counted in the masked sentence (the target is one token); a repeated
    word's weights are summed from the start of the sentence on.
    """
    n_right = len(near_keys) - hi
    weight = _decay_weights(decay, max(lo + 1, n_right + 1))  # by distance
    near: dict[str, float] = {}
    get = near.get
    for key, w in zip(near_keys[:lo], weight[lo:0:-1]):
        near[key] = get(key, 0.0) + w
    for key, w in zip(near_keys[hi:], weight[1:]):
        near[key] = get(key, 0.0) + w
    return near


@lru_cache(maxsize=1024)
def _decay_weights(decay: float, size: int) -> tuple[float, ...]:
    """``exp(-d / decay)`` for the distances ``d`` in ``range(size)``."""
    return tuple(math.exp(-d / decay) for d in range(size))


def _clause(view: SentenceView, lo: int, hi: int) -> tuple[int, int, list[str]]:
    """The target's clause (up to the nearest break on each side): its bounds, exclusive, and
    its ``cl`` keys."""
    words, breaks = view.words, view.breaks
    before = bisect.bisect_left(breaks, lo)
    clause_lo = breaks[before - 1] if before else -1
    after = bisect.bisect_left(breaks, hi, before)
    clause_hi = breaks[after] if after < len(breaks) else len(words)
    keys = ["cl|" + w for w in reversed(words[clause_lo + 1 : lo])]
    keys += ["cl|" + w for w in words[hi:clause_hi]]
    return clause_lo, clause_hi, keys


def _lexicon_features(
    view: SentenceView, lo: int, hi: int, clause_lo: int, clause_hi: int, in_quotes: bool,
) -> tuple[dict[str, float], dict[str, tuple[float, float]]]:
    """``lex`` block (lexicon valence by side, distance, clause and quotes) and the dense
    (positive, negative) sums per region."""
    lexical: dict[str, float] = {}
    sums = dict.fromkeys(("left", "right", "sentence", "clause", "near"), (0.0, 0.0))
    for i, value in view.valences:
        if lo <= i < hi:
            continue
        if _negated(view.words, view.negator, i, lo, hi):
            value *= _NEGATION_SCALAR
        side = "left" if i < lo else "right"
        distance = lo - i if i < lo else i - hi + 1
        in_clause = clause_lo < i < clause_hi
        regions = [("sentence", value), (side, value * math.exp(-distance / 6.0))]
        if in_clause:
            regions.append(("clause", value))
        if distance <= 3:
            regions.append(("near", value))
        for region, v in regions:
            pos, neg = sums[region]
            sums[region] = (pos + v, neg) if v > 0 else (pos, neg + v)
        sign = "P" if value > 0 else "N"
        bucket = "near" if distance <= 3 else "mid" if distance <= 8 else "far"
        strength = abs(value) / 4.0
        for key in (f"lex|{sign}_{side}_{bucket}", f"lex|{sign}_{'in' if in_clause else 'out'}_clause",
                    f"lex|{sign}_{'in' if in_quotes else 'out'}_quotes"):
            lexical[key] = lexical.get(key, 0.0) + strength
    return lexical, sums


def _negated(words: list[str], negator: list[bool], i: int, lo: int, hi: int) -> bool:
    """Whether word ``i`` is in a negator's scope: one of the three words before it (skipping
    the target ``lo:hi``) is a negator, with no punctuation break after it."""
    seen = 0
    j = i - 1
    while j >= 0 and seen < 3:
        if lo <= j < hi:
            j = lo - 1
            continue
        if words[j] in _BREAKS:
            return False
        if negator[j]:
            return True
        seen += 1
        j -= 1
    return False
