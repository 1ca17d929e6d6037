"""Sentence sentiment with VADER (NLTK's semantics), GDELT-style tone, and a sklearn transformer.

Every sentence is scored by :class:`~mediacompare.analysis.vader.VaderAnalyzer` — NLTK's VADER
rules, equal float for float to :class:`~nltk.sentiment.vader.SentimentIntensityAnalyzer` —
with the lexicon file that ships inside the ``vaderSentiment`` wheel, so nothing is ever
downloaded (NLTK rounds ``neg``/``neu``/``pos`` to 3 and ``compound`` to 4 decimals; the values
are kept unchanged).

Examples
--------
>>> from mediacompare.text import sentences
>>> ss = sentences("The talks were a great success. Then the shelling killed nine people.")
>>> [s.compound for s in score_sentences(ss)]
[0.8316, -0.6705]
>>> summary = summarize(ss, score_sentences(ss))
>>> summary.most_positive, summary.most_negative, summary.positive_share
(0, 1, 0.5)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import cache

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .records import ArticleSentiment, SentimentScores, ToneBlock
from ..model import Sentence
from ..text import raw_documents, selected_features
from ..text import sentences as split_sentences
from .vader import VaderAnalyzer, lexicon_path

__all__ = [
    "FEATURE_NAMES",
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "SentimentVectorizer",
    "analyzer",
    "lexicon_path",
    "score_sentences",
    "summarize",
    "tone_block",
]

#: A sentence counts as positive when its compound score is at least this (Hutto & Gilbert).
POSITIVE_THRESHOLD = 0.05
#: A sentence counts as negative when its compound score is at most this.
NEGATIVE_THRESHOLD = -0.05

# --------------------------------------------------------------------------- the analyzer


@cache
def analyzer() -> VaderAnalyzer:
    """The VADER analyzer with the ``vaderSentiment`` lexicon, built once per process.

    A :class:`~mediacompare.analysis.vader.VaderAnalyzer`: NLTK's rules, score for score
    equal to ``nltk.sentiment.vader.SentimentIntensityAnalyzer`` given the same lexicon file,
    many times faster. Nothing is downloaded.

    Raises
    ------
    MediaCompareError
        If the lexicon is missing or looks truncated.

    Examples
    --------
    >>> len(analyzer().lexicon) > 7000
    True
    >>> analyzer().polarity_scores("The book was kind of good.")["compound"]
    0.3832
    """
    return VaderAnalyzer()


# --------------------------------------------------------------------------- per article


def score_sentences(sentences: Sequence[Sentence]) -> tuple[SentimentScores, ...]:
    """VADER scores of each sentence, exactly as NLTK's ``polarity_scores`` returns them.

    Parameters
    ----------
    sentences : sequence of Sentence
        Sentences from :func:`mediacompare.text.sentences`; each is scored on its ``text``.

    Returns
    -------
    tuple of SentimentScores
        One per sentence, in order.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> score_sentences(sentences("The book was good."))
    (SentimentScores(neg=0.0, neu=0.508, pos=0.492, compound=0.4404),)
    """
    polarity_scores = analyzer().polarity_scores
    result = []
    for sentence in sentences:
        s = polarity_scores(sentence.text)
        result.append(
            SentimentScores(neg=s["neg"], neu=s["neu"], pos=s["pos"], compound=s["compound"])
        )
    return tuple(result)


def tone_block(sentences: Sequence[Sentence]) -> ToneBlock:
    """GDELT-style tone: the percentage of words that are positive and negative.

    A word token (``Token.is_word``) is positive when its lower-cased form has a VADER lexicon
    valence above 0 and negative when below 0. As in GDELT's dictionary counts, each word
    counts on its own: VADER's negation ("not good"), booster ("very") and capitalisation
    rules are *not* applied, and punctuation or emoticons are not words. The tokens already
    in the sentences are used (no second tokenisation).

    Parameters
    ----------
    sentences : sequence of Sentence

    Returns
    -------
    ToneBlock
        ``positive_pct`` and ``negative_pct`` in percent (0-100) of ``word_count``; both 0.0
        when there are no words. ``tone`` = pos - neg, ``polarity`` = pos + neg.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> t = tone_block(sentences("Good news, bad news and terrible news."))
    >>> t.word_count, round(t.positive_pct, 2), round(t.negative_pct, 2), round(t.tone, 2)
    (7, 14.29, 28.57, -14.29)
    """
    lexicon = analyzer().lexicon
    n_words = n_positive = n_negative = 0
    for sentence in sentences:
        for token in sentence.tokens:
            if not token.is_word:
                continue
            n_words += 1
            valence = lexicon.get(token.text.lower(), 0.0)
            if valence > 0:
                n_positive += 1
            elif valence < 0:
                n_negative += 1
    if n_words == 0:
        return ToneBlock(positive_pct=0.0, negative_pct=0.0, word_count=0)
    return ToneBlock(
        positive_pct=100.0 * n_positive / n_words,
        negative_pct=100.0 * n_negative / n_words,
        word_count=n_words,
    )


def summarize(
    sentences: Sequence[Sentence],
    scores: Sequence[SentimentScores],
    *,
    headline: str | None = None,
    threshold: float = POSITIVE_THRESHOLD,
) -> ArticleSentiment:
    """Summarise an article's sentence scores.

    Parameters
    ----------
    sentences : sequence of Sentence
        The article's sentences (for the tone block).
    scores : sequence of SentimentScores
        Their scores from :func:`score_sentences` (same length and order).
    headline : str, optional
        Scored whole with VADER into ``headline_compound`` when given and not blank.
    threshold : float, default 0.05
        A sentence is positive when ``compound >= threshold``, negative when
        ``compound <= -threshold``, neutral otherwise.

    Returns
    -------
    ArticleSentiment
        Mean compound and sentence shares (all 0.0 for no sentences); ``most_positive`` /
        ``most_negative`` are the *list positions* of the highest / lowest compound among the
        positive / negative sentences (first on ties; None when there is none).

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> ss = sentences("A wonderful day. Nothing happened. A horrible night.")
    >>> s = summarize(ss, score_sentences(ss), headline="Good and bad")
    >>> (s.positive_share, s.neutral_share, s.most_positive, s.most_negative)
    (0.3333333333333333, 0.3333333333333333, 0, 2)
    >>> summarize((), ()).most_positive is None
    True
    """
    if len(sentences) != len(scores):
        raise ValueError(f"got {len(sentences)} sentences but {len(scores)} scores; pass both")
    compounds = [s.compound for s in scores]
    n = len(compounds)
    n_pos = sum(c >= threshold for c in compounds)
    n_neg = sum(c <= -threshold for c in compounds)
    most_positive = most_negative = None
    if n_pos:
        top = max(compounds)
        most_positive = compounds.index(top)
    if n_neg:
        bottom = min(compounds)
        most_negative = compounds.index(bottom)
    headline_compound = None
    if headline is not None and headline.strip():
        headline_compound = analyzer().polarity_scores(headline)["compound"]
    return ArticleSentiment(
        compound_mean=math.fsum(compounds) / n if n else 0.0,
        positive_share=n_pos / n if n else 0.0,
        neutral_share=(n - n_pos - n_neg) / n if n else 0.0,
        negative_share=n_neg / n if n else 0.0,
        most_positive=most_positive,
        most_negative=most_negative,
        tone=tone_block(sentences),
        headline_compound=headline_compound,
    )


# --------------------------------------------------------------------------- scikit-learn

#: Columns of :class:`SentimentVectorizer` output, in this (stable) order.
FEATURE_NAMES: tuple[str, ...] = (
    "compound_mean",   # mean sentence compound
    "compound_min",    # most negative sentence compound (0.0 for an empty document)
    "compound_max",    # most positive sentence compound (0.0 for an empty document)
    "positive_share",  # share of sentences with compound >= threshold
    "neutral_share",
    "negative_share",  # share of sentences with compound <= -threshold
    "tone",            # GDELT tone: positive % - negative % of words
    "polarity",        # positive % + negative % of words
    "word_count",      # number of word tokens
)


def _document_features(text: str, threshold: float) -> list[float]:
    sents = split_sentences(text)
    scores = score_sentences(sents)
    summary = summarize(sents, scores, threshold=threshold)
    compounds = [s.compound for s in scores]
    return [
        summary.compound_mean,
        min(compounds, default=0.0),
        max(compounds, default=0.0),
        summary.positive_share,
        summary.neutral_share,
        summary.negative_share,
        summary.tone.tone,
        summary.tone.polarity,
        float(summary.tone.word_count),
    ]


class SentimentVectorizer(TransformerMixin, BaseEstimator):
    """Raw texts → per-document VADER sentiment features.

    Each document is split with :func:`mediacompare.text.sentences`, every sentence scored with
    :func:`score_sentences`, and the scores summarised (see :data:`FEATURE_NAMES`). The
    transformer is stateless: ``fit`` only validates parameters and input.

    Parameters
    ----------
    threshold : float, default 0.05
        Compound score at or above which a sentence is positive (at or below minus it,
        negative). Must be in ``[0, 1)``.
    features : sequence of str, optional
        Subset of :data:`FEATURE_NAMES` to output, in the order given. Default: all.

    Attributes
    ----------
    feature_names_out_ : ndarray of str
        Names of the output columns.

    Notes
    -----
    Like sklearn's text vectorizers it takes an iterable of strings (list, Series, 1-d
    array), not a 2-d array, so ``n_features_in_`` is not set. A single string raises
    ``ValueError``.

    Examples
    --------
    >>> vec = SentimentVectorizer(features=["compound_mean", "word_count"])
    >>> vec.fit_transform(["The book was good.", "A horrible, horrible day."])
    array([[ 0.4404,  4.    ],
           [-0.7906,  4.    ]])
    >>> vec.get_feature_names_out()
    array(['compound_mean', 'word_count'], dtype=object)
    """

    def __init__(
        self, *, threshold: float = POSITIVE_THRESHOLD, features: Sequence[str] | None = None
    ):
        self.threshold = threshold
        self.features = features

    def _selected(self) -> list[str]:
        if not isinstance(self.threshold, (int, float)) or not 0 <= self.threshold < 1:
            raise ValueError(f"threshold must be a number in [0, 1), got {self.threshold!r}")
        return selected_features(self.features, FEATURE_NAMES)

    def fit(self, X: Iterable[str], y: object = None) -> SentimentVectorizer:
        """Validate parameters and input; learn nothing.

        Parameters
        ----------
        X : iterable of str
            Raw documents (not a single string).
        y : ignored

        Returns
        -------
        self
        """
        selected = self._selected()
        raw_documents(X, "SentimentVectorizer")
        self.feature_names_out_ = np.asarray(selected, dtype=object)
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """Sentiment features of each document.

        Parameters
        ----------
        X : iterable of str
            Raw documents.

        Returns
        -------
        ndarray of shape (n_documents, n_features), float64
        """
        check_is_fitted(self)
        docs = raw_documents(X, "SentimentVectorizer")
        columns = [FEATURE_NAMES.index(name) for name in self.feature_names_out_]
        out = np.zeros((len(docs), len(columns)), dtype=np.float64)
        for i, doc in enumerate(docs):
            out[i] = np.asarray(_document_features(doc, float(self.threshold)))[columns]
        return out

    def fit_transform(self, X: Iterable[str], y: object = None) -> np.ndarray:
        """``fit`` then ``transform`` in one pass over ``X`` (so a generator works too)."""
        docs = raw_documents(X, "SentimentVectorizer")
        return self.fit(docs).transform(docs)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Output column names (``input_features`` is ignored: input is raw text).

        Returns
        -------
        ndarray of str
        """
        check_is_fitted(self)
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags
