"""Loaded language of one article: which sentences the shipped classifier flags, and why.

Examples
--------
>>> from mediacompare.text import sentences
>>> ss = sentences("The council met on Monday. Its shameful, disastrous scheme collapsed.")
>>> result = score_loaded(ss)
>>> result.flagged
(False, True)
>>> [(w.text, w.category) for w in result.words]  # None: a learned word, not in the lexicon
[('shameful', 'sensational'), ('disastrous', 'sensational'), ('collapsed', None)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Sentence
from .classifier import LoadedLanguageClassifier

__all__ = ["LoadedLanguage", "LoadedWord", "score_loaded", "score_loaded_many"]


@dataclass(frozen=True)
class LoadedWord:
    """A word that drove a flagged sentence: ``text == article_text[start:end]``."""

    sentence_index: int
    start: int
    end: int
    text: str
    weight: float
    category: str | None
    quoted: bool


@dataclass(frozen=True)
class LoadedLanguage:
    """Per-sentence probabilities and decisions, and the words behind flagged sentences.

    Attributes
    ----------
    probabilities : tuple of float
        P(loaded wording) of each sentence, in sentence order.
    flagged : tuple of bool
        Whether each sentence is at or above the classifier's threshold.
    words : tuple of LoadedWord
        The explaining words of the flagged sentences (article offsets): those the word model
        scores at least its ``word_threshold``, or, when none is, the sentence's
        :data:`FALLBACK_WORDS` best-scoring words (so every flag shows where it comes from).
    """

    probabilities: tuple[float, ...]
    flagged: tuple[bool, ...]
    words: tuple[LoadedWord, ...]

    @property
    def share(self) -> float:
        """Share of sentences flagged (NaN for an article without sentences)."""
        return sum(self.flagged) / len(self.flagged) if self.flagged else float("nan")


#: A flagged sentence with no word over the word threshold shows this many top-scoring words.
FALLBACK_WORDS = 2


def _evidence(scored: list[dict], threshold: float) -> list[dict]:
    """The words over ``threshold``, else the :data:`FALLBACK_WORDS` best (in text order)."""
    over = [w for w in scored if w["weight"] >= threshold]
    if over:
        return over
    best = sorted(scored, key=lambda w: -w["weight"])[:FALLBACK_WORDS]
    return sorted(best, key=lambda w: w["start"])


def score_loaded(
    sentences: Sequence[Sentence], model: LoadedLanguageClassifier | None = None
) -> LoadedLanguage:
    """Score every sentence with ``model`` (the shipped classifier by default)."""
    return score_loaded_many([sentences], model)[0]


def score_loaded_many(
    articles: Sequence[Sequence[Sentence]], model: LoadedLanguageClassifier | None = None
) -> list[LoadedLanguage]:
    """:func:`score_loaded` of many articles' sentences in one classifier pass (same results).

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> many = score_loaded_many([sentences("A shameful scheme."), [], sentences("We met.")])
    >>> [r.flagged for r in many]
    [(True,), (), (False,)]
    """
    model = model if model is not None else LoadedLanguageClassifier.pretrained()
    texts = [s.text for sents in articles for s in sents]
    probabilities, scored = model.score_sentences(texts) if texts else ((), [])
    results, at = [], 0
    for sents in articles:
        probs, found = probabilities[at : at + len(sents)], scored[at : at + len(sents)]
        at += len(sents)
        flagged = tuple(bool(p >= model.threshold) for p in probs)
        words = tuple(
            LoadedWord(s.index, s.start + w["start"], s.start + w["end"], w["text"], w["weight"],
                       w["category"], w["quoted"])
            for s, hit, explained in zip(sents, flagged, found) if hit
            for w in _evidence(explained, model.word_threshold)
        )
        results.append(LoadedLanguage(tuple(float(p) for p in probs), flagged, words))
    return results
