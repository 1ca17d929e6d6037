"""The words of a sentence as the loaded-language model sees them, and their features.

A *word* is a run of letters (with inner apostrophes and hyphens) that is not a stop word; each
keeps its character span and whether it stands inside quotation marks (someone else's voice).

Examples
--------
>>> [(w.text, w.quoted) for w in sentence_words('Critics slammed the "radical" plan.')]
[('Critics', False), ('slammed', False), ('radical', True), ('plan', False)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from ...model import Sentence
from ...text import english_stop_words
from ..framing.quotes import quoted_spans
from ..vader import load_lexicon as vader_lexicon
from .embeddings import WordVectors
from .lexicon import LoadedLexicon

__all__ = ["DENSE_WORD_FEATURES", "Word", "sentence_words", "word_rows"]

_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]*[^\W\d_])?")
_QUOTE_MARK = re.compile("[\"\u201c\u201d'\u2018\u2019]")

#: Dense per-word features (in this order), before the word vector.
DENSE_WORD_FEATURES: tuple[str, ...] = (
    "vader_strength", "vader_negative", "in_vader", "capitalised", "length", "quoted", "unknown",
)


class Word(NamedTuple):
    """One candidate word: its span in the sentence, lower-cased form and neighbours (a named
    tuple: sentences hold tens of them and the whole corpus is scored word by word)."""

    text: str
    start: int
    end: int
    lower: str
    previous: str
    next: str
    quoted: bool
    first: bool


def _inside(start: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def sentence_words(text: str) -> list[Word]:
    """The non-stop-word words of one sentence, with spans relative to ``text``."""
    stop = english_stop_words()
    found = list(_WORD.finditer(text))
    lowers = [match.group().lower() for match in found]
    spans = quoted_spans(Sentence(0, 0, len(text), text)) if _QUOTE_MARK.search(text) else []
    previous, following = ["<s>", *lowers[:-1]], [*lowers[1:], "</s>"]
    return [
        Word(match.group(), match.start(), match.end(), lower, before, after,
             bool(spans) and _inside(match.start(), spans), i == 0)
        for i, (match, lower, before, after) in enumerate(zip(found, lowers, previous, following))
        if len(lower) >= 2 and lower not in stop
    ]


def word_rows(
    words: Sequence[Word],
    lexicon: LoadedLexicon,
    vectors: WordVectors,
    groups: Sequence[str],
) -> tuple[list[dict[str, float]], np.ndarray]:
    """Sparse (dict) and dense features of each word for the word model.

    ``groups`` selects the sparse features: ``"identity"`` (the word, its last three letters,
    the words either side) and ``"lexicon"`` (its lexicon category). The dense block
    (:data:`DENSE_WORD_FEATURES` then the word vector) is always present.
    """
    valence = vader_lexicon()
    use_identity, use_lexicon = "identity" in groups, "lexicon" in groups
    sparse: list[dict[str, float]] = []
    dense = np.zeros((len(words), len(DENSE_WORD_FEATURES) + vectors.dim), dtype=np.float64)
    for row, word in enumerate(words):
        features: dict[str, float] = {}
        if use_identity:
            features["w=" + word.lower] = 1.0
            features["suffix=" + word.lower[-3:]] = 1.0
            features["prev=" + word.previous] = 0.5
            features["next=" + word.next] = 0.5
        if use_lexicon and (name := lexicon.category(word.lower)) is not None:
            features["lexicon=" + name] = 1.0
            features["lexicon"] = 1.0
        sparse.append(features)
        strength = valence.get(word.lower, 0.0)
        vector = vectors.vector(word.lower)
        dense[row, :7] = (
            abs(strength) / 4, strength < 0, word.lower in valence,
            word.text[:1].isupper() and not word.first, len(word.lower) / 10, word.quoted,
            vector is None,
        )
        if vector is not None:
            dense[row, 7:] = vector
    return sparse, dense
