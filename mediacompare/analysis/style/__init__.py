"""How an article is written: sensationalism, hedging, subjectivity, readability, tone, quotes.

Every marker is computed from the article's :class:`~mediacompare.model.Sentence` objects (one
tokenisation pass) and shown with its cues (article offsets). What counts as a cue, how each
value is computed and the blind spots are in ``docs/style.md``.

* :func:`score_style` → :class:`StyleProfile` (per article)
* :class:`StyleVectorizer` (scikit-learn transformer: texts → :data:`FEATURE_NAMES` columns)
* :func:`syllables`, :func:`readability` (Flesch reading ease, Flesch–Kincaid grade)

Examples
--------
>>> from mediacompare.text import sentences
>>> p = score_style(sentences("Putin got a taste of his own medicine, reportedly."))
>>> [(c.text, c.label) for c in p.cues["emotive_idioms"]]
[('taste of his own medicine', 'taste of his|her|their|its|our|your|my own medicine')]
>>> [c.text for c in p.cues["attribution_hedges"]]
['reportedly']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .markers import HEDGE_MARKERS, MARKERS, SENSATIONAL_MARKERS, Cue, find_cues, quote_spans
from .profile import FEATURE_NAMES, RATE_MARKERS, StyleProfile, score_style
from .readability import (
    Readability,
    flesch_kincaid_grade,
    flesch_reading_ease,
    readability,
    syllables,
)

__all__ = [
    "FEATURE_NAMES",
    "HEDGE_MARKERS",
    "MARKERS",
    "RATE_MARKERS",
    "SENSATIONAL_MARKERS",
    "Cue",
    "Readability",
    "StyleProfile",
    "StyleVectorizer",
    "find_cues",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "quote_spans",
    "readability",
    "score_style",
    "syllables",
]


def __getattr__(name: str):
    if name == "StyleVectorizer":  # imports scikit-learn: only on first use
        from .vectorizer import StyleVectorizer

        return StyleVectorizer
    raise AttributeError(f"module 'mediacompare.analysis.style' has no attribute {name!r}")


if TYPE_CHECKING:  # pragma: no cover
    from .vectorizer import StyleVectorizer
