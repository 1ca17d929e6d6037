"""What analysis produces for one article: :class:`ArticleAnalysis` and its score records.

Everything here is computed from one article alone (no corpus-level information), so analysis
runs in parallel; the comparison stage reads these records. Scores are unrounded floats.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Article, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from .actors import ActorMention
    from .actors.references import ActorReference
    from .framing import ArticleFrames
    from .quantities import Quantity
    from .quotes import Quote
    from .style import StyleProfile

__all__ = [
    "AnyAnalysis",
    "ArticleAnalysis",
    "ArticleSentiment",
    "SentimentScores",
    "SkippedArticle",
    "TargetSentiment",
    "ToneBlock",
]


@dataclass(frozen=True)
class SentimentScores:
    """VADER scores of one sentence, exactly as NLTK's ``polarity_scores`` returns them."""

    neg: float
    neu: float
    pos: float
    compound: float


@dataclass(frozen=True)
class ToneBlock:
    """GDELT-style tone: percentages of positive / negative words over all words."""

    positive_pct: float
    negative_pct: float
    word_count: int

    @property
    def tone(self) -> float:
        """Positive % minus negative %."""
        return self.positive_pct - self.negative_pct

    @property
    def polarity(self) -> float:
        """Positive % plus negative % (how emotionally charged, either way)."""
        return self.positive_pct + self.negative_pct


@dataclass(frozen=True)
class ArticleSentiment:
    """Per-article summary of sentence-level VADER scores plus the tone block."""

    compound_mean: float
    positive_share: float
    neutral_share: float
    negative_share: float
    most_positive: int | None
    most_negative: int | None
    tone: ToneBlock
    headline_compound: float | None = None


@dataclass(frozen=True)
class TargetSentiment:
    """How a sentence treats one actor mention: label in {-1, 0, 1} and class probabilities."""

    label: int
    negative: float
    neutral: float
    positive: float

    @property
    def score(self) -> float:
        """Expected polarity, ``positive - negative`` (−1..1)."""
        return self.positive - self.negative


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything computed from one scored article alone (no corpus-level information).

    Every field is filled: an article that cannot be scored is a :class:`SkippedArticle`
    instead. ``term_counts`` (unigram and bigram counts) are the mergeable partial that
    ``compare`` needs for TF-IDF and log-odds, so compare can run after a map-reduce. Each
    actor mention carries its own target sentiment (``mention.sentiment``); ``references`` are
    the nominal references and pronouns linked to a named person (with the evidence of each
    link).
    """

    article: Article
    sentences: tuple[Sentence, ...]
    sentence_sentiment: tuple[SentimentScores, ...]
    sentiment: ArticleSentiment
    term_counts: Mapping[str, int]
    word_count: int
    frames: ArticleFrames
    style: StyleProfile
    frame_model_scores: Mapping[str, float] = field(default_factory=dict)
    actors: tuple[ActorMention, ...] = ()
    references: tuple[ActorReference, ...] = ()
    quotes: tuple[Quote, ...] = ()
    headline_quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()

    @property
    def scored(self) -> bool:
        """Always True (see :class:`SkippedArticle`)."""
        return True

    @property
    def skipped_reason(self) -> None:
        """Always None: a scored article was not skipped."""
        return None


@dataclass(frozen=True)
class SkippedArticle:
    """An article kept in the run but not scored, and why (not English, or analysis failed).

    The report lists it with its reason; no outlet figure counts it.

    Examples
    --------
    >>> s = SkippedArticle(Article(id="a", outlet="X", text="Hola."), "not English")
    >>> s.scored, s.skipped_reason
    (False, 'not English')
    """

    article: Article
    skipped_reason: str
    sentences: tuple[Sentence, ...] = ()
    word_count: int = 0

    @property
    def scored(self) -> bool:
        """Always False."""
        return False


AnyAnalysis = ArticleAnalysis | SkippedArticle
"""What analysis returns for one article: its scores, or why it has none."""
