"""Per-article style profile: marker rates, shares, readability and headline tone, with cues.

Examples
--------
>>> from mediacompare.text import sentences
>>> ss = sentences("Missiles rained down! It's been reported that the attack was massive.")
>>> p = score_style(ss, title="Chaos", body_compound_mean=-0.5)
>>> p.word_count, p.counts["exclamations"], p.counts["emotive_idioms"]
(11, 1, 1)
>>> round(p.exclamations, 2), round(p.sensationalism, 2)  # per 1,000 words
(90.91, 272.73)
>>> [c.text for c in p.cues["attribution_hedges"]]
["It's been reported"]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...model import FrozenMapping, Sentence
from .markers import (
    HEDGE_MARKERS,
    MARKERS,
    SENSATIONAL_MARKERS,
    Cue,
    quote_spans,
    scan,
)
from .readability import readability

if TYPE_CHECKING:  # pragma: no cover
    from ..loaded.score import LoadedLanguage

__all__ = ["FEATURE_NAMES", "RATE_MARKERS", "StyleProfile", "score_style"]

#: Markers reported as counts per 1,000 words (all cue markers but subjective words).
RATE_MARKERS: tuple[str, ...] = tuple(m for m in MARKERS if m != "subjective_words")

#: Columns of :meth:`StyleProfile.as_features` and :class:`StyleVectorizer`, in this order.
FEATURE_NAMES: tuple[str, ...] = (
    *RATE_MARKERS,
    "sensationalism",
    "hedges",
    "subjectivity",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "headline_compound",
    "body_compound",
    "headline_body_gap",
    "quoted_share",
    "word_count",
)


#: Figures that are sums of cues over sentences, and the markers summed.
_SENTENCE_SUMS: dict[str, tuple[str, ...]] = {
    **{m: (m,) for m in RATE_MARKERS},
    "sensationalism": tuple(SENSATIONAL_MARKERS),
    "hedges": tuple(HEDGE_MARKERS),
    "subjectivity": ("subjective_words",),
}


@dataclass(frozen=True)
class StyleProfile:
    """How one article is written. Rates are per 1,000 words; shares are in [0, 1].

    Undefined values (no words, no headline, no body tone given) are NaN, never 0.

    Attributes
    ----------
    exclamations, intensifiers, superlatives, all_caps, emotive_idioms : float
        Sensationalism markers, per 1,000 words; ``sensationalism`` is their sum.
    conventional_metaphors : float
        Stock metaphors ("green light"), per 1,000 words; not part of sensationalism.
    attribution_hedges, modal_hedges : float
        Hedging per 1,000 words; ``hedges`` is their sum.
    subjectivity : float
        Share of word tokens that carry a VADER lexicon valence.
    flesch_reading_ease, flesch_kincaid_grade : float
        Readability (see :mod:`mediacompare.analysis.style.readability`).
    headline_compound, body_compound, headline_body_gap : float
        VADER compound of the headline, the mean sentence compound of the body, and
        headline minus body.
    quoted_share : float
        Characters inside quotation marks over body characters (sentence characters).
    cues : mapping of str to tuple of Cue
        The evidence for every marker in :data:`~mediacompare.analysis.style.markers.MARKERS`.
    word_count, sentence_count, syllable_count, readability_words, readability_sentences,
    quoted_chars, body_chars : int
        The counts behind the rates, so outlet-level rates can be pooled (sum of counts over
        sum of words) rather than averaged.
    """

    word_count: int
    sentence_count: int
    exclamations: float
    intensifiers: float
    superlatives: float
    all_caps: float
    emotive_idioms: float
    conventional_metaphors: float
    attribution_hedges: float
    modal_hedges: float
    sensationalism: float
    hedges: float
    subjectivity: float
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    headline_compound: float
    body_compound: float
    headline_body_gap: float
    quoted_share: float
    syllable_count: int = 0
    readability_words: int = 0
    readability_sentences: int = 0
    quoted_chars: int = 0
    body_chars: int = 0
    loaded_language: float = math.nan
    loaded_flags: tuple[bool, ...] = ()
    cues: Mapping[str, tuple[Cue, ...]] = field(default_factory=lambda: FrozenMapping({}))

    def sentence_values(self, metric: str) -> tuple[float, ...] | None:
        """Per-sentence values whose mean is this article's ``metric``, for the within-article
        interval; None for figures that are not sums over sentences (readability, headline
        tone, quoted share).

        Each sentence contributes its cues over the article's mean words per sentence (the
        rate's numerator resampled, its word count held fixed).

        Examples
        --------
        >>> from mediacompare.text import sentences
        >>> p = score_style(sentences("A huge blast. Calm now. It was massive and huge."))
        >>> v = p.sentence_values("intensifiers")
        >>> len(v), abs(sum(v) / len(v) - p.intensifiers) < 1e-9
        (3, True)
        >>> p.sentence_values("flesch_reading_ease") is None
        True
        """
        if metric == "loaded_language":
            return tuple(float(f) for f in self.loaded_flags) if self.loaded_flags else None
        markers = _SENTENCE_SUMS.get(metric)
        if markers is None or not self.word_count or not self.sentence_count:
            return None
        scale = (1.0 if metric == "subjectivity" else 1000.0) / self.word_count * self.sentence_count
        counts = [0] * self.sentence_count
        for name in markers:
            for cue in self.cues.get(name, ()):
                counts[cue.sentence_index] += 1
        return tuple(c * scale for c in counts)

    @property
    def counts(self) -> Mapping[str, int]:
        """Number of cues per marker (the mergeable partial behind each rate)."""
        return FrozenMapping({name: len(self.cues.get(name, ())) for name in MARKERS})

    def as_features(self) -> tuple[float, ...]:
        """Values in :data:`FEATURE_NAMES` order (NaN where undefined).

        Examples
        --------
        >>> from mediacompare.text import sentences
        >>> p = score_style(sentences("A huge blast."))
        >>> dict(zip(FEATURE_NAMES, p.as_features()))["intensifiers"]
        333.3333333333333
        """
        return tuple(float(getattr(self, name)) for name in FEATURE_NAMES)

    @staticmethod
    def feature_names() -> tuple[str, ...]:
        """:data:`FEATURE_NAMES`."""
        return FEATURE_NAMES


def _quoted_chars(sentences: Sequence[Sentence], spans: Sequence[tuple[int, int]]) -> int:
    total = 0
    j = 0
    for a, b in spans:  # both lists are in text order: one sweep
        while j < len(sentences) and sentences[j].end <= a:
            j += 1
        k = j
        while k < len(sentences) and sentences[k].start < b:
            total += max(0, min(b, sentences[k].end) - max(a, sentences[k].start))
            k += 1
    return total


def score_style(
    sentences: Sequence[Sentence],
    *,
    title: str | None = None,
    title_compound: float | None = None,
    body_compound_mean: float | None = None,
    quoted_chars: int | None = None,
    loaded: LoadedLanguage | None = None,
) -> StyleProfile:
    """Style markers of one article from its sentences (no re-tokenisation).

    Parameters
    ----------
    sentences : sequence of Sentence
        From :func:`mediacompare.text.sentences` on the article text.
    title : str, optional
        The headline; scored once with VADER unless ``title_compound`` is given.
    title_compound : float, optional
        Precomputed headline compound (``ArticleSentiment.headline_compound``).
    body_compound_mean : float, optional
        Mean VADER compound of the body sentences (``ArticleSentiment.compound_mean``); body
        sentences are never re-scored here. NaN body tone when not given.
    quoted_chars : int, optional
        Characters inside quotes from a fuller quote extractor; default: a balanced-quote scan.
    loaded : LoadedLanguage, optional
        The article's loaded-language scores (:func:`mediacompare.analysis.loaded.score_loaded`);
        ``loaded_language`` is NaN without them.

    Returns
    -------
    StyleProfile

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> p = score_style(sentences('He said: "We will win." It may rain.'))
    >>> p.quoted_chars, p.body_chars, [c.text for c in p.cues["modal_hedges"]]
    (12, 35, ['may'])
    >>> import math; math.isnan(p.headline_body_gap)
    True
    """
    spans = quote_spans(sentences)
    cues, n_words = scan(sentences, spans)
    per_k = 1000.0 / n_words if n_words else math.nan
    rates = {name: len(cues[name]) * per_k for name in RATE_MARKERS}
    read = readability(sentences)
    if title_compound is None and title is not None and title.strip():
        from ..sentiment import analyzer

        title_compound = analyzer().polarity_scores(title)["compound"]
    headline = math.nan if title_compound is None else float(title_compound)
    body = math.nan if body_compound_mean is None else float(body_compound_mean)
    n_quoted = _quoted_chars(sentences, spans) if quoted_chars is None else int(quoted_chars)
    body_chars = sum(len(s.text) for s in sentences)
    all_cues = {name: tuple(cues[name]) for name in MARKERS}
    if loaded is not None:
        all_cues["loaded_words"] = tuple(
            Cue(w.sentence_index, w.start, w.end, w.text, w.category or "learned", w.quoted)
            for w in loaded.words
        )
    return StyleProfile(
        word_count=n_words,
        sentence_count=len(sentences),
        **rates,
        sensationalism=math.fsum(rates[m] for m in SENSATIONAL_MARKERS),
        hedges=math.fsum(rates[m] for m in HEDGE_MARKERS),
        subjectivity=len(cues["subjective_words"]) / n_words if n_words else math.nan,
        flesch_reading_ease=read.reading_ease,
        flesch_kincaid_grade=read.grade,
        headline_compound=headline,
        body_compound=body,
        headline_body_gap=headline - body,
        quoted_share=n_quoted / body_chars if body_chars else math.nan,
        syllable_count=read.syllables,
        readability_words=read.words,
        readability_sentences=read.sentences,
        quoted_chars=n_quoted,
        body_chars=body_chars,
        loaded_language=loaded.share if loaded is not None else math.nan,
        loaded_flags=loaded.flagged if loaded is not None else (),
        cues=FrozenMapping(all_cues),
    )

