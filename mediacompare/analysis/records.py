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

__all__ = ["ArticleAnalysis", "ArticleSentiment", "SentimentScores", "TargetSentiment", "ToneBlock"]


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
    """Everything computed from one article alone (no corpus-level information).

    ``term_counts`` (unigram and bigram counts) are the mergeable partial that ``compare``
    needs for TF-IDF and log-odds, so compare can run after a map-reduce. Each actor
    mention carries its own target sentiment (``mention.sentiment``); ``references`` are the
    nominal references and pronouns linked to a named person (with the evidence of each link).
    """

    article: Article
    sentences: tuple[Sentence, ...]
    sentence_sentiment: tuple[SentimentScores, ...]
    sentiment: ArticleSentiment | None
    term_counts: Mapping[str, int] = field(default_factory=dict)
    word_count: int = 0
    skipped_reason: str | None = None
    frames: ArticleFrames | None = None
    frame_model_scores: Mapping[str, float] = field(default_factory=dict)
    actors: tuple[ActorMention, ...] = ()
    references: tuple[ActorReference, ...] = ()
    quotes: tuple[Quote, ...] = ()
    headline_quotes: tuple[Quote, ...] = ()
    style: StyleProfile | None = None
    quantities: tuple[Quantity, ...] = ()

    @property
    def scored(self) -> bool:
        """False when the article was kept but not scored (e.g. not English)."""
        return self.sentiment is not None
